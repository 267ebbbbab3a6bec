/**
 * Figures over time: the indicators of a plan, an action field or a measure, and a body's key figures on
 * immigration. Values per period; a correction keeps what the value was before. Import and export as CSV.
 */
import { actorName } from "../../auth/principal";
import type { Statement } from "../../db/database";
import { assertion, atVersion, insertRow, updateVersioned } from "../../db/sql";
import { parseCsvRecords, toCsv, type CsvDialect } from "../../documents/csv";
import { Problem, fieldProblem, notFound, type FieldError } from "../../errors";
import type { FigureModel, FigureValueModel, FigureValueRevisionModel } from "../../generated/prisma-node/models";
import * as figurePolicy from "../../policies/figures";
import { byPeriod, parsePeriod, unpairedPeriod, type FigureKind } from "../../rules/figures";
import { ZFigureValueInput, type TFigureCreate, type TFigureUpdate, type TFigureValueInput } from "../../schemas/figures";
import { assertManages, bodyToManage, bodyToRead } from "../access";
import type { ServiceContext } from "../context";
import { auditStatement, auditedInsert, expectVersion, newRecordColumns, updateAudited } from "../records";

/** A body's figures the caller may read, each with its values in period order (and, for staff, their corrections). */
export async function listFigures(ctx: ServiceContext, bodyId: string, filter: { kind?: FigureKind; revisions?: boolean } = {}) {
  await bodyToRead(ctx, bodyId);
  const figures = await ctx.db.prisma.figure.findMany({
    where: { ...figurePolicy.where(ctx.actor, bodyId), ...(filter.kind ? { kind: filter.kind } : {}) },
    // The corrections only where they are shown: the report does not show them.
    include: { values: { include: { revisions: filter.revisions === false ? false : { orderBy: { at: "asc" } } } } },
    orderBy: [{ kind: "asc" }, { position: "asc" }, { name: "asc" }],
  });
  return figures.map((figure) => shaped(ctx, figure));
}

/** A figure with its values; not found for whoever may not read it. */
export async function getFigure(ctx: ServiceContext, id: string) {
  const figure = await ctx.db.prisma.figure.findUnique({
    where: { id },
    include: { values: { include: { revisions: { orderBy: { at: "asc" } } } } },
  });
  if (!figure || !figurePolicy.canRead(ctx.actor, figure)) throw notFound("Figure", id);
  return shaped(ctx, figure);
}

type WithValues = FigureModel & { values: (FigureValueModel & { revisions?: FigureValueRevisionModel[] })[] };

/** Values in period order; the corrections only for those who may read them. */
function shaped(ctx: ServiceContext, figure: WithValues) {
  const revisions = figurePolicy.canReadRevisions(ctx.actor, figure);
  return {
    ...figure,
    values: [...figure.values]
      .sort(byPeriod)
      .map(({ revisions: kept, ...value }) => (revisions && kept ? { ...value, revisions: kept } : value)),
  };
}

/** The plan, action field and measure a figure belongs to, checked to be the body's and to agree with each other. */
async function placeOf(
  ctx: ServiceContext,
  bodyId: string,
  input: { planId?: string | null; actionFieldId?: string | null; measureId?: string | null },
) {
  let { planId = null, actionFieldId = null } = input;
  const measureId = input.measureId ?? null;
  if (measureId) {
    const measure = await ctx.db.prisma.measure.findUnique({ where: { id: measureId }, include: { plan: true } });
    if (!measure || measure.plan.bodyId !== bodyId) throw fieldProblem("measureId", "nennt keine Maßnahme eines Plans dieser Körperschaft");
    if (actionFieldId && actionFieldId !== measure.actionFieldId)
      throw fieldProblem("actionFieldId", "ist nicht das Handlungsfeld der Maßnahme");
    actionFieldId = measure.actionFieldId;
  }
  if (actionFieldId) {
    const field = await ctx.db.prisma.actionField.findUnique({ where: { id: actionFieldId }, include: { plan: true } });
    if (!field || field.plan.bodyId !== bodyId)
      throw fieldProblem("actionFieldId", "nennt kein Handlungsfeld eines Plans dieser Körperschaft");
    if (planId && planId !== field.planId) throw fieldProblem("planId", "ist nicht der Plan des Handlungsfelds");
    planId = field.planId;
  }
  if (planId) {
    const plan = await ctx.db.prisma.plan.findUnique({ where: { id: planId } });
    if (!plan || plan.bodyId !== bodyId) throw fieldProblem("planId", "nennt keinen Plan dieser Körperschaft");
  }
  return { planId, actionFieldId, measureId };
}

export async function createFigure(ctx: ServiceContext, bodyId: string, input: TFigureCreate) {
  await bodyToManage(ctx, bodyId);
  if (input.kind === "key_figure" && (input.planId || input.actionFieldId || input.measureId))
    throw fieldProblem("kind", "eine Kennzahl der Zuwanderung gehört zu keinem Plan; ein Indikator schon");
  const row = {
    ...newRecordColumns(ctx.now),
    bodyId,
    kind: input.kind,
    key: input.key,
    name: input.name,
    unit: input.unit,
    direction: input.direction,
    category: input.category ?? null,
    ...(await placeOf(ctx, bodyId, input)),
    baselineValue: input.baselineValue ?? null,
    baselinePeriod: input.baselinePeriod ?? null,
    targetValue: input.targetValue ?? null,
    targetPeriod: input.targetPeriod ?? null,
    source: input.source ?? null,
    description: input.description ?? null,
    published: input.published ?? false,
    position: input.position ?? 0,
  };
  await ctx.db.batch(auditedInsert(ctx, "Figure", row)).catch((error) => {
    if ((error as { constraint?: string }).constraint === "unique")
      throw fieldProblem("key", `die Körperschaft hat schon eine Kennzahl „${input.key}“`, "conflict");
    throw error;
  });
  return getFigure(ctx, row.id);
}

export async function updateFigure(ctx: ServiceContext, id: string, version: number, input: TFigureUpdate) {
  const before = await ctx.db.prisma.figure.findUnique({ where: { id } });
  if (!before || !figurePolicy.canRead(ctx.actor, before)) throw notFound("Figure", id);
  assertManages(ctx, before.bodyId);
  expectVersion(before, version);
  const next = { ...before, ...input };
  const unpaired = unpairedPeriod(next);
  if (unpaired) throw fieldProblem(unpaired.period, unpaired.message);
  const place =
    "planId" in input || "actionFieldId" in input || "measureId" in input
      ? await placeOf(ctx, before.bodyId, { planId: next.planId, actionFieldId: next.actionFieldId, measureId: next.measureId })
      : {};
  if (before.kind === "key_figure" && (next.planId || next.actionFieldId || next.measureId))
    throw fieldProblem("planId", "eine Kennzahl der Zuwanderung gehört zu keinem Plan");
  const changes = Object.fromEntries(Object.entries({ ...input, ...place }).filter(([, value]) => value !== undefined));
  await updateAudited(ctx, "Figure", before, changes);
  return getFigure(ctx, id);
}

/** The statements that record a value, or correct it keeping what it was: guarded by the versions read. */
function valueStatements(
  ctx: ServiceContext,
  figure: FigureModel,
  period: string,
  input: TFigureValueInput,
  existing: FigureValueModel | undefined,
): Statement[] {
  if (!existing) {
    const row = {
      ...newRecordColumns(ctx.now),
      figureId: figure.id,
      period,
      value: input.value,
      source: input.source ?? null,
      note: input.note ?? null,
    };
    return auditedInsert(ctx, "FigureValue", row);
  }
  const changes = {
    value: input.value,
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
    updatedAt: ctx.now,
  };
  return [
    assertion(atVersion("FigureValue", existing.id, existing.version)),
    insertRow("FigureValueRevision", {
      valueId: existing.id,
      at: ctx.now,
      actorName: actorName(ctx.actor),
      value: existing.value,
      source: existing.source,
      note: existing.note,
      reason: input.reason ?? null,
    }),
    auditStatement(ctx, "update", "FigureValue", existing.id, existing, { ...existing, ...changes, version: existing.version + 1 }),
    updateVersioned("FigureValue", existing.id, existing.version, changes),
  ];
}

/**
 * Records the value of a period, or corrects it. A correction needs the version read (If-Match); what the value
 * was before stays in its history, with who corrected it and why.
 */
export async function recordValue(ctx: ServiceContext, figureId: string, period: string, input: TFigureValueInput, version: number | null) {
  const figure = await ctx.db.prisma.figure.findUnique({ where: { id: figureId } });
  if (!figure || !figurePolicy.canRead(ctx.actor, figure)) throw notFound("Figure", figureId);
  assertManages(ctx, figure.bodyId);
  if (!parsePeriod(period)) throw fieldProblem("period", "muss ein Jahr (2025), ein Halbjahr (2025-H1) oder ein Quartal (2025-Q3) sein");
  const existing = await ctx.db.prisma.figureValue.findUnique({ where: { figureId_period: { figureId, period } } });
  if (existing) {
    if (version === null)
      throw new Problem(
        "precondition_required",
        "Für diesen Zeitraum gibt es schon einen Wert; zum Berichtigen bitte sein ETag in If-Match senden.",
      );
    expectVersion(existing, version);
  }
  const statements = valueStatements(ctx, figure, period, input, existing ?? undefined);
  const results = await ctx.db.batch(statements).catch((error) => {
    if ((error as { constraint?: string }).constraint === "unique")
      throw new Problem("conflict", "Für diesen Zeitraum wurde eben ein Wert erfasst; bitte neu laden.");
    if ((error as { constraint?: string }).constraint === "check")
      throw new Problem("precondition_failed", "Der Wert wurde inzwischen geändert; bitte neu laden.");
    throw error;
  });
  if (existing && results.at(-1) === 0) throw new Problem("precondition_failed", "Der Wert wurde inzwischen geändert; bitte neu laden.");
  const value = await ctx.db.prisma.figureValue.findUniqueOrThrow({
    where: { figureId_period: { figureId, period } },
    include: { revisions: { orderBy: { at: "asc" } } },
  });
  return { figure, value };
}

/** The columns of a figures CSV file: one value per line. */
const CSV_COLUMNS = ["period", "figure", "value", "source", "note"] as const;

/**
 * A number as people write it: "1234.5", or with a decimal comma as German spreadsheets do ("1.234,5", "1234,5").
 * Null when it is none.
 */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s/g, "");
  const german = /^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+,\d+$/.test(t);
  const plain = /^-?\d+(\.\d+)?$/.test(t);
  if (!german && !plain) return null;
  const value = Number(german ? t.replace(/\./g, "").replace(",", ".") : t);
  return Number.isFinite(value) ? value : null;
}

/**
 * Imports values from CSV (period, figure, value, source, note), all or nothing: every bad line is named with its
 * reason, and nothing is written. A figure is named by its key. A value that differs from the recorded one
 * corrects it, and its history keeps what it was.
 */
export async function importFigureValues(ctx: ServiceContext, bodyId: string, text: string) {
  await bodyToManage(ctx, bodyId);
  const parsed = parseCsvRecords(text);
  const errors: FieldError[] = parsed.errors.map((e) => ({ field: `Zeile ${(e.row ?? 0) + 2}`, reason: e.message }));
  const header = parsed.meta.fields ?? [];
  const unknown = header.filter((f) => !(CSV_COLUMNS as readonly string[]).includes(f));
  if (unknown.length) errors.push({ field: "Zeile 1", reason: `unbekannte Spalte(n): ${unknown.join(", ")}` });
  const missing = ["period", "figure", "value"].filter((f) => !header.includes(f));
  if (missing.length) errors.push({ field: "Zeile 1", reason: `fehlende Spalte(n): ${missing.join(", ")}` });
  if (parsed.data.length > 10_000) throw fieldProblem("body", "darf höchstens 10000 Zeilen haben", "payload_too_large");

  const figures = new Map(
    (await ctx.db.prisma.figure.findMany({ where: { bodyId }, include: { values: true } })).map((figure) => [figure.key, figure]),
  );
  const seen = new Map<string, number>();
  const rows: { figure: FigureModel & { values: FigureValueModel[] }; period: string; input: TFigureValueInput }[] = [];
  parsed.data.forEach((record, index) => {
    const line = index + 2;
    const cell = (name: string) => (record[name] ?? "").trim();
    const lineErrors: FieldError[] = [];
    const figure = figures.get(cell("figure"));
    if (!cell("figure")) lineErrors.push({ field: `Zeile ${line}: figure`, reason: "darf nicht leer sein" });
    else if (!figure)
      lineErrors.push({
        field: `Zeile ${line}: figure`,
        reason: `nennt keine Kennzahl dieser Körperschaft („${cell("figure").slice(0, 80)}“)`,
      });
    const period = cell("period");
    if (!parsePeriod(period))
      lineErrors.push({
        field: `Zeile ${line}: period`,
        reason: "muss ein Jahr (2025), ein Halbjahr (2025-H1) oder ein Quartal (2025-Q3) sein",
      });
    const value = parseDecimal(cell("value"));
    const input = ZFigureValueInput.safeParse({
      value: value ?? Number.NaN,
      source: cell("source") || null,
      note: cell("note") || null,
      reason: "CSV-Import",
    });
    if (value === null) lineErrors.push({ field: `Zeile ${line}: value`, reason: "muss eine Zahl sein, etwa 1234 oder 1234,5" });
    else if (!input.success)
      lineErrors.push(...input.error.issues.map((issue) => ({ field: `Zeile ${line}: ${issue.path.join(".")}`, reason: issue.message })));
    const key = `${cell("figure")}\u0000${period}`;
    if (figure && parsePeriod(period) && seen.has(key))
      lineErrors.push({ field: `Zeile ${line}`, reason: `${cell("figure")} ${period} steht schon in Zeile ${seen.get(key)}` });
    seen.set(key, line);
    if (lineErrors.length) errors.push(...lineErrors);
    else if (figure && input.success) rows.push({ figure, period, input: input.data });
  });
  if (errors.length) throw new Problem("unprocessable", `Die Datei enthält ${errors.length} Fehler; nichts wurde übernommen.`, { errors });

  const statements: Statement[] = [];
  const counts = { created: 0, corrected: 0, unchanged: 0 };
  for (const { figure, period, input } of rows) {
    const existing = figure.values.find((v) => v.period === period);
    if (
      existing &&
      existing.value === input.value &&
      (existing.source ?? null) === (input.source ?? null) &&
      (existing.note ?? null) === (input.note ?? null)
    ) {
      counts.unchanged++;
      continue;
    }
    counts[existing ? "corrected" : "created"]++;
    statements.push(...valueStatements(ctx, figure, period, input, existing));
  }
  if (statements.length)
    await ctx.db.batch(statements).catch((error) => {
      const constraint = (error as { constraint?: string }).constraint;
      if (constraint === "unique" || constraint === "check")
        throw new Problem(
          "precondition_failed",
          "Werte wurden während des Imports geändert; nichts wurde übernommen. Bitte erneut importieren.",
        );
      throw error;
    });
  return counts;
}

/** The values of the figures the caller may read, as CSV in the import's columns. */
export async function exportFigureValuesCsv(ctx: ServiceContext, bodyId: string, dialect: CsvDialect = "csv") {
  const figures = await listFigures(ctx, bodyId, { revisions: false });
  return toCsv(
    CSV_COLUMNS,
    // German Excel reads a decimal comma; the import takes either.
    figures.flatMap((figure) =>
      figure.values.map((v) => [
        v.period,
        figure.key,
        dialect === "excel" ? String(v.value).replace(".", ",") : v.value,
        v.source ?? "",
        v.note ?? "",
      ]),
    ),
    dialect,
  );
}
