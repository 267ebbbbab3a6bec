import { findItemsOfMeetings } from "../../db/queries/agenda";
import { readTrace } from "../../db/queries/trace";
import { assertion, atVersion } from "../../db/sql";
import { Problem, fieldProblem, notFound } from "../../errors";
import { numberAgenda } from "../../rules/agenda";
import { berlinDateOf } from "../../rules/calendar";
import { MEASURE_STATUSES, impliedStatus, staleCutoff, type MeasureStatus } from "../../rules/plan";
import type { TLinkCreate } from "../../schemas/plans";
import { assertManages } from "../access";
import type { ServiceContext } from "../context";
import { resolutionNumber } from "../../rules/resolutions";
import { getMeasure, getPlan, measureChange } from "./plans";
import { auditedInsert } from "../records";
import * as minutesPolicy from "../../policies/minutes";
import * as resolutionPolicy from "../../policies/resolutions";

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
    throw fieldProblem("measureId", "nennt keine Maßnahme");
  });
  const plan = await getPlan(ctx, measure.planId);
  if (plan.bodyId !== committee.bodyId) throw fieldProblem("measureId", "gehört zum Plan einer anderen Körperschaft");
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
  const changes = {
    ...(status && status !== measure.status ? { status } : {}),
    ...(progress !== undefined && progress !== measure.progress ? { progress } : {}),
  };
  const statements = Object.keys(changes).length
    ? measureChange(
        ctx,
        measure,
        changes,
        {
          source: "link",
          reason: input.note ?? `Beschluss ${resolutionNumber(committee.shortName, resolution.year, resolution.serial)}`,
          resolutionId,
        },
        auditedInsert(ctx, "MeasureLink", link),
      )
    : [assertion(atVersion("Measure", measure.id, measure.version)), ...auditedInsert(ctx, "MeasureLink", link)];
  const results = await ctx.db.batch(statements).catch((error) => {
    if ((error as { constraint?: string }).constraint === "unique")
      throw fieldProblem("relation", "der Beschluss ist mit dieser Beziehung bereits mit der Maßnahme verknüpft", "conflict");
    throw error;
  });
  if (results.at(-1) === 0) throw new Problem("precondition_failed", "Die Maßnahme wurde inzwischen geändert; bitte erneut versuchen.");
  return resolutionMeasures(ctx, resolutionId);
}

/** The measures a resolution concerns, with the relation and the change it caused. */
export async function resolutionMeasures(ctx: ServiceContext, resolutionId: string) {
  const resolution = await ctx.db.prisma.resolution.findUnique({ where: { id: resolutionId } });
  if (!resolution) throw notFound("Resolution", resolutionId);
  const committee = await ctx.db.prisma.committee.findUniqueOrThrow({ where: { id: resolution.committeeId } });
  if (!resolutionPolicy.canRead(ctx.actor, await ctx.readership(), resolution, committee)) throw notFound("Resolution", resolutionId);
  const links = await ctx.db.prisma.measureLink.findMany({
    where: { resolutionId },
    include: { measure: { include: { actionField: true } } },
    orderBy: { createdAt: "asc" },
  });
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
 * It is read in three SQL statements in two round trips (see `Database.queryAll`), whatever the length of the trace.
 */
export async function measureTrace(ctx: ServiceContext, measureId: string) {
  const measure = await getMeasure(ctx, measureId);
  const readership = await ctx.readership();
  const { planTitle, links } = await readTrace(ctx.db, measure);
  const visible = links.filter((row) => resolutionPolicy.canRead(ctx.actor, readership, row, row.committee));
  // Agenda numbers need every item of the meetings concerned (numbers are derived from the whole agenda).
  const meetingIds = [...new Set(visible.flatMap((row) => row.meetingId ?? []))];
  const items = await findItemsOfMeetings(ctx.db, meetingIds);
  const numbered = new Map(
    meetingIds.flatMap((id) => numberAgenda(items.filter((i) => i.meetingId === id)).map((i) => [i.id, i] as const)),
  );

  const entries = visible.map((row) => {
    const { meeting, minutes } = row;
    const item = row.itemId ? numbered.get(row.itemId) : undefined;
    const readable =
      minutes &&
      item &&
      minutesPolicy.canReadItemNotes(minutesPolicy.variantFor(ctx.actor, readership, row.committee, minutes.state), item.isPublic);
    const date = berlinDateOf(meeting ? meeting.startsAt : row.createdAt);
    return {
      date,
      relation: row.relation,
      resolution: {
        id: row.resolutionId,
        number: resolutionNumber(row.committee.shortName, row.year, row.serial),
        text: row.text,
        kind: row.kind,
        isPublic: row.isPublic,
      },
      committee: { id: row.committee.id, name: row.committee.name },
      meeting: meeting ? { id: meeting.id, label: `${meeting.sequenceNumber}. Sitzung`, date } : null,
      // The number of a non-public item stays with those who read the non-public part; an announced resolution's
      // wording is public (§35 (1) GemO), the place of its item is not.
      itemNumber: item && resolutionPolicy.canReadContext(ctx.actor, readership, row, row.committee) ? item.number : null,
      vote: row.vote,
      minutesExcerpt: readable ? (minutes.notes ?? null) : null,
      statusChange: row.change,
    };
  });
  entries.sort((a, b) => a.date.localeCompare(b.date) || a.resolution.number.localeCompare(b.resolution.number, "de", { numeric: true }));
  return { measure, planTitle, trace: entries };
}

/**
 * The plan at a glance: measures per status in each action field, and the measures with no activity
 * (no change, no linked resolution) in the last `staleMonths` months.
 */
export async function planOverview(ctx: ServiceContext, planId: string, staleMonths: number) {
  const plan = await getPlan(ctx, planId);
  const measures = await ctx.db.prisma.measure.findMany({
    where: { planId },
    include: { history: { orderBy: { at: "desc" }, take: 1 }, links: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  const cutoff = staleCutoff(berlinDateOf(ctx.now), staleMonths);
  const empty = () => Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  const fields = plan.actionFields.map((field) => {
    const counts = empty();
    for (const m of measures.filter((m) => m.actionFieldId === field.id)) counts[m.status as MeasureStatus]++;
    return { number: field.number, title: field.title, counts, total: measures.filter((m) => m.actionFieldId === field.id).length };
  });
  const lastActivity = (m: (typeof measures)[number]) =>
    new Date(Math.max(...[m.createdAt, m.history[0]?.at, m.links[0]?.createdAt].flatMap((d) => (d ? [d.getTime()] : []))));
  const stale = measures
    .filter((m) => m.status !== "implemented" && m.status !== "dropped")
    .map((m) => ({ id: m.id, code: m.code, title: m.title, status: m.status, lastActivity: berlinDateOf(lastActivity(m)) }))
    .filter((m) => m.lastActivity < cutoff)
    .sort((a, b) => a.code.localeCompare(b.code, "de", { numeric: true }));
  return { planId, title: plan.title, actionFields: fields, staleMonths, staleSince: cutoff, stale };
}
