import { placeholders, type Condition } from "../sql";

/**
 * Holds while the meetings of a committee in the given years are still exactly those read, each at the version read
 * (`read` in the order of their ids): the guard of renumbering them.
 */
export function meetingsOfYearsUnchanged(
  committeeId: string,
  years: readonly number[],
  read: readonly { id: string; version: number }[],
): Condition {
  return {
    sql:
      `coalesce((SELECT group_concat("id" || ':' || "version", ',') FROM (SELECT "id", "version" FROM "Meeting" ` +
      `WHERE "committeeId" = ? AND "numberYear" IN (${placeholders(years)}) ORDER BY "id")), '') = ?`,
    params: [committeeId, ...years, read.map((row) => `${row.id}:${row.version}`).join(",")],
  };
}
