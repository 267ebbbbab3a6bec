import { z } from "@hono/zod-openapi";
import { LINK_RELATIONS, MEASURE_STATUSES } from "../rules/plan";
import { ZCalendarDate, ZId, ZOptionalText, ZText, nonEmptyPatch } from "./common";

export const ZPlanCreate = z
  .object({
    bodyId: ZId,
    title: ZText(200).openapi({ example: "Integrationsplan 2019" }),
    adoptedOn: ZCalendarDate.nullable().optional(),
    adoptedByResolutionId: ZId.nullable().optional(),
    description: z.string().max(20_000).nullable().optional(),
  })
  .strict()
  .openapi("PlanCreate");
export type TPlanCreate = z.infer<typeof ZPlanCreate>;

export const ZActionFieldCreate = z.object({ number: z.number().int().min(1).max(99), title: ZText(200) }).strict().openapi("ActionFieldCreate");

const ZStatus = z.enum(MEASURE_STATUSES);
const ZProgress = z.number().int("must be a whole number").min(0, "must be between 0 and 100").max(100, "must be between 0 and 100");

/** One measure as imported or created: the action field by its number. */
export const ZMeasureInput = z
  .object({
    code: z.string().trim().regex(/^\d{1,2}(\.\d{1,3}){1,2}$/, "must be a code such as 4.3"),
    actionField: z.coerce.number({ error: "must be the number of an action field" }).int().min(1).max(99),
    actionFieldTitle: ZOptionalText(200),
    title: ZText(300),
    description: z.string().max(20_000).nullable().optional(),
    responsible: ZOptionalText(300),
    partners: z.array(ZText(200)).max(50).default([]),
    status: ZStatus.default("planned"),
    progress: ZProgress.default(0),
    startDate: ZCalendarDate.nullable().optional(),
    targetDate: ZCalendarDate.nullable().optional(),
    indicators: z.string().max(5000).nullable().optional(),
    evidence: z.string().max(5000).nullable().optional(),
  })
  .strict()
  .refine((m) => !m.startDate || !m.targetDate || m.targetDate >= m.startDate, { message: "must not be before startDate", path: ["targetDate"] })
  .openapi("MeasureInput");
export type TMeasureInput = z.infer<typeof ZMeasureInput>;

export const ZMeasureUpdate = nonEmptyPatch(
  z
    .object({
      title: ZText(300).optional(),
      description: z.string().max(20_000).nullable().optional(),
      responsible: ZOptionalText(300),
      partners: z.array(ZText(200)).max(50).optional(),
      status: ZStatus.optional(),
      progress: ZProgress.optional(),
      startDate: ZCalendarDate.nullable().optional(),
      targetDate: ZCalendarDate.nullable().optional(),
      indicators: z.string().max(5000).nullable().optional(),
      evidence: z.string().max(5000).nullable().optional(),
      reason: ZOptionalText(2000).openapi({ description: "Why status or progress changed; kept in the history." }),
      resolutionId: ZId.nullable().optional().openapi({ description: "The resolution or report the change rests on." }),
    })
    .strict(),
).openapi("MeasureUpdate");
export type TMeasureUpdate = z.infer<typeof ZMeasureUpdate>;

export const ZLinkCreate = z
  .object({
    measureId: ZId,
    relation: z.enum(LINK_RELATIONS),
    status: ZStatus.optional().openapi({ description: "The status the resolution gives the measure; default from the relation." }),
    progress: ZProgress.optional(),
    note: ZOptionalText(2000),
  })
  .strict()
  .openapi("MeasureLinkCreate");
export type TLinkCreate = z.infer<typeof ZLinkCreate>;

export const ZMeasure = z
  .object({
    id: z.string(),
    version: z.number().int(),
    planId: z.string(),
    code: z.string(),
    actionField: z.object({ number: z.number().int(), title: z.string() }),
    title: z.string(),
    description: z.string().nullable(),
    responsible: z.string().nullable(),
    partners: z.array(z.string()),
    status: ZStatus,
    progress: z.number().int(),
    startDate: z.string().nullable(),
    targetDate: z.string().nullable(),
    indicators: z.string().nullable(),
    evidence: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("Measure");
export type TMeasure = z.infer<typeof ZMeasure>;
