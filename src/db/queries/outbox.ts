/** The SQL of the outbox: the claim that makes sure one sender, and only one, sends a mail. */
import type { Statement } from "../database";
import { toSqlValue, type Condition } from "../sql";

/**
 * Claims up to `limit` mails that are due (pending and due now, or in sending under a claim that expired), in one
 * statement, so that two senders never claim the same mail; each claim counts as an attempt.
 */
export const claimDueMails = (claim: string, now: Date, until: Date, limit: number): Statement => ({
  sql:
    `UPDATE "OutboxMail" SET "state" = 'sending', "claim" = ?, "claimedUntil" = ?, "attempts" = "attempts" + 1 ` +
    `WHERE "id" IN (SELECT "id" FROM "OutboxMail" WHERE ("state" = 'pending' AND "nextAttemptAt" <= ?) ` +
    `OR ("state" = 'sending' AND "claimedUntil" <= ?) ORDER BY "nextAttemptAt" LIMIT ?)`,
  params: [claim, toSqlValue(until), toSqlValue(now), toSqlValue(now), limit],
});

/** Holds while the mail is still under this claim: the guard of recording what became of it. */
export const underClaim = (claim: string): Condition => ({ sql: `"claim" = ? AND "state" = 'sending'`, params: [claim] });

/** Holds while no mail of this kind went out for the meeting after `since`: one amendment per change, however often sent. */
export const noMeetingMailSince = (meetingId: string, kind: string, since: Date): Condition => ({
  sql: `NOT EXISTS (SELECT 1 FROM "OutboxMail" WHERE "meetingId" = ? AND "kind" = ? AND "createdAt" > ?)`,
  params: [meetingId, kind, toSqlValue(since)],
});

/** Whether a batch puts a mail into the outbox (then the sender should run now rather than at its next round). */
export const queuesMail = (statements: readonly Statement[]): boolean =>
  statements.some((statement) => statement.sql.startsWith(`INSERT INTO "OutboxMail"`));
