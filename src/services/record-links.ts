/**
 * The links between the records of the public register, both ways: a resolution to its agenda item, meeting and
 * paper, and for a recommendation to what the receiving body made of it; a paper to every consultation on its route
 * with its outcome. Each linked record passes its own access policy: what the caller may not read is left out.
 */
import type { ResolutionModel, VoteModel } from "../generated/prisma-node/models";
import * as meetingPolicy from "../policies/meetings";
import * as paperPolicy from "../policies/papers";
import * as resolutionPolicy from "../policies/resolutions";
import { paperNumber } from "../rules/papers";
import { resolutionLabel, resolutionNumber } from "../rules/resolutions";
import { berlinIsoOf } from "../rules/calendar";
import { numberAgenda } from "../rules/agenda";
import type { TPaper } from "../schemas/papers";
import type { TResolution } from "../schemas/outcomes";
import type { ServiceContext } from "./context";

export interface LinkedResolution {
  id: string;
  number: string;
  /** "Beschluss", "Empfehlung an …". */
  label: string;
  kind: string;
  committee: string;
  /** The outcome of its vote (adopted, rejected, elected, …), if one was recorded. */
  outcome: string | null;
  meetingId: string | null;
  meetingDate: string | null;
}

export interface LinkedItem {
  id: string;
  meetingId: string;
  number: string;
  title: string;
}

/** What a resolution's page links to. */
export interface ResolutionLinks {
  item: LinkedItem | null;
  paper: { id: string; number: string; title: string } | null;
  /** For a recommendation: how the receiving body handled it, and its resolution. */
  followUp: { handling: string; note: string | null; receiving: LinkedResolution | null } | null;
  /** The recommendations this resolution answered. */
  answers: LinkedResolution[];
}

export async function resolutionLinks(ctx: ServiceContext, resolution: TResolution): Promise<ResolutionLinks> {
  const [item, paper, followUp, answered] = await Promise.all([
    resolution.itemId ? readableItem(ctx, resolution.itemId) : null,
    resolution.paperId ? readablePaper(ctx, resolution.paperId) : null,
    resolution.kind === "recommendation"
      ? ctx.db.prisma.recommendationFollowUp.findUnique({ where: { recommendationId: resolution.id } })
      : null,
    ctx.db.prisma.recommendationFollowUp.findMany({ where: { receivingResolutionId: resolution.id }, select: { recommendationId: true } }),
  ]);
  const linked = await linkedResolutions(ctx, [
    ...(followUp?.receivingResolutionId ? [followUp.receivingResolutionId] : []),
    ...answered.map((a) => a.recommendationId),
  ]);
  return {
    item,
    paper,
    followUp:
      resolution.kind === "recommendation"
        ? {
            handling: followUp?.handling ?? "pending",
            note: followUp?.note ?? null,
            receiving: (followUp?.receivingResolutionId && linked.get(followUp.receivingResolutionId)) || null,
          }
        : null,
    answers: answered.flatMap((a) => linked.get(a.recommendationId) ?? []),
  };
}

/** One step of a paper's route (Beratungsfolge) with what came of it. */
export interface RouteStep {
  consultationId: string;
  item: LinkedItem | null;
  resolutions: (LinkedResolution & { handling: string | null })[];
}

/**
 * A paper's route: for each consultation, the agenda item that dealt with the paper in a meeting of that committee
 * (the scheduled meeting's first) and the resolutions the committee took on the paper.
 */
export async function paperRoute(ctx: ServiceContext, paper: TPaper): Promise<RouteStep[]> {
  const readership = await ctx.readership();
  const [items, resolutions] = await Promise.all([
    ctx.db.prisma.agendaItem.findMany({
      where: { paperId: paper.id, withdrawnAt: null },
      select: { id: true, meetingId: true, meeting: { select: { committeeId: true, startsAt: true } } },
      orderBy: { meeting: { startsAt: "desc" } },
    }),
    ctx.db.prisma.resolution.findMany({
      where: { paperId: paper.id, ...resolutionPolicy.where(readership) },
      select: { id: true, committeeId: true },
    }),
  ]);
  const linked = await linkedResolutions(
    ctx,
    resolutions.map((r) => r.id),
  );
  const followUps = new Map(
    (
      await ctx.db.prisma.recommendationFollowUp.findMany({
        where: { recommendationId: { in: resolutions.map((r) => r.id) } },
        select: { recommendationId: true, handling: true },
      })
    ).map((f) => [f.recommendationId, f.handling]),
  );
  return Promise.all(
    paper.consultations.map(async (step) => {
      const ofCommittee = items.filter((item) => item.meeting.committeeId === step.committeeId);
      const onItem = ofCommittee.find((item) => item.meetingId === step.meetingId) ?? ofCommittee[0];
      const taken = resolutions.flatMap((r) => (r.committeeId === step.committeeId ? (linked.get(r.id) ?? []) : []));
      return {
        consultationId: step.id,
        item: onItem ? await readableItem(ctx, onItem.id) : null,
        resolutions: taken.map((r) => ({ ...r, handling: r.kind === "recommendation" ? (followUps.get(r.id) ?? "pending") : null })),
      };
    }),
  );
}

/** An agenda item with its number in its meeting's agenda, if the caller may read it. */
async function readableItem(ctx: ServiceContext, itemId: string): Promise<LinkedItem | null> {
  const item = await ctx.db.prisma.agendaItem.findUnique({
    where: { id: itemId },
    select: { id: true, meetingId: true, isPublic: true, meeting: { select: { committee: { select: { id: true, bodyId: true } } } } },
  });
  if (!item || !meetingPolicy.canReadItem(ctx.actor, await ctx.readership(), item, item.meeting.committee)) return null;
  const agenda = await ctx.db.prisma.agendaItem.findMany({
    where: { meetingId: item.meetingId },
    select: { id: true, parentId: true, position: true, isPublic: true, title: true },
  });
  const numbered = numberAgenda(agenda).find((i) => i.id === itemId)!;
  return { id: item.id, meetingId: item.meetingId, number: numbered.number, title: numbered.title };
}

async function readablePaper(ctx: ServiceContext, paperId: string) {
  const paper = await ctx.db.prisma.paper.findFirst({
    where: { id: paperId, deletedAt: null },
    include: { consultations: { select: { committeeId: true } } },
  });
  if (!paper) return null;
  if (!paperPolicy.canRead(ctx.actor, await ctx.readership(), paper)) return null;
  return { id: paper.id, number: paperNumber(paper.year, paper.serial), title: paper.title };
}

/** Resolutions by id, as far as the caller may read them, with committee, outcome and meeting date. */
async function linkedResolutions(ctx: ServiceContext, ids: string[]): Promise<Map<string, LinkedResolution>> {
  if (ids.length === 0) return new Map();
  const readership = await ctx.readership();
  const rows: (ResolutionModel & { vote: VoteModel | null })[] = await ctx.db.prisma.resolution.findMany({
    where: { id: { in: ids } },
    include: { vote: true },
  });
  const committees = new Map(
    (
      await ctx.db.prisma.committee.findMany({
        where: { id: { in: rows.map((r) => r.committeeId) } },
        select: { id: true, bodyId: true, name: true, shortName: true },
      })
    ).map((c) => [c.id, c]),
  );
  const meetings = new Map(
    (
      await ctx.db.prisma.meeting.findMany({
        where: { id: { in: rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])) } },
        select: { id: true, startsAt: true },
      })
    ).map((m) => [m.id, m.startsAt]),
  );
  const result = new Map<string, LinkedResolution>();
  for (const row of rows) {
    const committee = committees.get(row.committeeId)!;
    if (!resolutionPolicy.canRead(ctx.actor, readership, row, committee)) continue;
    const startsAt = row.meetingId ? meetings.get(row.meetingId) : undefined;
    result.set(row.id, {
      id: row.id,
      number: resolutionNumber(committee.shortName, row.year, row.serial),
      label: resolutionLabel(row),
      kind: row.kind,
      committee: committee.name,
      outcome: row.vote?.outcome ?? null,
      meetingId: resolutionPolicy.canReadContext(ctx.actor, readership, row, committee) ? row.meetingId : null,
      meetingDate: startsAt ? berlinIsoOf(startsAt) : null,
    });
  }
  return result;
}
