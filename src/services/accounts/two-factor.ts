/**
 * Two-factor sign-in with TOTP (RFC 6238) and recovery codes: setting it up and switching it off (each after the
 * password), and the second step of sign-in. A code from the app works once: the time step of the last accepted
 * code is kept, and only a later one is taken. A recovery code works once, also when sent several times at once.
 */
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { hashTokenSecret } from "../../auth/tokens";
import type { Statement } from "../../db/database";
import { attemptSucceeded, replaceRecoveryCodes, useTotpStep } from "../../db/queries/accounts";
import { PREVIOUS_CHANGED, guard, updateRow } from "../../db/sql";
import { Problem, fieldProblem } from "../../errors";
import { principalOfAccount, renewSessionSecret } from "./accounts";
import { confirmPassword, reserveAttempt, type CheckSource } from "./sign-in-attempts";
import { createServiceContext, type ServiceContext } from "../context";
import { auditStatement } from "../records";

/** TOTP after RFC 6238: 30-second steps, 6 digits, a grace of one step either side for clocks that drift. */
const TOTP = { period: 30, digits: 6, graceSteps: 1 } as const;

const recoveryHash = (code: string) => hashTokenSecret(code.replace(/[\s-]/g, "").toUpperCase());

const keyBytes = (key: string) => new Uint8Array(Buffer.from(key, "base64"));

/** The time step at which the code was made, within the grace around `now`, or null when it matches none. */
function stepOf(key: string, code: string, now: Date): number | null {
  const otp = code.replace(/\s/g, "");
  const current = Math.floor(now.getTime() / 1000 / TOTP.period);
  for (let step = current - TOTP.graceSteps; step <= current + TOTP.graceSteps; step++) {
    if (verifyHOTP(keyBytes(key), BigInt(step), TOTP.digits, otp)) return step;
  }
  return null;
}

function twoFactorKey(email: string, key: Uint8Array) {
  return { uri: createTOTPKeyURI("Gremium", email, key, TOTP.period, TOTP.digits), text: encodeBase32UpperCaseNoPadding(key) };
}

/**
 * Starts setting up two-factor sign-in, after the password: a new key, kept until a code from it confirms it.
 * Answers the key as the otpauth URI (for a QR code) and as text (to type in).
 */
export async function startTwoFactor(ctx: ServiceContext, accountId: string, password: string, source: CheckSource) {
  const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  if (account.totpEnabledAt) throw new Problem("conflict", "Die Zwei-Faktor-Anmeldung ist schon eingeschaltet.");
  const confirmed = await confirmPassword(ctx, account, password, source);
  const key = crypto.getRandomValues(new Uint8Array(20));
  await ctx.db.batch([confirmed, updateRow("Account", accountId, { totpKey: Buffer.from(key).toString("base64"), updatedAt: ctx.now })]);
  return twoFactorKey(account.email, key);
}

/** The key being set up, for the set-up page, or null when there is none. */
export async function pendingTwoFactor(ctx: ServiceContext, accountId: string) {
  const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  if (!account.totpKey || account.totpEnabledAt) return null;
  return twoFactorKey(account.email, keyBytes(account.totpKey));
}

/**
 * Switches two-factor sign-in on, once a code from the new key is right. Answers ten recovery codes, shown once;
 * each works once instead of a code, for a lost device.
 */
export async function enableTwoFactor(ctx: ServiceContext, accountId: string, code: string) {
  const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  if (!account.totpKey || account.totpEnabledAt) throw new Problem("conflict", "Bitte die Einrichtung neu beginnen.");
  const step = stepOf(account.totpKey, code, ctx.now);
  const wrong = () => fieldProblem("code", "stimmt nicht; geben Sie den aktuellen Code aus der App ein");
  if (step === null) throw wrong();
  const codes = Array.from({ length: 10 }, () => {
    const raw = encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(7))).slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  const hashes = await Promise.all(codes.map(recoveryHash));
  const [used] = await ctx.db.batch([
    // Uses up the code's time step; the statements after it are guarded on it with `PREVIOUS_CHANGED`.
    useTotpStep(accountId, step),
    guard(
      updateRow("Account", accountId, { totpEnabledAt: ctx.now, recoveryCodes: JSON.stringify(hashes), updatedAt: ctx.now }),
      PREVIOUS_CHANGED,
    ),
    guard(auditStatement(ctx, "two_factor_on", "Account", accountId, null, { recoveryCodes: codes.length }), PREVIOUS_CHANGED),
  ]);
  if (used === 0) throw wrong();
  return codes;
}

/** Switches two-factor sign-in off, after the password: the key and the recovery codes are gone. */
export async function disableTwoFactor(ctx: ServiceContext, accountId: string, password: string, source: CheckSource) {
  const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
  if (!account.totpEnabledAt) throw new Problem("conflict", "Die Zwei-Faktor-Anmeldung ist schon ausgeschaltet.");
  const confirmed = await confirmPassword(ctx, account, password, source);
  await ctx.db.batch([
    confirmed,
    updateRow("Account", accountId, { totpKey: null, totpEnabledAt: null, recoveryCodes: null, totpLastStep: null, updatedAt: ctx.now }),
    auditStatement(ctx, "two_factor_off", "Account", accountId, null, null),
  ]);
}

/**
 * The second step of sign-in: a code from the app (once), or a recovery code (used up). Each try is counted
 * before it is checked, towards the same limit as wrong passwords. On success the session gets a new secret,
 * which is answered for the cookie.
 */
export async function completeSecondFactor(ctx: ServiceContext, sessionId: string, code: string, source: CheckSource) {
  const session = await ctx.db.prisma.session.findUniqueOrThrow({ where: { id: sessionId }, include: { account: true } });
  const { account } = session;
  const ref = await reserveAttempt(ctx, account.email, source, false);
  if (!ref) throw new Problem("unauthenticated", "Zu viele Versuche. Versuchen Sie es in 15 Minuten wieder.");
  const hashes = JSON.parse(account.recoveryCodes ?? "[]") as string[];
  const recovery = await recoveryHash(code);
  const step = account.totpKey !== null ? stepOf(account.totpKey, code, ctx.now) : null;
  const byRecovery = step === null && hashes.includes(recovery);
  const refused = async () => {
    await ctx.db.batch([auditStatement(ctx, "second_factor_failed", "Account", account.id, null, { clientAddress: source.clientAddress })]);
    return fieldProblem("code", "stimmt nicht", "unauthenticated");
  };
  if (step === null && !byRecovery) throw await refused();
  // The code is used up by the first statement; each after it happens only if the one before changed a row.
  const use: Statement =
    step !== null
      ? useTotpStep(account.id, step)
      : replaceRecoveryCodes(account.id, account.recoveryCodes, JSON.stringify(hashes.filter((h) => h !== recovery)));
  const renewed = await renewSessionSecret(session.id);
  const as = createServiceContext(ctx.db, principalOfAccount(account, session.id), ctx.now);
  const [used] = await ctx.db.batch([
    use,
    guard(attemptSucceeded(ref), PREVIOUS_CHANGED),
    guard(updateRow("Session", session.id, { secondFactorPending: false, lastSeenAt: ctx.now }), PREVIOUS_CHANGED),
    guard(renewed.statement, PREVIOUS_CHANGED),
    guard(
      auditStatement(as, "sign_in", "Account", account.id, null, {
        session: session.id,
        secondFactor: step !== null ? "app" : "recovery code",
      }),
      PREVIOUS_CHANGED,
    ),
  ]);
  if (used === 0) throw await refused();
  return { secret: renewed.secret, recoveryCodesLeft: byRecovery ? hashes.length - 1 : hashes.length };
}
