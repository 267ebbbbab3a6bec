import type { Statement } from "../database";
import { toSqlValue } from "../sql";

/** Revokes every personal feed URL of a person that is still valid. */
export const revokeFeedsOf = (personId: string, at: Date): Statement => ({
  sql: `UPDATE "CalendarFeedToken" SET "revokedAt" = ? WHERE "personId" = ? AND "revokedAt" IS NULL`,
  params: [toSqlValue(at), personId],
});
