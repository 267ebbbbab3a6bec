/** The SQL of the meeting record that the query builder cannot say: the fingerprints a live page saves against. */
import type { Condition } from "../sql";

/**
 * Holds while a meeting's attendance rows are as the caller read them: the same count, the same sum of versions
 * (the fingerprint `meetingRecordOf` computes as `attendanceStamp`). Every update raises a version; every insert or
 * delete changes the count.
 */
export const attendanceAt = (meetingId: string, stamp: string): Condition => ({
  sql: `(SELECT count(*) || ':' || coalesce(sum("version"), 0) FROM "Attendance" WHERE "meetingId" = ?) = ?`,
  params: [meetingId, stamp],
});

/** Holds while an item has the number of minutes entries (votes, resolutions, recusals, statements) the caller read. */
export const entriesAt = (itemId: string, count: number): Condition => ({
  sql: `(SELECT count(*) FROM "MinutesEntry" WHERE "itemId" = ?) = ?`,
  params: [itemId, count],
});
