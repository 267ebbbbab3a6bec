import { z } from "@hono/zod-openapi";
import type { FigureModel, FigureValueModel, FigureValueRevisionModel } from "../generated/prisma-node/models";
import { FIGURE_DIRECTIONS, FIGURE_KINDS, PERIOD_MESSAGE, parsePeriod, unpairedPeriod } from "../rules/figures";
import { MEASURE_STATUSES } from "../rules/plan";
import { ZId, ZLine, ZOptionalLine, ZOptionalText, ZRecordMeta, nonEmptyPatch, recordMeta } from "./common";

export const ZPeriod = z
  .string()
  .trim()
  .refine((value) => parsePeriod(value) !== null, PERIOD_MESSAGE)
  .openapi({ example: "2025", description: "A year (2025), a half-year (2025-H1) or a quarter (2025-Q3)." });

const ZValue = z
  .number({ error: "muss eine Zahl sein" })
  .refine(Number.isFinite, "muss eine endliche Zahl sein")
  .refine((value) => Math.abs(value) < 1e12, "ist zu groß");

const ZKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, "darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (höchstens 80 Zeichen)")
  .openapi({ example: "sprachkurse-teilnehmende" });

const figureFields = {
  name: ZLine(200),
  unit: ZLine(60).openapi({ example: "Personen" }),
  category: ZOptionalLine(120).openapi({ description: "The group of a key figure, e.g. Bevölkerung." }),
  planId: ZId.nullable().optional(),
  actionFieldId: ZId.nullable().optional(),
  measureId: ZId.nullable().optional(),
  baselineValue: ZValue.nullable().optional(),
  baselinePeriod: ZPeriod.nullable().optional(),
  targetValue: ZValue.nullable().optional(),
  targetPeriod: ZPeriod.nullable().optional(),
  source: ZOptionalLine(300).openapi({ example: "Statistisches Landesamt" }),
  description: ZOptionalText(5000),
  published: z.boolean().optional().openapi({ description: "Internal (false) until the figure is checked." }),
  position: z.number().int().min(0).max(10_000).optional().openapi({ description: "The order in lists and the report." }),
};

export const ZFigureCreate = z
  .object({
    kind: z.enum(FIGURE_KINDS),
    key: ZKey,
    direction: z.enum(FIGURE_DIRECTIONS).default("none"),
    ...figureFields,
  })
  .strict()
  .superRefine((value, issues) => {
    const unpaired = unpairedPeriod(value);
    if (unpaired) issues.addIssue({ code: "custom", message: unpaired.message, path: [unpaired.period] });
  })
  .openapi("FigureCreate");
export type TFigureCreate = z.infer<typeof ZFigureCreate>;

export const ZFigureUpdate = nonEmptyPatch(
  z
    .object({ direction: z.enum(FIGURE_DIRECTIONS), ...figureFields })
    .partial()
    .strict(),
).openapi("FigureUpdate");
export type TFigureUpdate = z.infer<typeof ZFigureUpdate>;

export const ZFigureValueInput = z
  .object({
    value: ZValue,
    source: ZOptionalLine(300),
    note: ZOptionalText(2000),
    reason: ZOptionalText(2000).openapi({ description: "Why a recorded value is corrected; kept in its history." }),
  })
  .strict()
  .openapi("FigureValueInput");
export type TFigureValueInput = z.infer<typeof ZFigureValueInput>;

const ZRevision = z.object({
  at: z.string().openapi({ format: "date-time" }),
  actorName: z.string(),
  value: z.number(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
});

export const ZFigureValue = z
  .object({
    ...ZRecordMeta,
    period: z.string(),
    value: z.number(),
    source: z.string().nullable(),
    note: z.string().nullable(),
    revisions: z.array(ZRevision).optional().openapi({ description: "What the value was before each correction; for staff." }),
  })
  .openapi("FigureValue");

export const ZFigure = z
  .object({
    ...ZRecordMeta,
    bodyId: z.string(),
    kind: z.enum(FIGURE_KINDS),
    key: z.string(),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(FIGURE_DIRECTIONS),
    category: z.string().nullable(),
    planId: z.string().nullable(),
    actionFieldId: z.string().nullable(),
    measureId: z.string().nullable(),
    baselineValue: z.number().nullable(),
    baselinePeriod: z.string().nullable(),
    targetValue: z.number().nullable(),
    targetPeriod: z.string().nullable(),
    source: z.string().nullable(),
    description: z.string().nullable(),
    published: z.boolean(),
    position: z.number().int(),
    values: z.array(ZFigureValue),
  })
  .openapi("Figure");
export type TFigure = z.infer<typeof ZFigure>;

type FigureRow = FigureModel & { values: (FigureValueModel & { revisions?: FigureValueRevisionModel[] })[] };

export function toFigureView(figure: FigureRow): TFigure {
  const { createdAt: _c, updatedAt: _u, version: _v, values, kind, direction, ...rest } = figure;
  return {
    ...recordMeta(figure),
    ...rest,
    kind: kind as TFigure["kind"],
    direction: direction as TFigure["direction"],
    values: values.map(({ revisions, figureId: _f, ...row }) => ({
      ...recordMeta(row),
      period: row.period,
      value: row.value,
      source: row.source,
      note: row.note,
      ...(revisions
        ? {
            revisions: revisions.map((r) => ({
              at: r.at.toISOString(),
              actorName: r.actorName,
              value: r.value,
              source: r.source,
              note: r.note,
              reason: r.reason,
            })),
          }
        : {}),
    })),
  };
}

export const REPORT_SECTION_KINDS = ["introduction", "action_field", "outlook"] as const;

export const ZReportInput = z
  .object({
    title: ZLine(200),
    published: z.boolean().default(false),
    sections: z
      .array(
        z
          .object({
            kind: z.enum(REPORT_SECTION_KINDS),
            actionFieldId: ZId.nullable().optional().openapi({ description: "For an action field's section: which one." }),
            markdown: z.string().max(50_000, "darf höchstens 50000 Zeichen haben"),
          })
          .strict()
          .refine((s) => (s.kind === "action_field") === Boolean(s.actionFieldId), {
            message: "nennt genau für einen Abschnitt zu einem Handlungsfeld dessen actionFieldId",
            path: ["actionFieldId"],
          }),
      )
      .max(60, "darf höchstens 60 Abschnitte haben"),
  })
  .strict()
  .openapi("IntegrationReportInput");
export type TReportInput = z.infer<typeof ZReportInput>;

const ZPoint = z.object({ period: z.string(), value: z.number() });
const ZReportFigure = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  category: z.string().nullable(),
  source: z.string().nullable(),
  description: z.string().nullable(),
  published: z.boolean(),
  direction: z.enum(FIGURE_DIRECTIONS),
  values: z.array(ZPoint.extend({ source: z.string().nullable(), note: z.string().nullable() })),
  baseline: ZPoint.nullable(),
  target: ZPoint.nullable(),
  latest: ZPoint.nullable(),
  previous: ZPoint.nullable(),
  trend: z.enum(["better", "worse", "same", "unknown"]),
  shareOfTarget: z.number().nullable().openapi({ description: "0 at the baseline, 1 at the target" }),
});

/** The integration report of a year as the reader at hand may see it. */
export const ZReport = z
  .object({
    body: z.object({ id: z.string(), name: z.string() }),
    year: z.number().int(),
    title: z.string(),
    published: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string().openapi({ format: "date-time" }),
    introduction: z.string().nullable(),
    outlook: z.string().nullable(),
    keyFigures: z.array(ZReportFigure),
    actionFields: z.array(
      z.object({
        id: z.string(),
        number: z.number().int(),
        title: z.string(),
        planId: z.string(),
        planTitle: z.string(),
        markdown: z.string(),
        measures: z.array(
          z.object({ id: z.string(), code: z.string(), title: z.string(), status: z.enum(MEASURE_STATUSES), progress: z.number().int() }),
        ),
        byStatus: z.array(z.object({ status: z.enum(MEASURE_STATUSES), count: z.number().int() })),
        indicators: z.array(ZReportFigure),
        resolutions: z.array(
          z.object({
            id: z.string(),
            number: z.string(),
            date: z.string(),
            text: z.string(),
            committee: z.string(),
            measures: z.array(z.string()),
          }),
        ),
      }),
    ),
    forums: z.array(
      z.object({
        forum: z.string(),
        date: z.string(),
        ideas: z.array(
          z.object({
            text: z.string(),
            status: z.string(),
            measure: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
            paper: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi("IntegrationReport");
