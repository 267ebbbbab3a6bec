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

const WHY_NOT: Partial<Record<MeetingState, string>> = {
  closed: "a closed meeting is final; its minutes are signed",
  cancelled: "a cancelled meeting stays cancelled; plan a new one",
  held: "a meeting that took place can only be closed, once its minutes are final",
};

/** Why a transition is not allowed, or undefined when it is. */
export function transitionRefusal(from: MeetingState, to: MeetingState): string | undefined {
  if (TRANSITIONS[from].includes(to)) return undefined;
  if (to === "cancelled") return `only a planned or invited meeting can be cancelled; this one is ${from}`;
  if (to === "invited" && from !== "planned") return `the invitation has been sent already or the meeting is ${from}`;
  return WHY_NOT[from] ?? `a ${from} meeting cannot become ${to}; allowed next: ${TRANSITIONS[from].join(", ") || "none"}`;
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
