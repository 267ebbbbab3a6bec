import { z } from "@hono/zod-openapi";
import type { ActionFieldModel, MeasureHistoryModel, MeasureModel, PlanModel, PlanUpdateModel } from "../generated/prisma-node/models";
import { LINK_RELATIONS, MEASURE_STATUSES, type MeasureStatus } from "../rules/plan";
import { nonEmptyPatch, ZCalendarDate, ZId, ZLine, ZOptionalLine, ZOptionalText } from "./common";

export const ZPlanCreate = z
  .object({
    bodyId: ZId,
    title: ZLine(200).openapi({ example: "Integrationsplan 2019" }),
    adoptedOn: ZCalendarDate.nullable().optional(),
    adoptedByResolutionId: ZId.nullable().optional(),
    description: z.string().max(20_000).nullable().optional(),
  })
  .strict()
  .openapi("PlanCreate");
export type TPlanCreate = z.infer<typeof ZPlanCreate>;

export const ZActionFieldCreate = z
  .object({ number: z.number().int().min(1).max(99), title: ZLine(200) })
  .strict()
  .openapi("ActionFieldCreate");

const ZStatus = z.enum(MEASURE_STATUSES);
const ZProgress = z
  .number()
  .int("muss eine ganze Zahl sein")
  .min(0, "muss zwischen 0 und 100 liegen")
  .max(100, "muss zwischen 0 und 100 liegen");

/** One measure as imported or created: the action field by its number. */
export const ZMeasureInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{1,2}(\.\d{1,3}){1,2}$/, "muss eine Kennung wie 4.3 sein"),
    actionField: z.coerce.number({ error: "muss die Nummer eines Handlungsfelds sein" }).int().min(1).max(99),
    actionFieldTitle: ZOptionalLine(200),
    title: ZLine(300),
    description: z.string().max(20_000).nullable().optional(),
    responsible: ZOptionalLine(300),
    partners: z.array(ZLine(200)).max(50).default([]),
    status: ZStatus.default("planned"),
    progress: ZProgress.default(0),
    startDate: ZCalendarDate.nullable().optional(),
    targetDate: ZCalendarDate.nullable().optional(),
    indicators: z.string().max(5000).nullable().optional(),
    evidence: z.string().max(5000).nullable().optional(),
  })
  .strict()
  .refine((m) => !m.startDate || !m.targetDate || m.targetDate >= m.startDate, {
    message: "darf nicht vor startDate liegen",
    path: ["targetDate"],
  })
  .openapi("MeasureInput");
export type TMeasureInput = z.infer<typeof ZMeasureInput>;

export const ZMeasureUpdate = nonEmptyPatch(
  z
    .object({
      title: ZLine(300).optional(),
      description: z.string().max(20_000).nullable().optional(),
      responsible: ZOptionalLine(300),
      partners: z.array(ZLine(200)).max(50).optional(),
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

/** A measure with its action field, as stored. */
type MeasureRow = MeasureModel & { actionField: ActionFieldModel };

export function toMeasureView(m: MeasureRow): TMeasure {
  return {
    id: m.id,
    version: m.version,
    planId: m.planId,
    code: m.code,
    actionField: { number: m.actionField.number, title: m.actionField.title },
    title: m.title,
    description: m.description,
    responsible: m.responsible,
    partners: JSON.parse(m.partners) as string[],
    status: m.status as MeasureStatus,
    progress: m.progress,
    startDate: m.startDate,
    targetDate: m.targetDate,
    indicators: m.indicators,
    evidence: m.evidence,
    updatedAt: m.updatedAt.toISOString(),
  };
}

export const ZPlan = z
  .object({
    id: z.string(),
    version: z.number().int(),
    bodyId: z.string(),
    title: z.string(),
    adoptedOn: z.string().nullable(),
    adoptedByResolutionId: z.string().nullable(),
    description: z.string().nullable(),
    actionFields: z.array(z.object({ id: z.string(), number: z.number().int(), title: z.string() })),
    updates: z.array(z.object({ date: z.string(), resolutionId: z.string().nullable(), note: z.string().nullable() })),
  })
  .openapi("Plan");

type PlanRow = PlanModel & { actionFields: ActionFieldModel[]; updates: PlanUpdateModel[] };

export const toPlanView = (plan: PlanRow): z.infer<typeof ZPlan> => ({
  id: plan.id,
  version: plan.version,
  bodyId: plan.bodyId,
  title: plan.title,
  adoptedOn: plan.adoptedOn,
  adoptedByResolutionId: plan.adoptedByResolutionId,
  description: plan.description,
  actionFields: plan.actionFields.map((f) => ({ id: f.id, number: f.number, title: f.title })),
  updates: plan.updates.map((u) => ({ date: u.date, resolutionId: u.resolutionId, note: u.note })),
});

/** How many measures have each status. */
export const ZStatusCounts = z.object(
  Object.fromEntries(MEASURE_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof MEASURE_STATUSES)[number], z.ZodNumber>,
);

export const ZPlanOverview = z
  .object({
    planId: z.string(),
    title: z.string(),
    actionFields: z.array(z.object({ number: z.number().int(), title: z.string(), counts: ZStatusCounts, total: z.number().int() })),
    staleMonths: z.number().int(),
    staleSince: z.string().openapi({ format: "date" }),
    stale: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        title: z.string(),
        status: z.string(),
        lastActivity: z.string().openapi({ format: "date" }),
      }),
    ),
  })
  .openapi("PlanOverview");

const ZStatusChange = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  fromProgress: z.number().int().nullable(),
  toProgress: z.number().int(),
});

export const ZMeasureHistory = z
  .object({
    items: z.array(
      ZStatusChange.extend({
        id: z.number().int(),
        measureId: z.string(),
        at: z.string(),
        actorName: z.string(),
        reason: z.string().nullable(),
        resolutionId: z.string().nullable(),
        source: z.string(),
      }),
    ),
  })
  .openapi("MeasureHistory");

export const toHistoryView = (h: MeasureHistoryModel) => ({ ...h, at: h.at.toISOString() });

export const ZMeasureTrace = z
  .object({
    measure: ZMeasure,
    planTitle: z.string(),
    trace: z.array(
      z.object({
        date: z.string().openapi({ format: "date" }),
        relation: z.enum(LINK_RELATIONS),
        resolution: z.object({ id: z.string(), number: z.string(), text: z.string(), kind: z.string(), isPublic: z.boolean() }),
        committee: z.object({ id: z.string(), name: z.string() }),
        meeting: z.object({ id: z.string(), label: z.string(), date: z.string() }).nullable(),
        itemNumber: z.string().nullable(),
        vote: z
          .object({
            outcome: z.string(),
            yes: z.number().int().nullable(),
            no: z.number().int().nullable(),
            abstain: z.number().int().nullable(),
          })
          .nullable(),
        minutesExcerpt: z.string().nullable(),
        statusChange: ZStatusChange.nullable(),
      }),
    ),
  })
  .openapi("MeasureTrace");

export const ZResolutionMeasures = z
  .object({
    resolutionId: z.string(),
    number: z.string(),
    measures: z.array(
      z.object({
        measureId: z.string(),
        code: z.string(),
        title: z.string(),
        actionField: z.number().int(),
        relation: z.enum(LINK_RELATIONS),
        newStatus: z.string().nullable(),
        newProgress: z.number().int().nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .openapi("ResolutionMeasures");
