import { meetingStateName } from "../../rules/meeting";
import { berlinDateOf, germanDate } from "../../rules/calendar";
import * as resolutionPolicy from "../../policies/resolutions";
import { Problem, fieldProblem, notFound } from "../../errors";
import { pageArgs, toPage, type TPageQuery } from "../../db/paging";
import { toResolutionView, type TResolutionUpdate } from "../../schemas/outcomes";
import { assertManages } from "../access";
import type { ServiceContext } from "../context";
import { expectVersion, updateAudited } from "../records";

const include = { vote: true } as const;

async function committeesById(ctx: ServiceContext, ids: string[]) {
  const committees = await ctx.db.prisma.committee.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, shortName: true, bodyId: true },
  });
  return new Map(committees.map((c) => [c.id, c]));
}

/** The register of resolutions, newest first, as far as the caller may see it. */
export async function listResolutions(
  ctx: ServiceContext,
  query: TPageQuery & { committeeId?: string; meetingId?: string; bodyId?: string; year?: number },
) {
  const ofBody = query.bodyId
    ? (await ctx.db.prisma.committee.findMany({ where: { bodyId: query.bodyId }, select: { id: true } })).map((c) => c.id)
    : undefined;
  const rows = await ctx.db.prisma.resolution.findMany({
    where: {
      ...(query.committeeId ? { committeeId: query.committeeId } : {}),
      ...(ofBody ? { AND: [{ committeeId: { in: ofBody } }] } : {}),
      ...(query.year ? { year: query.year } : {}),
      ...(query.meetingId ? { meetingId: query.meetingId } : {}),
      ...resolutionPolicy.where(await ctx.readership()),
    },
    include,
    // A meeting's resolutions share its year: ordered by serial alone, SQLite reads them by the meeting's index
    // instead of walking the whole register in (year, serial) order.
    orderBy: query.meetingId ? [{ serial: "desc" }, { id: "desc" }] : [{ year: "desc" }, { serial: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const page = toPage(rows, query);
  const committees = await committeesById(
    ctx,
    page.items.map((r) => r.committeeId),
  );
  const readership = await ctx.readership();
  return {
    items: page.items.map((r) => {
      const committee = committees.get(r.committeeId)!;
      return toResolutionView(r, committee.shortName, resolutionPolicy.canReadContext(ctx.actor, readership, r, committee));
    }),
    nextCursor: page.nextCursor,
  };
}

async function load(ctx: ServiceContext, id: string) {
  const row = await ctx.db.prisma.resolution.findUnique({ where: { id }, include });
  if (!row) throw notFound("Resolution", id);
  const committee = (await committeesById(ctx, [row.committeeId])).get(row.committeeId)!;
  return { row, committee };
}

export async function getResolution(ctx: ServiceContext, id: string) {
  const { row, committee } = await load(ctx, id);
  const readership = await ctx.readership();
  if (!resolutionPolicy.canRead(ctx.actor, readership, row, committee)) throw notFound("Resolution", id);
  return toResolutionView(row, committee.shortName, resolutionPolicy.canReadContext(ctx.actor, readership, row, committee));
}

/** Records how a resolution is followed up: open, in progress, done, or superseded by a later one. */
export async function updateResolution(ctx: ServiceContext, id: string, version: number, input: TResolutionUpdate) {
  const { row, committee } = await load(ctx, id);
  assertManages(ctx, committee.bodyId);
  expectVersion(row, version);
  if (input.supersededById) {
    if (input.supersededById === id) throw fieldProblem("supersededById", "ein Beschluss kann sich nicht selbst ersetzen");
    const successor = await ctx.db.prisma.resolution.findUnique({ where: { id: input.supersededById } });
    if (!successor || successor.committeeId !== row.committeeId)
      throw fieldProblem("supersededById", "nennt keinen Beschluss desselben Gremiums");
  }
  const { vote: _vote, ...before } = row;
  await updateAudited(ctx, "Resolution", before, {
    followUp: input.followUp,
    supersededById: input.followUp === "superseded" ? input.supersededById! : null,
  });
  return getResolution(ctx, id);
}

/** Non-public resolutions of a committee not yet announced (§35 (1) GemO), oldest first. */
export async function pendingAnnouncements(ctx: ServiceContext, committeeId: string) {
  return ctx.db.prisma.resolution.findMany({
    where: { committeeId, isPublic: false, announcedAt: null },
    include,
    orderBy: [{ year: "asc" }, { serial: "asc" }],
  });
}

/**
 * Announces a non-public resolution at a public meeting of the committee (§35 (1) GemO): its wording
 * becomes public. The meeting must be invited or held and have the announcement item.
 */
export async function announceResolution(ctx: ServiceContext, id: string, meetingId: string) {
  const { row, committee } = await load(ctx, id);
  assertManages(ctx, committee.bodyId);
  if (row.isPublic) throw new Problem("conflict", "Der Beschluss wurde öffentlich gefasst; es gibt nichts bekanntzugeben.");
  if (row.announcedAt) throw new Problem("conflict", `Der Beschluss wurde am ${germanDate(berlinDateOf(row.announcedAt))} bekanntgegeben.`);
  const meeting = await ctx.db.prisma.meeting.findUnique({
    where: { id: meetingId },
    include: { items: { where: { kind: "announcement_of_resolutions", withdrawnAt: null } } },
  });
  if (!meeting || meeting.committeeId !== row.committeeId) throw fieldProblem("meetingId", "nennt keine Sitzung des Gremiums");
  if (meeting.state !== "invited" && meeting.state !== "held")
    throw fieldProblem("meetingId", `die Sitzung ist im Stand „${meetingStateName(meeting.state)}“`, "conflict");
  if (row.meetingId === meetingId) throw fieldProblem("meetingId", "ist die Sitzung, in der der Beschluss gefasst wurde", "conflict");
  if (meeting.items.length === 0)
    throw fieldProblem("meetingId", "die Tagesordnung der Sitzung hat keinen Punkt für die Bekanntgabe nichtöffentlicher Beschlüsse");
  const { vote: _vote, ...before } = row;
  await updateAudited(ctx, "Resolution", before, { announcedAt: ctx.now, announcedMeetingId: meetingId }, "update");
  return getResolution(ctx, id);
}
