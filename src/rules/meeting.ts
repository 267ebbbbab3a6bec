/** The life of a meeting and the notice period (§34 (1) GemO). Pure functions. */
import { berlinDateOf, germanDateTimeOf } from "./calendar";

export const MEETING_STATES = ["planned", "invited", "held", "closed", "cancelled"] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

const TRANSITIONS: Record<MeetingState, readonly MeetingState[]> = {
  planned: ["invited", "cancelled"],
  invited: ["held", "cancelled"],
  held: ["closed"],
  closed: [],
  cancelled: [],
};

/** The German names of the states, as the secretariat and the public read them. */
export const MEETING_STATE_NAMES: Record<MeetingState, string> = {
  planned: "geplant",
  invited: "eingeladen",
  held: "durchgeführt",
  closed: "abgeschlossen",
  cancelled: "abgesagt",
};
export const meetingStateName = (state: string) => MEETING_STATE_NAMES[state as MeetingState] ?? state;

const WHY_NOT: Partial<Record<MeetingState, string>> = {
  closed: "eine abgeschlossene Sitzung ist endgültig; ihre Niederschrift ist unterschrieben",
  cancelled: "eine abgesagte Sitzung bleibt abgesagt; bitte eine neue planen",
  held: "eine durchgeführte Sitzung wird nur noch abgeschlossen, sobald ihre Niederschrift endgültig ist",
};

/** Why a transition is not allowed, or undefined when it is. */
export function transitionRefusal(from: MeetingState, to: MeetingState): string | undefined {
  if (TRANSITIONS[from].includes(to)) return undefined;
  if (to === "cancelled")
    return `abgesagt wird nur eine geplante oder einberufene Sitzung; diese ist im Stand „${MEETING_STATE_NAMES[from]}“`;
  if (to === "invited" && from !== "planned")
    return `die Einladung ist schon versandt, oder die Sitzung ist im Stand „${MEETING_STATE_NAMES[from]}“`;
  const next = TRANSITIONS[from].map((state) => MEETING_STATE_NAMES[state]).join(", ") || "keiner";
  return WHY_NOT[from] ?? `aus dem Stand „${MEETING_STATE_NAMES[from]}“ geht es nicht nach „${MEETING_STATE_NAMES[to]}“; möglich: ${next}`;
}

export interface NoticeCheck {
  /** The last Berlin calendar date on which the invitation is in time. */
  deadline: string;
  /** Whole Berlin calendar days between dispatch and meeting. */
  daysBeforeMeeting: number;
  /** How many days the dispatch is short of the notice period; 0 when in time. */
  daysShort: number;
  noticeDays: number;
  late: boolean;
}

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/**
 * §34 (1) GemO: the invitation goes out at least `noticeDays` days before the meeting, counted in
 * calendar days in Europe/Berlin (a dispatch on the 3rd for a meeting on the 10th is 7 days ahead).
 */
export function checkNoticePeriod(meetingStartsAt: Date, sentAt: Date, noticeDays: number): NoticeCheck {
  const meetingDay = berlinDateOf(meetingStartsAt);
  const daysBeforeMeeting = dayNumber(meetingDay) - dayNumber(berlinDateOf(sentAt));
  const deadline = new Date((dayNumber(meetingDay) - noticeDays) * 86_400_000).toISOString().slice(0, 10);
  return {
    deadline,
    daysBeforeMeeting,
    daysShort: Math.max(0, noticeDays - daysBeforeMeeting),
    noticeDays,
    late: daysBeforeMeeting < noticeDays,
  };
}

/**
 * §34 (1) GemO: a demanded subject must be on the agenda of the next-but-one meeting after the
 * demand was received at the latest. Takes the committee's meetings after receipt, in time order.
 */
export function dueMeetingFor<T>(meetingsAfterReceipt: readonly T[]): T | undefined {
  return meetingsAfterReceipt[1];
}

/** §34 (1) GemO: a sixth of the members can demand an item; a parliamentary group can always. */
export function demandIsSupported(basis: "group" | "members", supporters: number, memberCount: number): boolean {
  return basis === "group" || supporters * 6 >= memberCount;
}

/**
 * What happened in a meeting (attendance, votes, recusals, statements, the meeting held, signatures) can only be
 * recorded once it has begun: a record dated before the meeting is untrue. Undefined when `now` is at or after
 * the start. (The written procedure has no meeting and no such rule.)
 */
export function notYetStarted(startsAt: Date, now: Date): string | undefined {
  if (now.getTime() >= startsAt.getTime()) return undefined;
  return `Die Sitzung beginnt erst am ${germanDateTimeOf(startsAt)} Uhr; was in ihr geschieht, wird erst ab ihrem Beginn erfasst.`;
}

/** The year in which a meeting is counted: the Berlin calendar year of its start. */
export const numberYearOf = (startsAt: Date): number => Number(berlinDateOf(startsAt).slice(0, 4));

export interface NumberSlot {
  id: string;
  startsAt: Date;
  /** A meeting whose invitation went out (any state but planned) keeps its number for good. */
  fixed: boolean;
  sequenceNumber: number;
}

/**
 * The numbers of one committee's meetings in one year: in the order of their dates, not of their creation.
 * A fixed meeting keeps its number; a planned one takes the next number after the meetings before it that no
 * fixed meeting holds. So a meeting planned before an already numbered one takes that number, and the later
 * planned meetings move up by one, unless their invitation has gone out.
 */
export function meetingNumbers(meetings: readonly NumberSlot[]): Map<string, number> {
  const taken = new Set(meetings.filter((m) => m.fixed).map((m) => m.sequenceNumber));
  const ordered = [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  const numbers = new Map<string, number>();
  let last = 0;
  for (const meeting of ordered) {
    if (meeting.fixed) {
      last = Math.max(last, meeting.sequenceNumber);
      numbers.set(meeting.id, meeting.sequenceNumber);
      continue;
    }
    do last++;
    while (taken.has(last));
    numbers.set(meeting.id, last);
  }
  return numbers;
}

/**
 * Where a meeting takes place, as every output prints it: "Rathaus, Raum 1.12, Marktplatz 1, 73525 Remsfeld".
 * Null while nothing is known.
 */
export function meetingPlace(location: { name: string | null; room: string | null; address: string | null }): string | null {
  // A room given as a number ("1.12") is named as one; "Großer Sitzungssaal" or "Raum 2.01" stand as they are.
  const room = location.room && /^\d/.test(location.room) ? `Raum ${location.room}` : location.room;
  const parts = [location.name, room, location.address].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** The place of a stored meeting row (its location columns). */
export const placeOfRow = (row: { locationName: string | null; locationRoom: string | null; locationAddress: string | null }) =>
  meetingPlace({ name: row.locationName, room: row.locationRoom, address: row.locationAddress });
