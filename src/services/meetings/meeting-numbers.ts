import { ConstraintError, type Statement } from "../../db/database";
import { meetingsOfYearsUnchanged } from "../../db/queries/meeting-numbers";
import { assertion, updateRow, updateVersioned } from "../../db/sql";
import { meetingNumbers, numberYearOf, type NumberSlot } from "../../rules/meeting";
import type { ServiceContext } from "../context";
import { auditStatement } from "../records";

type Numbered = {
  id: string;
  version: number;
  sequence: number;
  sequenceNumber: number;
  numberYear: number;
  state: string;
  startsAt: Date;
  title: string;
};

/** The number a meeting gets, and the year it is counted in. */
export interface MeetingNumber {
  sequenceNumber: number;
  numberYear: number;
}

/**
 * A change to one meeting of a committee that may move the numbers of its planned meetings: a new meeting, a
 * planned one moved to another date, or one deleted (`startsAt: null`).
 */
export interface NumberedChange {
  committee: { id: string; name: string };
  meetingId: string;
  startsAt: Date | null;
  /** The year the meeting is counted in now, when it exists already. */
  previousYear?: number;
  /**
   * The statements of the change itself, given the meeting's row as it is now (to check its version) and its
   * number after the change.
   */
  write: (current: Numbered | undefined, number: MeetingNumber) => Statement[];
}

export const defaultMeetingTitle = (sequenceNumber: number, committeeName: string) => `${sequenceNumber}. Sitzung ${committeeName}`;

/**
 * Writes the change and the new numbers of the other planned meetings of the years it touches, in one batch.
 * The batch holds only while no meeting of those years changed since they were read; when two writes race, the
 * loser reads again and numbers anew. A renumbered meeting goes up a version, and its default title follows.
 */
export async function writeNumbered(ctx: ServiceContext, change: NumberedChange, attempts = 5): Promise<void> {
  const numberYear = change.startsAt ? numberYearOf(change.startsAt) : undefined;
  const years = [...new Set([numberYear, change.previousYear].filter((year) => year !== undefined))];
  for (let attempt = 1; ; attempt++) {
    const rows: Numbered[] = await ctx.db.prisma.meeting.findMany({
      where: { committeeId: change.committee.id, numberYear: { in: years } },
      select: { id: true, version: true, sequence: true, sequenceNumber: true, numberYear: true, state: true, startsAt: true, title: true },
      orderBy: { id: "asc" },
    });
    const current = rows.find((row) => row.id === change.meetingId);
    const numbers = new Map<string, number>();
    for (const year of years) {
      const slots: NumberSlot[] = rows
        .filter((row) => row.numberYear === year && row.id !== change.meetingId)
        .map((row) => ({ id: row.id, startsAt: row.startsAt, fixed: row.state !== "planned", sequenceNumber: row.sequenceNumber }));
      if (change.startsAt && year === numberYear)
        slots.push({ id: change.meetingId, startsAt: change.startsAt, fixed: false, sequenceNumber: 0 });
      for (const [id, number] of meetingNumbers(slots)) numbers.set(id, number);
    }
    const moved = rows.filter((row) => row.id !== change.meetingId && numbers.get(row.id) !== row.sequenceNumber);
    const own = change.write(current, { sequenceNumber: numbers.get(change.meetingId) ?? 0, numberYear: numberYear ?? 0 });
    const unchanged = meetingsOfYearsUnchanged(change.committee.id, years, rows);
    try {
      await ctx.db.batch([
        assertion(unchanged),
        // Out of the way first, so that the unique index on the numbers holds after every statement.
        ...moved.map((row, index) => updateRow("Meeting", row.id, { sequenceNumber: -1 - index })),
        ...own,
        ...moved.flatMap((row) => renumber(ctx, change.committee.name, row, numbers.get(row.id)!)),
      ]);
      return;
    } catch (error) {
      if (!(error instanceof ConstraintError && (error.constraint === "unique" || error.constraint === "check")) || attempt >= attempts) {
        throw error;
      }
    }
  }
}

function renumber(ctx: ServiceContext, committeeName: string, row: Numbered, sequenceNumber: number): Statement[] {
  const retitled = row.title === defaultMeetingTitle(row.sequenceNumber, committeeName);
  // A new title is a change people see in their calendars.
  const changes = {
    sequenceNumber,
    ...(retitled ? { title: defaultMeetingTitle(sequenceNumber, committeeName), sequence: row.sequence + 1 } : {}),
  };
  return [
    updateVersioned("Meeting", row.id, row.version, { ...changes, updatedAt: ctx.now }),
    auditStatement(ctx, "update", "Meeting", row.id, { sequenceNumber: row.sequenceNumber, title: row.title }, changes),
  ];
}
