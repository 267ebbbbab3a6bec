import { meetingStateName } from "../../rules/meeting";
import { Problem, notFound } from "../../errors";
import { numberAgenda } from "../../rules/agenda";
import { presenceAtItem, type AttendanceRecord, type AttendanceStatus } from "../../rules/attendance";
import { berlinDateOf, berlinIsoOf } from "../../rules/calendar";
import { notYetStarted } from "../../rules/meeting";
import { quorum } from "../../rules/voting";
import { displayName } from "../../schemas/people";
import type { ServiceContext } from "../context";
import { getMeeting } from "./meeting-lookup";
import { currentOn } from "../people/membership-filters";
import type {
  AgendaItemModel,
  AttendanceModel,
  MembershipModel,
  MinutesModel,
  PersonModel,
  RecusalModel,
} from "../../generated/prisma-node/models";

/**
 * Everything recorded about a held meeting that the rules need: the committee's seats on the day,
 * attendance, the agenda in order, recusals. Loaded once per request.
 */
export async function loadMeetingRecord(ctx: ServiceContext, meetingId: string) {
  const meeting = await getMeeting(ctx, meetingId);
  const day = berlinDateOf(meeting.startsAt);
  const [seats, attendances, items, recusals, minutes] = await Promise.all([
    ctx.db.prisma.membership.findMany({ where: { committeeId: meeting.committeeId, ...currentOn(day) }, include: { person: true } }),
    ctx.db.prisma.attendance.findMany({ where: { meetingId } }),
    ctx.db.prisma.agendaItem.findMany({
      where: { meetingId },
      include: { paper: { select: { id: true, title: true, isPublic: true, deletedAt: true, proposedResolution: true } } },
    }),
    ctx.db.prisma.recusal.findMany({ where: { meetingId } }),
    ctx.db.prisma.minutes.findUnique({ where: { meetingId } }),
  ]);
  return meetingRecordOf({ meeting, seats, attendances, items, recusals, minutes });
}

type RecordRows = {
  meeting: Awaited<ReturnType<typeof getMeeting>>;
  seats: (MembershipModel & { person: PersonModel })[];
  attendances: AttendanceModel[];
  items: (AgendaItemModel & {
    paper: { id: string; title: string; isPublic: boolean; deletedAt: Date | null; proposedResolution: string | null } | null;
  })[];
  recusals: RecusalModel[];
  minutes: MinutesModel | null;
};

/**
 * The record as the rules read it, from its rows. Pure: a live page computes the quorum and the result of a vote
 * on rows it is about to write (a recusal, a late arrival) before it writes them.
 */
export function meetingRecordOf(rows: RecordRows) {
  const { meeting, seats, attendances, items, recusals, minutes } = rows;
  const day = berlinDateOf(meeting.startsAt);
  const agenda = numberAgenda(items);
  const indexOf = new Map(agenda.map((item, index) => [item.id, index]));
  const records: AttendanceRecord[] = attendances.map((a) => ({
    personId: a.personId,
    status: a.status as AttendanceStatus,
    standsInFor: a.standsInForId,
    fromItem: a.arrivedBeforeItemId ? (indexOf.get(a.arrivedBeforeItemId) ?? null) : null,
    untilItem: a.leftBeforeItemId ? (indexOf.get(a.leftBeforeItemId) ?? null) : null,
  }));
  const votingSeats = seats.filter((seat) => seat.votingRight).map((seat) => ({ membershipId: seat.id, personId: seat.personId }));
  const names = new Map(seats.map((seat) => [seat.personId, displayName(seat.person)]));

  /** Presence and quorum for one item (§37 (2), (3) GemO). */
  function quorumAt(itemId: string) {
    const index = indexOf.get(itemId);
    if (index === undefined) throw notFound("Agenda item", itemId);
    const recused = new Set(recusals.filter((r) => r.itemId === itemId).map((r) => r.personId));
    const presence = presenceAtItem(votingSeats, records, index, recused);
    return {
      presence,
      quorum: quorum({
        votingMembers: presence.votingMembers,
        presentNotRecused: presence.presentNotRecused,
        recused: presence.recused,
        repeatMeeting: meeting.repeatMeeting,
      }),
    };
  }

  /**
   * A fingerprint of the attendance rows: it changes with every write to them (an update raises a version, an
   * insert or a delete the count). A sheet saved from a page carries the one it was shown with.
   */
  const attendanceStamp = `${attendances.length}:${attendances.reduce((sum, a) => sum + a.version, 0)}`;

  return { meeting, day, seats, attendances, agenda, recusals, minutes, names, quorumAt, attendanceStamp, rows, indexOf, records };
}
export type MeetingRecord = Awaited<ReturnType<typeof loadMeetingRecord>>;

/** 409 with the start time while the meeting has not begun. */
export function assertStarted(meeting: { startsAt: Date }, now: Date) {
  const refusal = notYetStarted(meeting.startsAt, now);
  if (refusal) throw new Problem("conflict", refusal, { startsAt: berlinIsoOf(meeting.startsAt) });
}

/**
 * Outcomes are recorded while the meeting is invited or held, once it has begun, and never once its minutes
 * are final.
 */
export function assertRecordOpen(record: MeetingRecord, now: Date) {
  if (record.meeting.state !== "invited" && record.meeting.state !== "held") {
    throw new Problem(
      "conflict",
      "Ergebnisse werden für eine einberufene oder durchgeführte Sitzung erfasst; " +
        `diese ist im Stand „${meetingStateName(record.meeting.state)}“.`,
    );
  }
  if (record.minutes && (record.minutes.state === "final" || record.minutes.state === "published")) {
    throw new Problem(
      "conflict",
      "Die Niederschrift ist endgültig; Berichtigungen gibt es nur als Entscheidung über Einwände oder als Nachtrag.",
    );
  }
  assertStarted(record.meeting, now);
}

/**
 * Who chaired the meeting: the chair if they took part, else the deputy chair who did (§ 38 (2) GemO has the one
 * who chaired sign as chair). Undefined while nobody of them is recorded as there.
 */
export function chairingSeat(record: MeetingRecord) {
  const tookPart = (personId: string) =>
    record.attendances.some((a) => a.personId === personId && (a.status === "present" || a.status === "remote"));
  return (
    record.seats.find((s) => s.role === "chair" && tookPart(s.personId)) ??
    record.seats.find((s) => s.role === "deputy_chair" && tookPart(s.personId))
  );
}
