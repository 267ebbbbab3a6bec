import { decodeJson } from "../db/rows";
import { assertion, atVersion } from "../db/sql";
import { Problem, fieldProblem, notFound } from "../errors";
import { numberAgenda } from "../rules/agenda";
import { berlinDateOf } from "../rules/calendar";
import { MEASURE_STATUSES, impliedStatus, staleCutoff, type MeasureStatus } from "../rules/plan";
import type { TLinkCreate } from "../schemas/plans";
import { assertManages } from "./access";
import type { ServiceContext } from "./context";
import { resolutionNumber } from "./outcomes";
import { getMeasure, getPlan, measureChange } from "./plans";
import { auditedInsert } from "./records";
import * as minutesPolicy from "../policies/minutes";
import * as resolutionPolicy from "../policies/resolutions";

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
  if (!resolutionPolicy.canRead(ctx.actor, await ctx.readership(), resolution, committee)) throw notFound("Resolution", resolutionId);
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

interface TraceRow {
  relation: string;
  resolutionId: string;
  committeeId: string;
  year: number;
  serial: number;
  text: string;
  kind: string;
  isPublic: number;
  announcedAt: string | null;
  meetingId: string | null;
  itemId: string | null;
  createdAt: string;
  committee: string;
  vote: string | null;
  meeting: string | null;
  minutes: string | null;
  change: string | null;
}

/** Every link of a measure with its resolution, committee, vote, meeting, minutes note and status change. */
const TRACE_SQL = `SELECT l.relation, r.id AS resolutionId, r.committeeId, r.year, r.serial, r.text, r.kind, r.isPublic, r.announcedAt, r.meetingId, r.itemId, r.createdAt,
      json_object('id', c.id, 'name', c.name, 'shortName', c.shortName, 'bodyId', c.bodyId) AS committee,
      CASE WHEN v.id IS NULL THEN NULL ELSE json_object('outcome', v.outcome, 'yes', v.yes, 'no', v.no, 'abstain', v.abstain) END AS vote,
      CASE WHEN m.id IS NULL THEN NULL ELSE json_object('id', m.id, 'sequenceNumber', m.sequenceNumber, 'startsAt', m.startsAt) END AS meeting,
      CASE WHEN mi.id IS NULL THEN NULL ELSE json_object('state', mi.state, 'notes', (SELECT notes FROM MinutesItemNote WHERE minutesId = mi.id AND itemId = r.itemId)) END AS minutes,
      (SELECT json_object('fromStatus', h.fromStatus, 'toStatus', h.toStatus, 'fromProgress', h.fromProgress, 'toProgress', h.toProgress)
         FROM MeasureHistory h WHERE h.measureId = l.measureId AND h.resolutionId = r.id ORDER BY h.id LIMIT 1) AS change
    FROM MeasureLink l
    JOIN Resolution r ON r.id = l.resolutionId
    JOIN Committee c ON c.id = r.committeeId
    LEFT JOIN Vote v ON v.id = r.voteId
    LEFT JOIN Meeting m ON m.id = r.meetingId
    LEFT JOIN Minutes mi ON mi.meetingId = r.meetingId
    WHERE l.measureId = ?`;

/**
 * The trace of a measure: every resolution linked to it that the caller may see, in time order, with its
 * meeting, item number, vote, the minutes excerpt on that item (where the caller may read the minutes)
 * and the status change it caused. Links to resolutions the caller may not see leave no trace at all.
 * It is read in three SQL statements in two round trips (see `Database.queryAll`), whatever the length of the trace.
 */
export async function measureTrace(ctx: ServiceContext, measureId: string) {
  const measure = await getMeasure(ctx, measureId);
  const readership = await ctx.readership();
  const [plans, links] = await ctx.db.queryAll([
    { sql: `SELECT title FROM Plan WHERE id = ?`, params: [measure.planId] },
    { sql: TRACE_SQL, params: [measureId] },
  ]);
  const plan = plans![0] as { title: string };
  const rows = links as unknown as TraceRow[];
  const visible = rows
    .map((row) => ({ ...row, committee: decodeJson<{ id: string; name: string; shortName: string; bodyId: string }>(row.committee)! }))
    .filter((row) => resolutionPolicy.canRead(ctx.actor, readership, { isPublic: row.isPublic === 1, announcedAt: row.announcedAt === null ? null : new Date(row.announcedAt) }, row.committee));
  // Agenda numbers need every item of the meetings concerned (numbers are derived from the whole agenda).
  const meetingIds = [...new Set(visible.flatMap((row) => row.meetingId ?? []))];
  const items = meetingIds.length
    ? await ctx.db.query<{ id: string; meetingId: string; parentId: string | null; isPublic: number; position: number }>(
        `SELECT id, meetingId, parentId, isPublic, position FROM AgendaItem WHERE meetingId IN (${meetingIds.map(() => "?").join(", ")})`,
        meetingIds,
      )
    : [];
  const numbered = new Map(
    meetingIds.flatMap((id) => numberAgenda(items.filter((i) => i.meetingId === id).map((i) => ({ ...i, isPublic: i.isPublic === 1 }))).map((i) => [i.id, i] as const)),
  );

  const entries = visible.map((row) => {
    const meeting = decodeJson<{ id: string; sequenceNumber: number; startsAt: Date }>(row.meeting, { dates: ["startsAt"] });
    const minutes = decodeJson<{ state: string; notes: string | null }>(row.minutes);
    const vote = decodeJson<{ outcome: string; yes: number | null; no: number | null; abstain: number | null }>(row.vote);
    const item = row.itemId ? numbered.get(row.itemId) : undefined;
    const readable = minutes && item && minutesPolicy.canReadItemNotes(minutesPolicy.variantFor(ctx.actor, readership, row.committee, minutes.state), item.isPublic);
    const date = berlinDateOf(meeting ? meeting.startsAt : new Date(row.createdAt));
    return {
      date,
      relation: row.relation,
      resolution: { id: row.resolutionId, number: resolutionNumber(row.committee.shortName, row.year, row.serial), text: row.text, kind: row.kind, isPublic: row.isPublic === 1 },
      committee: { id: row.committee.id, name: row.committee.name },
      meeting: meeting ? { id: meeting.id, label: `${meeting.sequenceNumber}. Sitzung`, date } : null,
      itemNumber: item?.number ?? null,
      vote,
      minutesExcerpt: readable ? (minutes.notes ?? null) : null,
      statusChange: decodeJson<{ fromStatus: string | null; toStatus: string; fromProgress: number | null; toProgress: number }>(row.change),
    };
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
