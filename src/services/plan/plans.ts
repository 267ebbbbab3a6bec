import { actorName } from "../../auth/principal";
import type { Statement } from "../../db/database";
import { atVersion, guard, insertRow, updateVersioned } from "../../db/sql";
import type { MeasureModel } from "../../generated/prisma-node/models";
import { Problem, fieldProblem, notFound } from "../../errors";
import type { MeasureStatus } from "../../rules/plan";
import type { TMeasureInput, TMeasureUpdate, TPlanCreate } from "../../schemas/plans";
import { assertManages, bodyForWrite } from "../access";
import type { ServiceContext } from "../context";
import { auditStatement, auditedInsert, expectVersion, newRecordColumns } from "../records";

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
  const plan = await ctx.db.prisma.plan.findUnique({
    where: { id },
    include: { actionFields: { orderBy: { number: "asc" } }, updates: { orderBy: { date: "asc" } } },
  });
  if (!plan) throw notFound("Plan", id);
  return plan;
}

export async function listPlans(ctx: ServiceContext, bodyId?: string) {
  return ctx.db.prisma.plan.findMany({
    where: bodyId ? { bodyId } : {},
    include: { actionFields: { orderBy: { number: "asc" } }, updates: true },
    orderBy: { title: "asc" },
  });
}

export async function planForWrite(ctx: ServiceContext, id: string) {
  const plan = await getPlan(ctx, id);
  assertManages(ctx, plan.bodyId);
  return plan;
}

export async function addActionField(ctx: ServiceContext, planId: string, input: { number: number; title: string }) {
  const plan = await planForWrite(ctx, planId);
  if (plan.actionFields.some((f) => f.number === input.number))
    throw fieldProblem("number", `der Plan hat schon ein Handlungsfeld ${input.number}`, "conflict");
  await ctx.db.batch(
    auditedInsert(ctx, "ActionField", { id: crypto.randomUUID(), planId, number: input.number, title: input.title, version: 1 }),
  );
  return getPlan(ctx, planId);
}

/** Renames an action field, at the version read (412 when someone renamed it meanwhile). */
export async function renameActionField(ctx: ServiceContext, fieldId: string, version: number, title: string) {
  const field = await ctx.db.prisma.actionField.findUnique({ where: { id: fieldId } });
  if (!field) throw notFound("Action field", fieldId);
  await planForWrite(ctx, field.planId);
  expectVersion(field, version);
  const results = await ctx.db.batch([
    guard(
      auditStatement(ctx, "update", "ActionField", field.id, field, { ...field, title, version: version + 1 }),
      atVersion("ActionField", field.id, version),
    ),
    updateVersioned("ActionField", field.id, version, { title }),
  ]);
  if (results.at(-1) === 0) throw new Problem("precondition_failed", "Das Handlungsfeld wurde inzwischen geändert; bitte neu laden.");
  return getPlan(ctx, field.planId);
}

/** Measures in code order ("2.10" after "2.9"). */
const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, "de", { numeric: true });

export async function listMeasures(ctx: ServiceContext, planId: string, filter: { actionField?: number; status?: MeasureStatus } = {}) {
  await getPlan(ctx, planId);
  const rows = await ctx.db.prisma.measure.findMany({
    where: {
      planId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.actionField ? { actionField: { number: filter.actionField } } : {}),
    },
    include: { actionField: true },
  });
  return rows.sort(byCode);
}

export async function getMeasure(ctx: ServiceContext, id: string) {
  const measure = await ctx.db.prisma.measure.findUnique({ where: { id }, include: { actionField: true } });
  if (!measure) throw notFound("Measure", id);
  return measure;
}

export function measureRow(ctx: ServiceContext, planId: string, actionFieldId: string, input: TMeasureInput) {
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

export function historyRow(
  ctx: ServiceContext,
  measureId: string,
  from: { status: string; progress: number } | null,
  to: { status: string; progress: number },
  source: string,
  reason: string | null,
  resolutionId: string | null,
) {
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

/** Creates a measure in its action field; `alongside`: statements (about the new measure) written in the same batch. */
export async function createMeasure(
  ctx: ServiceContext,
  planId: string,
  input: TMeasureInput,
  alongside: (measureId: string) => Statement[] = () => [],
) {
  const plan = await planForWrite(ctx, planId);
  const field = plan.actionFields.find((f) => f.number === input.actionField);
  if (!field) throw fieldProblem("actionField", `der Plan hat kein Handlungsfeld ${input.actionField}`);
  const row = measureRow(ctx, planId, field.id, input);
  await ctx.db
    .batch([...auditedInsert(ctx, "Measure", row), historyRow(ctx, row.id, null, row, "manual", "Aufgenommen", null), ...alongside(row.id)])
    .catch((error) => {
      if ((error as { constraint?: string }).constraint === "unique")
        throw fieldProblem("code", `der Plan hat schon eine Maßnahme ${input.code}`, "conflict");
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
  const guarded = [
    ...companions,
    ...(moved ? [historyRow(ctx, before.id, before, after, history.source, history.reason, history.resolutionId)] : []),
    auditStatement(ctx, "update", "Measure", before.id, before, after),
  ];
  return [
    ...guarded.map((s) => guard(s, atVersion("Measure", before.id, before.version))),
    updateVersioned("Measure", before.id, before.version, { ...changes, updatedAt: ctx.now }),
  ];
}

export async function updateMeasure(ctx: ServiceContext, id: string, version: number, input: TMeasureUpdate) {
  const { actionField: _field, ...before } = await getMeasure(ctx, id);
  await planForWrite(ctx, before.planId);
  if (before.version !== version)
    throw new Problem("precondition_failed", `Die Maßnahme hat die Version ${before.version}, nicht ${version}: bitte neu laden.`, {
      currentVersion: before.version,
    });
  const { reason, resolutionId, partners, ...fields } = input;
  if (resolutionId && !(await ctx.db.prisma.resolution.findUnique({ where: { id: resolutionId } })))
    throw fieldProblem("resolutionId", "nennt keinen Beschluss");
  const changes: Partial<MeasureModel> = { ...fields, ...(partners ? { partners: JSON.stringify(partners) } : {}) };
  const results = await ctx.db.batch(
    measureChange(ctx, before, changes, { source: "manual", reason: reason ?? null, resolutionId: resolutionId ?? null }),
  );
  if (results.at(-1) === 0) throw new Problem("precondition_failed", "Die Maßnahme wurde inzwischen von jemand anderem geändert.");
  return getMeasure(ctx, id);
}

export async function measureHistory(ctx: ServiceContext, id: string) {
  await getMeasure(ctx, id);
  return ctx.db.prisma.measureHistory.findMany({ where: { measureId: id }, orderBy: { id: "asc" } });
}
