import { z } from "@hono/zod-openapi";
import type { BodyModel } from "../generated/prisma-node/models";
import { nonEmptyPatch, recordMeta, ZLine, ZOptionalLine, ZRecordMeta } from "./common";

export const ZBody = z
  .object({
    ...ZRecordMeta,
    name: z.string().openapi({ example: "Stadt Schwäbisch Gmünd" }),
    shortName: z.string().nullable(),
    website: z.string().nullable(),
    publishAttendance: z.boolean().openapi({
      description: "Whether OParl publishes who attended each held meeting (`gremium:attendance`). Off unless the body chooses it.",
    }),
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
});
