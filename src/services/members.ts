/**
 * The members' area: a member's seats today (with terms, roles, deputies and whom they stand in for) and the
 * meetings of the committees they sit on. The meetings' pages and documents then show what the policies let them
 * read: the non-public part of their committees, circulated minutes.
 */
import { Problem } from "../errors";
import * as minutesPolicy from "../policies/minutes";
import { berlinDateOf } from "../rules/calendar";
import type { ServiceContext } from "./context";
import { listItemRequests } from "./meetings/item-requests";
import { currentOn } from "./people/membership-filters";

const MEETINGS = 10;

export async function memberArea(ctx: ServiceContext) {
  const actor = ctx.actor;
  if (actor.kind !== "member") throw new Problem("forbidden", "Der Mitgliederbereich ist für Mitglieder mit einem Sitz.");
  const today = berlinDateOf(ctx.now);
  const seats = await ctx.db.prisma.membership.findMany({
    where: { personId: actor.personId, ...currentOn(today) },
    include: {
      committee: { select: { id: true, name: true, bodyId: true } },
      term: { select: { name: true } },
      deputyFor: { select: { person: { select: { givenName: true, familyName: true } } } },
      deputies: { where: currentOn(today), select: { person: { select: { givenName: true, familyName: true } } } },
    },
    orderBy: [{ startDate: "asc" }, { id: "asc" }],
  });
  const committeeIds = [...new Set(seats.map((seat) => seat.committeeId))];
  const include = { committee: { select: { id: true, name: true, shortName: true, bodyId: true } }, minutes: { select: { state: true } } };
  const [upcoming, recent] = await Promise.all([
    ctx.db.prisma.meeting.findMany({
      where: { committeeId: { in: committeeIds }, startsAt: { gte: ctx.now } },
      include,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: MEETINGS,
    }),
    ctx.db.prisma.meeting.findMany({
      where: { committeeId: { in: committeeIds }, startsAt: { lt: ctx.now } },
      include,
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      take: MEETINGS,
    }),
  ]);
  const readership = await ctx.readership();
  // The demanded items of the member's committees, through the same check as the API's list.
  const itemRequests = (
    await Promise.all(
      committeeIds.map(async (id) =>
        (
          await listItemRequests(ctx, id)
        ).map((request) => ({ ...request, committee: seats.find((s) => s.committeeId === id)!.committee.name })),
      ),
    )
  ).flat();
  const withMinutes = (meeting: (typeof upcoming)[number]) => {
    const { minutes, ...rest } = meeting;
    const variant = minutesPolicy.variantFor(actor, readership, meeting.committee, minutes?.state);
    return { ...rest, minutesState: minutes?.state ?? null, readsMinutes: variant !== null && minutes !== null };
  };
  const name = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;
  // Open written procedures of their committees (§37 (1) GemO), which they may object to in their area.
  const procedures = await ctx.db.prisma.writtenProcedure.findMany({
    where: { committeeId: { in: committeeIds }, resolutionId: null, deadline: { gt: ctx.now } },
    include: { objections: { select: { personId: true } } },
    orderBy: { deadline: "asc" },
  });
  return {
    seats: seats.map((seat) => ({
      id: seat.id,
      committee: seat.committee,
      role: seat.role,
      votingRight: seat.votingRight,
      term: seat.term?.name ?? null,
      startDate: seat.startDate,
      endDate: seat.endDate,
      standsInFor: seat.deputyFor ? name(seat.deputyFor.person) : null,
      deputies: seat.deputies.map((deputy) => name(deputy.person)),
    })),
    upcoming: upcoming.map(withMinutes),
    recent: recent.map(withMinutes),
    /** Minutes in circulation: the member reads them, objects or signs in their area. */
    circulating: recent.map(withMinutes).filter((meeting) => meeting.minutesState === "circulated"),
    procedures: procedures.map((p) => ({
      id: p.id,
      committee: seats.find((s) => s.committeeId === p.committeeId)!.committee.name,
      motion: p.motion,
      deadline: p.deadline,
      objected: p.objections.some((o) => o.personId === actor.personId),
    })),
    itemRequests,
  };
}

export type MemberArea = Awaited<ReturnType<typeof memberArea>>;
