import type { Condition } from "../sql";

/**
 * Holds while the person has no other membership in the committee overlapping the period. Part of the
 * write itself, so that two concurrent requests cannot both create overlapping seats.
 */
export function noOverlappingMembership(m: {
  id: string;
  personId: string;
  committeeId: string;
  startDate: string;
  endDate: string | null;
}): Condition {
  return {
    sql: `NOT EXISTS (SELECT 1 FROM "Membership" WHERE "personId" = ? AND "committeeId" = ? AND "id" <> ? AND ("endDate" IS
      NULL OR "endDate" >= ?) AND (? IS NULL OR "startDate" <= ?))`,
    params: [m.personId, m.committeeId, m.id, m.startDate, m.endDate, m.endDate],
  };
}
