import { assertion, atVersion } from "../db/sql";
import { Problem, fieldProblem, notFound } from "../http/problem";
import { numberAgenda } from "../rules/agenda";
import { berlinDateOf } from "../rules/calendar";
import { MEASURE_STATUSES, impliedStatus, staleCutoff, type MeasureStatus } from "../rules/plan";
import type { TLinkCreate } from "../schemas/plans";
import { assertManages } from "./access";
import type { ServiceContext } from "./context";
import { resolutionNumber } from "./outcomes";
import { getMeasure, getPlan, measureChange } from "./plans";
import { auditedInsert } from "./records";
import { resolutionVisible } from "./resolutions";
import { minutesItemReadable, minutesVariantFor, readershipOf } from "./visibility";

/**
 * Links a resolution to a measure. When the link carries a status or progress (or its relation implies
 * one: completes → implemented, drops → dropped, initiates → in progress), the measure and its history
 * change in the same atomic batch.
 */
export async function linkResolutionToMeasure(ctx: ServiceContext, resolutionId: string, input: TLinkCreate) {
  const resolution = await ctx.db.prisma.resolution.findUnique({ where: { id: resolutionId } });
  if (!resolution) throw notFound("Resolution", resolutionId);
  const committee = await ctx.db.prisma.committee.findUniqueOrThrow({ where: { id: resolution.committeeId } });
  assertManages(ctx, committee.bodyId);
  const { actionField: _field, ...measure } = await getMeasure(ctx, input.measureId).catch(() => {
    throw fieldProblem("measureId", "does not name a measure");
  });
  const plan = await getPlan(ctx, measure.planId);
  if (plan.bodyId !== committee.bodyId) throw fieldProblem("measureId", "belongs to the plan of another body");
  const status = input.status ?? impliedStatus(input.relation) ?? undefined;
  const progress = input.progress ?? (status === "implemented" ? 100 : undefined);
  const link = {
    id: crypto.randomUUID(),
    resolutionId,
    measureId: measure.id,
    relation: input.relation,
    newStatus: status ?? null,
    newProgress: progress ?? null,
    note: input.note ?? null,
    createdAt: ctx.now,
  };
  const changes = { ...(status && status !== measure.status ? { status } : {}), ...(progress !== undefined && progress !== measure.progress ? { progress } : {}) };
  const statements = Object.keys(changes).length
    ? measureChange(ctx, measure, changes, { source: "link", reason: input.note ?? `Beschluss ${resolutionNumber(committee.shortName, resolution.year, resolution.serial)}`, resolutionId }, auditedInsert(ctx, "MeasureLink", link))
    : [assertion(atVersion("Measure", measure.id, measure.version)), ...auditedInsert(ctx, "MeasureLink", link)];
  const results = await ctx.db.batch(statements).catch((error) => {
    if ((error as { constraint?: string }).constraint === "unique") throw fieldProblem("relation", "the resolution is linked to the measure with this relation already", "conflict");
    throw error;
  });
  if (results.at(-1) === 0) throw new Problem("precondition_failed", "The measure was changed in the meantime; try again.");
  return resolutionMeasures(ctx, resolutionId);
}

/** The measures a resolution concerns, with the relation and the change it caused. */
export async function resolutionMeasures(ctx: ServiceContext, resolutionId: string) {
  const resolution = await ctx.db.prisma.resolution.findUnique({ where: { id: resolutionId } });
  if (!resolution) throw notFound("Resolution", resolutionId);
  const committee = await ctx.db.prisma.committee.findUniqueOrThrow({ where: { id: resolution.committeeId } });
  if (!resolutionVisible(ctx, await readershipOf(ctx), resolution, committee.bodyId)) throw notFound("Resolution", resolutionId);
  const links = await ctx.db.prisma.measureLink.findMany({ where: { resolutionId }, include: { measure: { include: { actionField: true } } }, orderBy: { createdAt: "asc" } });
  return {
    resolutionId,
    number: resolutionNumber(committee.shortName, resolution.year, resolution.serial),
    measures: links.map((l) => ({
      measureId: l.measureId,
      code: l.measure.code,
      title: l.measure.title,
      actionField: l.measure.actionField.number,
      relation: l.relation,
      newStatus: l.newStatus,
      newProgress: l.newProgress,
      note: l.note,
    })),
  };
}

/**
 * The trace of a measure: every resolution linked to it that the caller may see, in time order, with its
 * meeting, item number, vote, the minutes excerpt on that item (where the caller may read the minutes)
 * and the status change it caused. Links to resolutions the caller may not see leave no trace at all.
 */
export async function measureTrace(ctx: ServiceContext, measureId: string) {
  const measure = await getMeasure(ctx, measureId);
  const plan = await getPlan(ctx, measure.planId);
  const readership = await readershipOf(ctx);
  const links = await ctx.db.prisma.measureLink.findMany({ where: { measureId } });
  const resolutions = await ctx.db.prisma.resolution.findMany({ where: { id: { in: links.map((l) => l.resolutionId) } }, include: { vote: true } });
  const committees = new Map((await ctx.db.prisma.committee.findMany({ where: { id: { in: resolutions.map((r) => r.committeeId) } } })).map((c) => [c.id, c]));
  const visible = resolutions.filter((r) => resolutionVisible(ctx, readership, r, committees.get(r.committeeId)!.bodyId));
  const meetings = await ctx.db.prisma.meeting.findMany({
    where: { id: { in: visible.map((r) => r.meetingId).filter((id): id is string => id !== null) } },
    include: { items: true, minutes: { include: { notes: true } } },
  });
  const history = await ctx.db.prisma.measureHistory.findMany({ where: { measureId, resolutionId: { in: visible.map((r) => r.id) } } });

  const entries = visible.flatMap((r) => {
    const committee = committees.get(r.committeeId)!;
    const meeting = meetings.find((m) => m.id === r.meetingId);
    const item = meeting ? numberAgenda(meeting.items).find((i) => i.id === r.itemId) : undefined;
    const minutes = meeting?.minutes;
    const readable = minutes && item && minutesItemReadable(minutesVariantFor(ctx, readership, committee, minutes.state), item.isPublic);
    const excerpt = readable ? (minutes.notes.find((n) => n.itemId === r.itemId)?.notes ?? null) : null;
    return links
      .filter((l) => l.resolutionId === r.id)
      .map((l) => {
        const change = history.find((h) => h.resolutionId === r.id);
        return {
          date: meeting ? berlinDateOf(meeting.startsAt) : berlinDateOf(r.createdAt),
          relation: l.relation,
          resolution: { id: r.id, number: resolutionNumber(committee.shortName, r.year, r.serial), text: r.text, kind: r.kind, isPublic: r.isPublic },
          committee: { id: committee.id, name: committee.name },
          meeting: meeting ? { id: meeting.id, label: `${meeting.sequenceNumber}. Sitzung`, date: berlinDateOf(meeting.startsAt) } : null,
          itemNumber: item?.number ?? null,
          vote: r.vote ? { outcome: r.vote.outcome, yes: r.vote.yes, no: r.vote.no, abstain: r.vote.abstain } : null,
          minutesExcerpt: excerpt,
          statusChange: change ? { fromStatus: change.fromStatus, toStatus: change.toStatus, fromProgress: change.fromProgress, toProgress: change.toProgress } : null,
        };
      });
  });
  entries.sort((a, b) => a.date.localeCompare(b.date) || a.resolution.number.localeCompare(b.resolution.number, "de", { numeric: true }));
  return { measure, planTitle: plan.title, trace: entries };
}

/**
 * The plan at a glance: measures per status in each action field, and the measures with no activity
 * (no change, no linked resolution) in the last `staleMonths` months.
 */
export async function planOverview(ctx: ServiceContext, planId: string, staleMonths: number) {
  const plan = await getPlan(ctx, planId);
  const measures = await ctx.db.prisma.measure.findMany({ where: { planId }, include: { history: { orderBy: { at: "desc" }, take: 1 }, links: { orderBy: { createdAt: "desc" }, take: 1 } } });
  const cutoff = staleCutoff(berlinDateOf(ctx.now), staleMonths);
  const empty = () => Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  const fields = plan.actionFields.map((field) => {
    const counts = empty();
    for (const m of measures.filter((m) => m.actionFieldId === field.id)) counts[m.status as MeasureStatus]++;
    return { number: field.number, title: field.title, counts, total: measures.filter((m) => m.actionFieldId === field.id).length };
  });
  const lastActivity = (m: (typeof measures)[number]) =>
    [m.createdAt, m.history[0]?.at, m.links[0]?.createdAt].filter((d): d is Date => d !== undefined).reduce((a, b) => (a > b ? a : b));
  const stale = measures
    .filter((m) => m.status !== "implemented" && m.status !== "dropped")
    .map((m) => ({ id: m.id, code: m.code, title: m.title, status: m.status, lastActivity: berlinDateOf(lastActivity(m)) }))
    .filter((m) => m.lastActivity < cutoff)
    .sort((a, b) => a.code.localeCompare(b.code, "de", { numeric: true }));
  return { planId, title: plan.title, actionFields: fields, staleMonths, staleSince: cutoff, stale };
}
