import { z } from "@hono/zod-openapi";
import type { BodyModel } from "../generated/prisma-node/models";
import { nonEmptyPatch, recordMeta, ZLatitude, ZLine, ZLongitude, ZOptionalLine, ZRecordMeta } from "./common";

export const ZBody = z
  .object({
    ...ZRecordMeta,
    name: z.string().openapi({ example: "Stadt Schwäbisch Gmünd" }),
    shortName: z.string().nullable(),
    website: z.string().nullable(),
    publishAttendance: z.boolean().openapi({
      description: "Whether OParl publishes who attended each held meeting (`gremium:attendance`). Off unless the body chooses it.",
    }),
    ags: z.string().nullable().openapi({ description: "Amtlicher Gemeindeschlüssel (8 digits).", example: "08136088" }),
    contactEmail: z.string().nullable().openapi({ description: "Where the public writes to about the committees." }),
    contactName: z.string().nullable().openapi({ example: "Stabsstelle Integration" }),
    address: z.string().nullable().openapi({ description: "The seat of the administration.", example: "Marktplatz 1, 73525 Remsfeld" }),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  })
  .openapi("Body");
export type TBody = z.infer<typeof ZBody>;

export const ZBodyCreate = z
  .object({
    name: ZLine(200),
    shortName: ZOptionalLine(50),
    website: z
      .url({ protocol: /^https?$/, error: "muss eine http(s)-Adresse sein" })
      .max(500)
      .nullable()
      .optional(),
    publishAttendance: z.boolean().optional(),
    ags: z
      .string()
      .regex(/^\d{8}$/, "muss der achtstellige Amtliche Gemeindeschlüssel sein, etwa 08136088")
      .nullable()
      .optional(),
    contactEmail: z.email({ error: "muss eine E-Mail-Adresse sein" }).max(254).nullable().optional(),
    contactName: ZOptionalLine(200),
    address: ZOptionalLine(300),
    latitude: ZLatitude.nullable().optional(),
    longitude: ZLongitude.nullable().optional(),
  })
  .strict()
  .openapi("BodyCreate");
export type TBodyCreate = z.infer<typeof ZBodyCreate>;

export const ZBodyUpdate = nonEmptyPatch(
  ZBodyCreate.partial()
    .extend({ name: ZLine(200).optional() })
    .strict(),
).openapi("BodyUpdate");
export type TBodyUpdate = z.infer<typeof ZBodyUpdate>;

export const ZBodyListQuery = z.object({
  q: z.string().max(100).optional().openapi({ description: "Part of the name." }),
});

export const toBodyView = (body: BodyModel): TBody => ({
  ...recordMeta(body),
  name: body.name,
  shortName: body.shortName,
  website: body.website,
  publishAttendance: body.publishAttendance,
  ags: body.ags,
  contactEmail: body.contactEmail,
  contactName: body.contactName,
  address: body.address,
  latitude: body.latitude,
  longitude: body.longitude,
});
