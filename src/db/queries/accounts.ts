/**
 * The SQL of accounts, their set-password links and sessions, two-factor sign-in and the counted sign-in attempts.
 * Reads go through Prisma in the services; these are the guarded writes and the conditions that guard them.
 */
import type { Statement } from "../database";
import { toSqlValue, type Condition } from "../sql";

/** Ends every session of an account (all but one, when given). */
export const deleteSessions = (accountId: string, keep?: string): Statement =>
  keep
    ? { sql: `DELETE FROM "Session" WHERE "accountId" = ? AND "id" <> ?`, params: [accountId, keep] }
    : { sql: `DELETE FROM "Session" WHERE "accountId" = ?`, params: [accountId] };

/** Holds while a set-password link has not been used: the guard of marking it used. */
export const LINK_UNUSED: Condition = { sql: `"usedAt" IS NULL`, params: [] };

/** Holds once a set-password link was marked used at `at`, that is, by the request that used it at that moment. */
export const linkUsedAt = (linkId: string, at: Date): Condition => ({
  sql: `EXISTS (SELECT 1 FROM "AccountToken" WHERE "id" = ? AND "usedAt" = ?)`,
  params: [linkId, toSqlValue(at)],
});

/** Lets the unused set-password links of an account expire now, before a new one is made. */
export const expireOpenLinks = (accountId: string, now: Date): Statement => ({
  sql: `UPDATE "AccountToken" SET "expiresAt" = ? WHERE "accountId" = ? AND "usedAt" IS NULL`,
  params: [toSqlValue(now), accountId],
});

/**
 * Uses up the time step of a code: the statement changes the account only if no code of this or a later step was
 * accepted before.
 */
export const useTotpStep = (accountId: string, step: number): Statement => ({
  sql: `UPDATE "Account" SET "totpLastStep" = ? WHERE "id" = ? AND ("totpLastStep" IS NULL OR "totpLastStep" < ?)`,
  params: [step, accountId, step],
});

/** Uses up a recovery code: the account's codes become `next` only while they are still `current` (JSON text). */
export const replaceRecoveryCodes = (accountId: string, current: string | null, next: string): Statement => ({
  sql: `UPDATE "Account" SET "recoveryCodes" = ? WHERE "id" = ? AND "recoveryCodes" = ?`,
  params: [next, accountId, current],
});

/**
 * The failed sign-in attempts since `since` by one address or one client, as an SQL expression with its parameters;
 * with `upToRef`, only those up to and including that attempt.
 */
function recentFailures(column: "email" | "clientAddress", value: string, since: Date, upToRef?: string): Condition {
  const upTo = upToRef === undefined ? "" : ` AND "id" <= (SELECT "id" FROM "SignInAttempt" WHERE "ref" = ?)`;
  return {
    sql: `(SELECT COUNT(*) FROM "SignInAttempt" WHERE "${column}" = ? AND "succeeded" = 0 AND "at" > ?${upTo})`,
    params: [value, toSqlValue(since), ...(upToRef === undefined ? [] : [upToRef])],
  };
}

/**
 * Holds while an address has failed fewer than `perEmail` times since `since` and, when `client` is given, the client
 * fewer than its limit: the guard of reserving a sign-in attempt.
 */
export function attemptAllowed(email: string, since: Date, perEmail: number, client?: { clientKey: string; limit: number }): Condition {
  const byEmail = recentFailures("email", email, since);
  if (!client) return { sql: `${byEmail.sql} < ?`, params: [...byEmail.params, perEmail] };
  const byClient = recentFailures("clientAddress", client.clientKey, since);
  return {
    sql: `${byEmail.sql} < ? AND ${byClient.sql} < ?`,
    params: [...byEmail.params, perEmail, ...byClient.params, client.limit],
  };
}

/** Holds when the failures of an address since `since`, up to and including the attempt `ref`, are exactly `limit`. */
export function lockOutReached(email: string, since: Date, ref: string, limit: number): Condition {
  const upToThis = recentFailures("email", email, since, ref);
  return { sql: `${upToThis.sql} = ?`, params: [...upToThis.params, limit] };
}

/** Marks a reserved sign-in attempt as succeeded. */
export const attemptSucceeded = (ref: string): Statement => ({
  sql: `UPDATE "SignInAttempt" SET "succeeded" = 1 WHERE "ref" = ?`,
  params: [ref],
});

/** Takes a reserved sign-in attempt back, as if it had never been made. */
export const withdrawAttempt = (ref: string): Statement => ({ sql: `DELETE FROM "SignInAttempt" WHERE "ref" = ?`, params: [ref] });
