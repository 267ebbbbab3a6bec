import { z } from "@hono/zod-openapi";
import type { Principal } from "../auth/principal";
import { canSeeContactData } from "../policies/people";
import type { PersonModel } from "../generated/prisma-node/models";
import { nonEmptyPatch, recordMeta, ZId, ZLine, ZOptionalLine, ZRecordMeta } from "./common";

export const ZPerson = z
  .object({
    ...ZRecordMeta,
    bodyId: z.string(),
    givenName: z.string().openapi({ example: "Şükrü" }),
    familyName: z.string().openapi({ example: "Yıldırım" }),
    formOfAddress: z.string().nullable().openapi({ example: "Herr" }),
    title: z.string().nullable().openapi({ example: "Dr." }),
    organisation: z.string().nullable(),
    email: z.string().nullable().optional().openapi({ description: "Only for the body's secretariat and admins." }),
    phone: z.string().nullable().optional().openapi({ description: "Only for the body's secretariat and admins." }),
    mailOptOut: z
      .boolean()
      .optional()
      .openapi({ description: "The person asked for no e-mail and is invited by post. Only for the body's secretariat and admins." }),
  })
  .openapi("Person");
export type TPerson = z.infer<typeof ZPerson>;

export const personFields = {
  givenName: ZLine(100),
  familyName: ZLine(100),
  formOfAddress: ZOptionalLine(30),
  title: ZOptionalLine(50),
  organisation: ZOptionalLine(200),
  email: z.email({ error: "muss eine E-Mail-Adresse sein" }).max(254).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()/-]{3,30}$/, "muss eine Telefonnummer aus Ziffern, Leerzeichen und + ( ) / - sein")
    .nullable()
    .optional(),
  mailOptOut: z.boolean().optional(),
};

export const ZPersonCreate = z
  .object({ bodyId: ZId, ...personFields })
  .strict()
  .openapi("PersonCreate");
export type TPersonCreate = z.infer<typeof ZPersonCreate>;

export const ZPersonUpdate = nonEmptyPatch(
  z
    .object({
      ...personFields,
      givenName: personFields.givenName.optional(),
      familyName: personFields.familyName.optional(),
    })
    .strict(),
).openapi("PersonUpdate");
export type TPersonUpdate = z.infer<typeof ZPersonUpdate>;

export const ZPersonListQuery = z.object({
  bodyId: ZId.optional(),
  q: z.string().max(100).optional().openapi({ description: "Part of the given or family name." }),
});

/** A person as the caller may see them: contact data only for the secretariat of their body and admins. */
export function toPersonView(person: PersonModel, viewer: Principal): TPerson {
  const view: TPerson = {
    ...recordMeta(person),
    bodyId: person.bodyId,
    givenName: person.givenName,
    familyName: person.familyName,
    formOfAddress: person.formOfAddress,
    title: person.title,
    organisation: person.organisation,
  };
  if (canSeeContactData(viewer, person)) {
    view.email = person.email;
    view.phone = person.phone;
    view.mailOptOut = person.mailOptOut;
  }
  return view;
}

/** "Dr. Şükrü Yıldırım" */
export const displayName = (person: Pick<PersonModel, "title" | "givenName" | "familyName">) =>
  [person.title, person.givenName, person.familyName].filter(Boolean).join(" ");
