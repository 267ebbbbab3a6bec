import { actorName } from "../auth/principal";
import Papa from "papaparse";
import type { Statement } from "../db/database";
import { assertion, atVersion, guard, insertRow, updateVersioned } from "../db/sql";
import type { ActionFieldModel, MeasureModel } from "../generated/prisma-node/models";
import { Problem, fieldProblem, notFound, type FieldError } from "../http/problem";
import type { MeasureStatus } from "../rules/plan";
import { ZMeasureInput, type TMeasure, type TMeasureInput, type TMeasureUpdate, type TPlanCreate } from "../schemas/plans";
import { assertManages, bodyForWrite } from "./access";
import type { ServiceContext } from "./context";
import { auditStatement, auditedInsert, newRecordColumns } from "./records";


export async function createPlan(ctx: ServiceContext, input: TPlanCreate) {
  await bodyForWrite(ctx, input.bodyId);
  const plan = {
    ...newRecordColumns(ctx.now),
    bodyId: input.bodyId,
    title: input.title,
    adoptedOn: input.adoptedOn ?? null,
    adoptedByResolutionId: input.adoptedByResolutionId ?? null,
    description: input.description ?? null,
  };
  await ctx.db.batch(auditedInsert(ctx, "Plan", plan));
  return getPlan(ctx, plan.id);
}

export async function getPlan(ctx: ServiceContext, id: string) {
  const plan = await ctx.db.prisma.plan.findUnique({ where: { id }, include: { actionFields: { orderBy: { number: "asc" } }, updates: { orderBy: { date: "asc" } } } });
  if (!plan) throw notFound("Plan", id);
  return plan;
}

export async function listPlans(ctx: ServiceContext, bodyId?: string) {
  return ctx.db.prisma.plan.findMany({ where: bodyId ? { bodyId } : {}, include: { actionFields: { orderBy: { number: "asc" } }, updates: true }, orderBy: { title: "asc" } });
}

async function planForWrite(ctx: ServiceContext, id: string) {
  const plan = await getPlan(ctx, id);
  assertManages(ctx, plan.bodyId);
  return plan;
}

export async function addActionField(ctx: ServiceContext, planId: string, input: { number: number; title: string }) {
  const plan = await planForWrite(ctx, planId);
  if (plan.actionFields.some((f) => f.number === input.number)) throw fieldProblem("number", `the plan has an action field ${input.number} already`, "conflict");
  await ctx.db.batch(auditedInsert(ctx, "ActionField", { id: crypto.randomUUID(), planId, number: input.number, title: input.title }));
  return getPlan(ctx, planId);
}

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

/** Measures in code order ("2.10" after "2.9"). */
const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, "de", { numeric: true });

export async function listMeasures(ctx: ServiceContext, planId: string, filter: { actionField?: number; status?: MeasureStatus } = {}) {
  await getPlan(ctx, planId);
  const rows = await ctx.db.prisma.measure.findMany({
    where: { planId, ...(filter.status ? { status: filter.status } : {}), ...(filter.actionField ? { actionField: { number: filter.actionField } } : {}) },
    include: { actionField: true },
  });
  return rows.sort(byCode);
}

export async function getMeasure(ctx: ServiceContext, id: string) {
  const measure = await ctx.db.prisma.measure.findUnique({ where: { id }, include: { actionField: true } });
  if (!measure) throw notFound("Measure", id);
  return measure;
}

function measureRow(ctx: ServiceContext, planId: string, actionFieldId: string, input: TMeasureInput) {
  return {
    ...newRecordColumns(ctx.now),
    planId,
    actionFieldId,
    code: input.code,
    title: input.title,
    description: input.description ?? null,
    responsible: input.responsible ?? null,
    partners: JSON.stringify(input.partners),
    status: input.status,
    progress: input.progress,
    startDate: input.startDate ?? null,
    targetDate: input.targetDate ?? null,
    indicators: input.indicators ?? null,
    evidence: input.evidence ?? null,
  };
}

function historyRow(ctx: ServiceContext, measureId: string, from: { status: string; progress: number } | null, to: { status: string; progress: number }, source: string, reason: string | null, resolutionId: string | null) {
  return insertRow("MeasureHistory", {
    measureId,
    at: ctx.now,
    actorName: actorName(ctx.actor),
    fromStatus: from?.status ?? null,
    toStatus: to.status,
    fromProgress: from?.progress ?? null,
    toProgress: to.progress,
    reason,
    resolutionId,
    source,
  });
}

export async function createMeasure(ctx: ServiceContext, planId: string, input: TMeasureInput) {
  const plan = await planForWrite(ctx, planId);
  const field = plan.actionFields.find((f) => f.number === input.actionField);
  if (!field) throw fieldProblem("actionField", `the plan has no action field ${input.actionField}`);
  const row = measureRow(ctx, planId, field.id, input);
  await ctx.db
    .batch([...auditedInsert(ctx, "Measure", row), historyRow(ctx, row.id, null, row, "manual", "Aufgenommen", null)])
    .catch((error) => {
      if ((error as { constraint?: string }).constraint === "unique") throw fieldProblem("code", `the plan has a measure ${input.code} already`, "conflict");
      throw error;
    });
  return getMeasure(ctx, row.id);
}

/**
 * The statements that change a measure at the version read, with its history entry when status or
 * progress change. Companions come first, guarded by the version; the versioned update comes last.
 */
export function measureChange(
  ctx: ServiceContext,
  before: MeasureModel,
  changes: Partial<MeasureModel>,
  history: { source: string; reason: string | null; resolutionId: string | null },
  companions: Statement[] = [],
): Statement[] {
  const after = { ...before, ...changes, version: before.version + 1, updatedAt: ctx.now };
  const moved = after.status !== before.status || after.progress !== before.progress;
  const guarded = [...companions, ...(moved ? [historyRow(ctx, before.id, before, after, history.source, history.reason, history.resolutionId)] : []), auditStatement(ctx, "update", "Measure", before.id, before, after)];
  return [...guarded.map((s) => guard(s, atVersion("Measure", before.id, before.version))), updateVersioned("Measure", before.id, before.version, { ...changes, updatedAt: ctx.now })];
}

export async function updateMeasure(ctx: ServiceContext, id: string, version: number, input: TMeasureUpdate) {
  const { actionField: _field, ...before } = await getMeasure(ctx, id);
  const plan = await planForWrite(ctx, before.planId);
  void plan;
  if (before.version !== version) throw new Problem("precondition_failed", `The measure is at version ${before.version}, not ${version}.`, { currentVersion: before.version });
  const { reason, resolutionId, partners, ...fields } = input;
  if (resolutionId && !(await ctx.db.prisma.resolution.findUnique({ where: { id: resolutionId } }))) throw fieldProblem("resolutionId", "does not name a resolution");
  const changes: Partial<MeasureModel> = { ...fields, ...(partners ? { partners: JSON.stringify(partners) } : {}) };
  const results = await ctx.db.batch(measureChange(ctx, before, changes, { source: "manual", reason: reason ?? null, resolutionId: resolutionId ?? null }));
  if (results.at(-1) === 0) throw new Problem("precondition_failed", "The measure was changed by someone else in the meantime.");
  return getMeasure(ctx, id);
}

export async function measureHistory(ctx: ServiceContext, id: string) {
  await getMeasure(ctx, id);
  return ctx.db.prisma.measureHistory.findMany({ where: { measureId: id }, orderBy: { id: "asc" } });
}

// ---------------------------------------------------------------- import and export

const CSV_COLUMNS = ["code", "actionField", "actionFieldTitle", "title", "description", "responsible", "partners", "status", "progress", "startDate", "targetDate", "indicators", "evidence"] as const;

/** Rows of a CSV catalogue, by column name; partners are separated by semicolons. */
function parseCsv(text: string): { rows: { line: number; value: Record<string, unknown> }[]; errors: FieldError[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  const errors: FieldError[] = parsed.errors.map((e) => ({ field: `line ${(e.row ?? 0) + 2}`, reason: e.message }));
  const unknown = (parsed.meta.fields ?? []).filter((f) => !(CSV_COLUMNS as readonly string[]).includes(f));
  if (unknown.length) errors.push({ field: "line 1", reason: `unknown column(s): ${unknown.join(", ")}` });
  const rows = parsed.data.map((record, index) => {
    const value: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(record)) {
      const text = (raw ?? "").trim();
      if (text === "") continue;
      value[key] = key === "partners" ? text.split(";").map((p) => p.trim()).filter(Boolean) : key === "progress" ? Number(text) : text;
    }
    return { line: index + 2, value };
  });
  return { rows, errors };
}

function parseJson(text: string): { rows: { line: number; value: Record<string, unknown> }[]; errors: FieldError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Problem("malformed_json", "The request body is not valid JSON.");
  }
  const list = Array.isArray(data) ? data : (data as { measures?: unknown })?.measures;
  if (!Array.isArray(list)) throw fieldProblem("body", "must be an array of measures, or { measures: [...] }", "invalid_request");
  return { rows: list.map((value, index) => ({ line: index + 1, value: value as Record<string, unknown> })), errors: [] };
}

/**
 * Imports a measure catalogue, all or nothing. Every bad row is reported by line and field and nothing
 * is written; measures are matched by code, so re-importing the same file changes nothing and an
 * updated file updates. Status and progress changes enter the history.
 */
export async function importMeasures(ctx: ServiceContext, planId: string, format: "csv" | "json", text: string) {
  const plan = await planForWrite(ctx, planId);
  const { rows, errors } = format === "csv" ? parseCsv(text) : parseJson(text);
  const inputs: { line: number; input: TMeasureInput }[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of rows) {
    const result = ZMeasureInput.safeParse(value);
    if (!result.success) {
      errors.push(...result.error.issues.map((issue) => ({ field: `line ${line}: ${issue.path.join(".") || "row"}`, reason: issue.message })));
      continue;
    }
    if (seen.has(result.data.code)) errors.push({ field: `line ${line}: code`, reason: `${result.data.code} appears already in line ${seen.get(result.data.code)}` });
    seen.set(result.data.code, line);
    inputs.push({ line, input: result.data });
  }
  const fields = new Map(plan.actionFields.map((f) => [f.number, f]));
  const newFields = new Map<number, { id: string; planId: string; number: number; title: string }>();
  for (const { line, input } of inputs) {
    if (fields.has(input.actionField) || newFields.has(input.actionField)) continue;
    if (!input.actionFieldTitle) errors.push({ field: `line ${line}: actionFieldTitle`, reason: `is required for the new action field ${input.actionField}` });
    else newFields.set(input.actionField, { id: crypto.randomUUID(), planId, number: input.actionField, title: input.actionFieldTitle });
  }
  if (errors.length) throw new Problem("unprocessable", `The catalogue has ${errors.length} error(s); nothing was imported.`, { errors });

  const existing = new Map((await ctx.db.prisma.measure.findMany({ where: { planId } })).map((m) => [m.code, m]));
  const statements: Statement[] = [...newFields.values()].flatMap((field) => auditedInsert(ctx, "ActionField", field));
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const { input } of inputs) {
    const fieldId = (fields.get(input.actionField) ?? newFields.get(input.actionField))!.id;
    const row = measureRow(ctx, planId, fieldId, input);
    const before = existing.get(input.code);
    if (!before) {
      counts.created++;
      statements.push(...auditedInsert(ctx, "Measure", row), historyRow(ctx, row.id, null, row, "import", "Import des Maßnahmenkatalogs", null));
      continue;
    }
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, planId: _p, ...next } = row;
    const changes = Object.fromEntries(Object.entries(next).filter(([key, value]) => before[key as keyof MeasureModel] !== value)) as Partial<MeasureModel>;
    if (Object.keys(changes).length === 0) {
      counts.unchanged++;
      continue;
    }
    counts.updated++;
    // Each measure must still be as read, or the whole import rolls back.
    statements.unshift(assertion(atVersion("Measure", before.id, before.version)));
    statements.push(...measureChange(ctx, before, changes, { source: "import", reason: "Import des Maßnahmenkatalogs", resolutionId: null }));
  }
  if (statements.length) await ctx.db.batch(statements);
  return counts;
}

/** The catalogue as CSV, in the import's columns, so that an export can be edited and imported again. */
export async function exportMeasuresCsv(ctx: ServiceContext, planId: string) {
  const measures = await listMeasures(ctx, planId);
  return Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: measures.map((m) => [
        m.code,
        m.actionField.number,
        m.actionField.title,
        m.title,
        m.description ?? "",
        m.responsible ?? "",
        (JSON.parse(m.partners) as string[]).join("; "),
        m.status,
        m.progress,
        m.startDate ?? "",
        m.targetDate ?? "",
        m.indicators ?? "",
        m.evidence ?? "",
      ]),
    },
    { newline: "\r\n" },
  );
}
