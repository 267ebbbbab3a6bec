import { z } from "@hono/zod-openapi";
import type { CommitteeModel } from "../generated/prisma-node/models";
import { COMMITTEE_KINDS, type CommitteeKind } from "../rules/membership";
import { nonEmptyPatch, recordMeta, ZCalendarDate, ZId, ZLine, ZOptionalText, ZRecordMeta } from "./common";

const ZKind = z.enum(COMMITTEE_KINDS).openapi({
  description:
    "advisory_council: Integrationsbeirat; advisory_committee: beratender Ausschuss; decision_committee: beschließender " +
    "Ausschuss; working_group: Arbeits-/Fachgruppe.",
});

export const ZCommittee = z
  .object({
    ...ZRecordMeta,
    bodyId: z.string(),
    name: z.string().openapi({ example: "Integrationsbeirat" }),
    shortName: z.string().openapi({ example: "IBR" }),
    kind: ZKind,
    noticePeriodDays: z.number().int(),
    description: z.string().nullable(),
    constitutedOn: z.string().nullable().openapi({ format: "date", description: "When the committee was constituted." }),
  })
  .openapi("Committee");
export type TCommittee = z.infer<typeof ZCommittee>;

const fields = {
  name: ZLine(200),
  shortName: ZLine(30),
  kind: ZKind,
  noticePeriodDays: z
    .number()
    .int("muss eine ganze Zahl von Tagen sein")
    .min(0)
    .max(60)
    .optional()
    .openapi({ description: "Ladungsfrist in days; default 7 (§34 GemO)." }),
  description: ZOptionalText(2000),
  constitutedOn: ZCalendarDate.nullable().optional(),
};

export const ZCommitteeCreate = z
  .object({ bodyId: ZId, ...fields })
  .strict()
  .openapi("CommitteeCreate");
export type TCommitteeCreate = z.infer<typeof ZCommitteeCreate>;

export const ZCommitteeUpdate = nonEmptyPatch(
  z.object({ ...fields, name: fields.name.optional(), shortName: fields.shortName.optional(), kind: ZKind.optional() }).strict(),
).openapi("CommitteeUpdate");
export type TCommitteeUpdate = z.infer<typeof ZCommitteeUpdate>;

export const ZCommitteeListQuery = z.object({
  bodyId: ZId.optional(),
  kind: ZKind.optional(),
  q: z.string().max(100).optional().openapi({ description: "Part of the name or short name." }),
});

export const toCommitteeView = (committee: CommitteeModel): TCommittee => ({
  ...recordMeta(committee),
  bodyId: committee.bodyId,
  name: committee.name,
  shortName: committee.shortName,
  kind: committee.kind as CommitteeKind,
  noticePeriodDays: committee.noticePeriodDays,
  description: committee.description,
  constitutedOn: committee.constitutedOn,
});
