import { paths } from "../../addresses";
import { placeOfRow } from "../../rules/meeting";
import { revokeFeedsOf } from "../../db/queries/calendar";
import { canHavePersonalFeed, showsNonPublicItems } from "../../policies/calendar-feeds";
import { generateTokenSecret, hashTokenSecret } from "../../auth/tokens";
import { renderCalendar, type CalendarMeeting } from "../../documents/ics";
import { notFound, Problem } from "../../errors";
import { numberAgenda } from "../../rules/agenda";
import { getBody } from "../people/bodies";
import { getCommittee } from "../people/committees";
import type { ServiceContext } from "../context";
import { currentOn } from "../people/membership-filters";
import { berlinDateOf } from "../../rules/calendar";
import { auditStatement, insertAudited } from "../records";

type MeetingFilter = { id?: string; committeeId?: string | { in: string[] }; committee?: { bodyId: string } };

/**
 * Meetings as calendar entries. `nonPublicFor` names the committees whose non-public item titles the
 * reader may see; for everyone else only public items appear.
 */
async function calendarMeetings(
  ctx: ServiceContext,
  where: MeetingFilter,
  baseUrl: string,
  nonPublicFor: ReadonlySet<string>,
): Promise<CalendarMeeting[]> {
  const meetings = await ctx.db.prisma.meeting.findMany({
    where,
    include: { items: { select: { id: true, parentId: true, isPublic: true, position: true, title: true, withdrawnAt: true } } },
    orderBy: { startsAt: "asc" },
  });
  return meetings.map((meeting) => ({
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    location: placeOfRow(meeting),
    state: meeting.state,
    cancelledReason: meeting.cancelledReason,
    sequence: meeting.sequence,
    updatedAt: meeting.updatedAt,
    url: `${baseUrl}${paths.meeting(meeting.id)}`,
    agenda: numberAgenda(meeting.items)
      .filter((item) => item.isPublic || showsNonPublicItems(nonPublicFor, meeting.committeeId))
      .map((item) => `${item.number} ${item.title}${item.withdrawnAt ? " (abgesetzt)" : ""}`),
  }));
}

/** The public feed of one committee: its meetings with their public items. */
export async function committeeCalendar(ctx: ServiceContext, committeeId: string, baseUrl: string) {
  const committee = await getCommittee(ctx, committeeId);
  return renderCalendar(`${committee.name}: Sitzungen`, await calendarMeetings(ctx, { committeeId }, baseUrl, new Set()));
}

/** One meeting as a calendar entry with its public items, to take into one's own calendar. */
export async function meetingCalendar(ctx: ServiceContext, meetingId: string, baseUrl: string) {
  const [meeting] = await calendarMeetings(ctx, { id: meetingId }, baseUrl, new Set());
  if (!meeting) throw notFound("Meeting", meetingId);
  return renderCalendar(meeting.title, [meeting]);
}

/** The public feed of all committees of a body. */
export async function bodyCalendar(ctx: ServiceContext, bodyId: string, baseUrl: string) {
  const body = await getBody(ctx, bodyId);
  return renderCalendar(`${body.name}: Sitzungen`, await calendarMeetings(ctx, { committee: { bodyId } }, baseUrl, new Set()));
}

/** Mints a new personal feed URL for the calling member; its secret is shown once. */
export async function createPersonalFeed(ctx: ServiceContext) {
  if (!canHavePersonalFeed(ctx.actor)) throw new Problem("forbidden", "Persönliche Kalender-Abonnements gibt es für Mitglieder.");
  const secret = generateTokenSecret();
  await insertAudited(ctx, "CalendarFeedToken", {
    id: crypto.randomUUID(),
    personId: ctx.actor.personId,
    tokenHash: await hashTokenSecret(secret),
    createdAt: ctx.now,
    revokedAt: null,
  });
  return secret;
}

/** Revokes every personal feed URL of the calling member. */
export async function revokePersonalFeeds(ctx: ServiceContext) {
  if (!canHavePersonalFeed(ctx.actor)) throw new Problem("forbidden", "Persönliche Kalender-Abonnements gibt es für Mitglieder.");
  await ctx.db.batch([
    revokeFeedsOf(ctx.actor.personId, ctx.now),
    auditStatement(ctx, "revoke", "CalendarFeedToken", ctx.actor.personId, null, { personId: ctx.actor.personId, revokedAt: ctx.now }),
  ]);
}

/** A member's feed: the meetings of their committees, with the non-public item titles. */
export async function personalCalendar(ctx: ServiceContext, secret: string, baseUrl: string) {
  const token = await ctx.db.prisma.calendarFeedToken.findUnique({
    where: { tokenHash: await hashTokenSecret(secret) },
    include: { person: true },
  });
  if (!token || token.revokedAt) throw notFound("Calendar feed", "(token)");
  const seats = await ctx.db.prisma.membership.findMany({
    where: { personId: token.personId, ...currentOn(berlinDateOf(ctx.now)) },
    select: { committeeId: true },
  });
  const committees = new Set(seats.map((seat) => seat.committeeId));
  const name = `Meine Sitzungen (${token.person.givenName} ${token.person.familyName})`;
  return renderCalendar(name, await calendarMeetings(ctx, { committeeId: { in: [...committees] } }, baseUrl, committees));
}
