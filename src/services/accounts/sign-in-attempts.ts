/**
 * Sign-in attempts and their limits: each attempt (a password, a code of the second factor, the password asked again)
 * is counted before it is checked, per address and per client, so that the count holds under concurrency and, in
 * the database, across Worker isolates. Checking a password waits for a slot of the process's hashing capacity.
 */
import { verifyPassword, type HashingSlots } from "../../auth/passwords";
import type { Statement } from "../../db/database";
import { attemptAllowed, attemptSucceeded, lockOutReached, withdrawAttempt } from "../../db/queries/accounts";
import { guard, insertRow } from "../../db/sql";
import { Problem, fieldProblem } from "../../errors";
import type { ServiceContext } from "../context";
import { auditStatement } from "../records";

const MINUTE = 60_000;

/** After 5 failures within 15 minutes an address is refused for 15 minutes; a client after 30 over all addresses. */
export const SIGN_IN_LIMITS = { failuresBeforeLockOut: 5, lockOutMinutes: 15, failuresPerClient: 30 } as const;

/** The start of the lock-out window: failures since then count. */
const windowStart = (ctx: ServiceContext) => new Date(ctx.now.getTime() - SIGN_IN_LIMITS.lockOutMinutes * MINUTE);

/**
 * Reserves one attempt for an address from a client, as a failure, unless the address or the client has used up
 * its failures: one statement, so that concurrent attempts cannot all pass the check before any is counted. The
 * attempt is reserved before the password or code is checked; a right one is marked as succeeded afterwards.
 * Clients are counted by `source.clientKey`. Answers the attempt's ref, or null when the limit is reached.
 */
export async function reserveAttempt(ctx: ServiceContext, email: string, source: CheckSource, perClient: boolean): Promise<string | null> {
  const ref = crypto.randomUUID();
  const [reserved] = await ctx.db.batch([
    insertRow(
      "SignInAttempt",
      { ref, at: ctx.now, email, clientAddress: source.clientKey, succeeded: false },
      attemptAllowed(
        email,
        windowStart(ctx),
        SIGN_IN_LIMITS.failuresBeforeLockOut,
        perClient ? { clientKey: source.clientKey, limit: SIGN_IN_LIMITS.failuresPerClient } : undefined,
      ),
    ),
  ]);
  return reserved === 0 ? null : ref;
}

/** Where a password or code check comes from, and the capacity it runs in. */
export interface CheckSource {
  /** The client's address, for the audit log. */
  clientAddress: string;
  /** What limits count the client by (an IPv6 client by its /64 network). */
  clientKey: string;
  hashing: HashingSlots;
}

/**
 * Runs the check of a reserved attempt in a hashing slot. When no slot is free, the reservation is taken back (the
 * check never ran, so it counts neither way) and the refusal passes on.
 */
export async function checkReserved<T>(ctx: ServiceContext, ref: string, source: CheckSource, check: () => Promise<T>): Promise<T> {
  try {
    return await source.hashing.run(check);
  } catch (error) {
    if (error instanceof Problem && error.code === "unavailable") await ctx.db.batch([withdrawAttempt(ref)]);
    throw error;
  }
}

/**
 * Asks a signed-in person for their password again before a change that matters (the password, the e-mail address,
 * two-factor sign-in). The check counts towards the same limit as sign-in, so that a session someone else got hold
 * of cannot be used to guess the password. Throws a field problem on `field`; answers the statement that marks the
 * attempt as succeeded, for the batch of the change.
 */
export async function confirmPassword(
  ctx: ServiceContext,
  account: { email: string; passwordHash: string | null },
  password: string,
  source: CheckSource,
  field = "password",
): Promise<Statement> {
  const ref = await reserveAttempt(ctx, account.email, source, false);
  if (!ref) throw fieldProblem(field, "wurde zu oft falsch eingegeben; versuchen Sie es in 15 Minuten wieder", "unauthenticated");
  const { ok } = await checkReserved(ctx, ref, source, async () =>
    account.passwordHash ? verifyPassword(password, account.passwordHash) : { ok: false, rehash: false },
  );
  if (!ok) throw fieldProblem(field, "ist nicht Ihr aktuelles Passwort");
  return attemptSucceeded(ref);
}

/**
 * The audit entry of a lock-out, written by the attempt that was the last one allowed: the failures up to and
 * including it reach the limit.
 */
export const lockOutAudit = (ctx: ServiceContext, accountId: string, email: string, ref: string) => {
  return guard(
    auditStatement(ctx, "lock_out", "Account", accountId, null, { minutes: SIGN_IN_LIMITS.lockOutMinutes }),
    lockOutReached(email, windowStart(ctx), ref, SIGN_IN_LIMITS.failuresBeforeLockOut),
  );
};
