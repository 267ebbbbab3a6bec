import { meetingStateName } from "../../rules/meeting";
import { AGENDA_ITEM_KIND } from "../../documents/labels";
import { actorName } from "../../auth/principal";
import { noMeetingMailSince } from "../../db/queries/outbox";
import { PREVIOUS_CHANGED, atVersion, guard, updateVersioned } from "../../db/sql";
import { Problem } from "../../errors";
import { berlinDateOf } from "../../rules/calendar";
import { checkNoticePeriod } from "../../rules/meeting";
import { displayName } from "../../schemas/people";
import type { TInvitationCreate, TRecipient } from "../../schemas/invitations";
import { assertManages } from "../access";
import type { ServiceContext } from "../context";
import { getMeeting } from "./meeting-lookup";
import { currentOn } from "../people/membership-filters";
import { auditStatement, auditedInsert } from "../records";
import { meetingMails, type MailContext } from "../mail/mails";

/** The members, deputies and other seat holders of the committee on the day of the meeting. */
async function recipientsOf(ctx: ServiceContext, committeeId: string, date: string): Promise<TRecipient[]> {
  const seats = await ctx.db.prisma.membership.findMany({ where: { committeeId, ...currentOn(date) }, include: { person: true } });
  return seats
    .map((seat) => ({ personId: seat.personId, name: displayName(seat.person), role: seat.role, membershipId: seat.id }))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
}

/**
 * Sends the invitation (by e-mail, each recipient the agenda they may read, queued in the outbox in the same write)
 * and moves the meeting to "invited". Refuses an empty agenda,
 * a missing approval of the previous minutes, and — unless a reason is given or it is an emergency
 * meeting — a dispatch that misses the notice period (§34 (1) GemO).
 */
export async function sendInvitation(ctx: ServiceContext, meetingId: string, input: TInvitationCreate, mail: MailContext) {
  const meeting = await getMeeting(ctx, meetingId);
  assertManages(ctx, meeting.committee.bodyId);
  if (meeting.state !== "planned")
    throw new Problem(
      "conflict",
      `Eingeladen wird nur zu einer geplanten Sitzung; diese ist im Stand „${meetingStateName(meeting.state)}“.`,
    );

  const items = await ctx.db.prisma.agendaItem.findMany({
    where: { meetingId, withdrawnAt: null },
    select: { kind: true, isPublic: true, paper: { select: { id: true, isPublic: true, deletedAt: true } } },
  });
  if (items.length === 0)
    throw new Problem("unprocessable", "Die Tagesordnung ist leer.", { errors: [{ field: "agenda", reason: "hat keine Punkte" }] });
  if (!meeting.emergencyReason) {
    const earlier = await ctx.db.prisma.meeting.count({
      where: { committeeId: meeting.committeeId, state: { in: ["held", "closed"] }, startsAt: { lt: meeting.startsAt } },
    });
    if (earlier > 0 && !items.some((item) => item.kind === "minutes_approval")) {
      throw new Problem("unprocessable", "Der Tagesordnung fehlt der Punkt zur Niederschrift der vorigen Sitzung (§ 38 Abs. 2 GemO).", {
        errors: [{ field: "agenda", reason: `braucht einen Punkt der Art „${AGENDA_ITEM_KIND.minutes_approval}“ (minutes_approval)` }],
      });
    }
  }

  const committee = await ctx.db.prisma.committee.findUniqueOrThrow({ where: { id: meeting.committeeId } });
  const notice = checkNoticePeriod(meeting.startsAt, ctx.now, committee.noticePeriodDays);
  if (notice.late && !meeting.emergencyReason && !input.lateReason) {
    throw new Problem(
      "unprocessable",
      `Die Ladungsfrist von ${notice.noticeDays} Tagen ist nicht eingehalten: Die Einladung hätte spätestens am ${notice.deadline} ` +
        `versandt werden müssen; sie geht ${notice.daysBeforeMeeting} Tag(e) vor der Sitzung hinaus, ${notice.daysShort} Tag(e) zu spät. ` +
        "Mit einer Begründung in lateReason kann sie trotzdem versandt werden (§ 34 Abs. 1 GemO).",
      {
        errors: [{ field: "lateReason", reason: "ist für eine verspätete Einladung erforderlich" }],
        deadline: notice.deadline,
        daysBeforeMeeting: notice.daysBeforeMeeting,
        daysShort: notice.daysShort,
        noticeDays: notice.noticeDays,
      },
    );
  }

  const invitation = {
    id: crypto.randomUUID(),
    meetingId,
    sentAt: ctx.now,
    channel: input.channel,
    recipients: JSON.stringify(await recipientsOf(ctx, meeting.committeeId, berlinDateOf(meeting.startsAt))),
    deadline: notice.deadline,
    gapDays: notice.daysBeforeMeeting,
    noticeDays: notice.noticeDays,
    lateReason: notice.late ? (input.lateReason ?? null) : null,
    actorName: actorName(ctx.actor),
    publicPapers: JSON.stringify(
      items.flatMap((item) => (item.isPublic && item.paper?.isPublic && !item.paper.deletedAt ? [item.paper.id] : [])),
    ),
  };
  const { committee: _committee, minutesState: _minutesState, ...before } = meeting;
  const changes = { state: "invited", sequence: meeting.sequence + 1, updatedAt: ctx.now };
  const after = { ...before, ...changes, version: before.version + 1 };
  const unchanged = atVersion("Meeting", meeting.id, meeting.version);
  const mails = input.channel === "email" ? (await meetingMails(ctx, mail, meeting, "invitation")).statements : [];
  const results = await ctx.db.batch([
    ...[...auditedInsert(ctx, "Invitation", invitation), auditStatement(ctx, "update", "Meeting", meeting.id, before, after), ...mails].map(
      (s) => guard(s, unchanged),
    ),
    updateVersioned("Meeting", meeting.id, meeting.version, changes),
  ]);
  if (results[results.length - 1] === 0)
    throw new Problem("conflict", "Die Sitzung wurde inzwischen geändert; bitte neu laden und erneut versenden.");
  return invitation;
}

export async function listInvitations(ctx: ServiceContext, meetingId: string) {
  const meeting = await getMeeting(ctx, meetingId);
  assertManages(ctx, meeting.committee.bodyId);
  return ctx.db.prisma.invitation.findMany({ where: { meetingId }, orderBy: { sentAt: "asc" } });
}

/**
 * Sends the changes of the agenda since the invitation, or since the last amendment, to those invited (a Nachtrag):
 * each recipient the changes they may read, with the invitation PDF as it stands now. Sent twice at once, it goes once.
 */
export async function sendAmendment(ctx: ServiceContext, meetingId: string, mail: MailContext) {
  const meeting = await getMeeting(ctx, meetingId);
  assertManages(ctx, meeting.committee.bodyId);
  if (meeting.state !== "invited")
    throw new Problem("conflict", `Ein Nachtrag folgt der Einladung; diese Sitzung ist im Stand „${meetingStateName(meeting.state)}“.`);
  const { since, changes } = await untoldAmendments(ctx, meetingId);
  if (changes.length === 0)
    throw new Problem("conflict", "Seit der Einladung oder dem letzten Nachtrag hat sich die Tagesordnung nicht geändert.");
  const { statements, recipients } = await meetingMails(ctx, mail, meeting, "amendment", { changes });
  if (statements.length > 0) {
    const [first, ...rest] = statements;
    const written = await ctx.db.batch([
      guard(first!, noMeetingMailSince(meetingId, "amendment", since)),
      ...rest.map((s) => guard(s, PREVIOUS_CHANGED)),
    ]);
    if (written[0] === 0) throw new Problem("conflict", "Dieser Nachtrag ist gerade schon versandt worden.");
  }
  return { changes: changes.length, mails: statements.length, byPost: recipients.filter((r) => r.byPost) };
}

/** The agenda changes since the invitation or the last amendment mail: what a Nachtrag would tell. */
export async function untoldAmendments(ctx: ServiceContext, meetingId: string) {
  const [invitation, lastAmendment] = await Promise.all([
    ctx.db.prisma.invitation.findFirst({ where: { meetingId }, orderBy: { sentAt: "desc" }, select: { sentAt: true } }),
    ctx.db.prisma.outboxMail.findFirst({
      where: { meetingId, kind: "amendment" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  const since = new Date(Math.max(invitation?.sentAt.getTime() ?? 0, lastAmendment?.createdAt.getTime() ?? 0));
  const changes = await ctx.db.prisma.agendaAmendment.findMany({ where: { meetingId, at: { gt: since } }, orderBy: { at: "asc" } });
  return { since, changes };
}
