/**
 * Accounts of people for the HTML front ends: created by the secretariat (member accounts of its body) or an admin
 * (any), each with a one-time link to set the password; sign-in with the lock-out of repeated failures; sessions.
 * Bearer tokens for the API are separate (services/tokens.ts).
 */
import { hashPassword, passwordProblem, verifyPassword } from "../../auth/passwords";
import type { Principal } from "../../auth/principal";
import { generateTokenSecret, hashTokenSecret } from "../../auth/tokens";
import { ConstraintError, type Database } from "../../db/database";
import { LINK_UNUSED, attemptSucceeded, deleteSessions, expireOpenLinks, linkUsedAt } from "../../db/queries/accounts";
import { PREVIOUS_CHANGED, deleteRow, guard, insertRow, updateRow } from "../../db/sql";
import { Problem, fieldProblem, notFound } from "../../errors";
import * as accountPolicy from "../../policies/accounts";
import type { TAccountCreate } from "../../schemas/accounts";
import { createServiceContext, type ServiceContext } from "../context";
import { accountMail, type MailContext } from "../mail/mails";
import { auditStatement, auditedInsert, newRecordColumns } from "../records";
import { SIGN_IN_LIMITS, checkReserved, confirmPassword, lockOutAudit, reserveAttempt, type CheckSource } from "./sign-in-attempts";

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * How long a set-password link works (a new account's; a forgotten password's for an hour), how long a request for
 * a forgotten password takes at least, and the limits of sign-in.
 */
export const ACCOUNT_RULES = { linkDays: 7, resetLinkMinutes: 60, resetAnswerMs: 400, ...SIGN_IN_LIMITS } as const;

/** The session lifetimes: sliding idle time and absolute end (configurable per installation). */
export interface SessionTimes {
  idleMinutes: number;
  maxDays: number;
}
export const DEFAULT_SESSION_TIMES: SessionTimes = { idleMinutes: 8 * 60, maxDays: 30 };

/** The one message of every refused sign-in: it never tells whether the address exists. */
export const SIGN_IN_REFUSED = "E-Mail-Adresse oder Passwort falsch.";

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A new one-time link: its secret (shown once) and the row that keeps only its hash. */
async function newLink(accountId: string, now: Date, lifetime = ACCOUNT_RULES.linkDays * DAY) {
  const secret = generateTokenSecret();
  const row = {
    id: crypto.randomUUID(),
    accountId,
    purpose: "set_password",
    tokenHash: await hashTokenSecret(secret),
    expiresAt: new Date(now.getTime() + lifetime),
    usedAt: null,
    createdAt: now,
  };
  return { secret, row };
}

/**
 * Creates an account with a link to set its password, which the caller sees once (as `/passwort-setzen/{secret}`)
 * and which, given a mail context, is mailed to the account's address in the same write.
 */
export async function createAccount(ctx: ServiceContext, input: TAccountCreate, mail?: MailContext) {
  const person = input.personId ? await ctx.db.prisma.person.findFirst({ where: { id: input.personId, deletedAt: null } }) : null;
  if (input.personId && !person) throw fieldProblem("personId", "nennt keine bestehende Person");
  const bodyId = person?.bodyId ?? input.bodyId;
  if (!bodyId) throw fieldProblem("bodyId", "ist ohne personId erforderlich");
  if (person && input.bodyId && input.bodyId !== person.bodyId) throw fieldProblem("bodyId", "ist nicht die Körperschaft der Person");
  if (input.role === "member" && !person) throw fieldProblem("personId", "ist für ein Mitgliedskonto erforderlich");
  if (!(await ctx.db.prisma.body.findFirst({ where: { id: bodyId, deletedAt: null } })))
    throw fieldProblem("bodyId", "nennt keine bestehende Körperschaft");
  if (!accountPolicy.canCreate(ctx.actor, { bodyId, role: input.role })) {
    throw new Problem(
      "forbidden",
      "Die Geschäftsstelle legt Mitgliedskonten ihrer Körperschaft an; andere Konten legt die Administration an.",
    );
  }
  const account = {
    ...newRecordColumns(ctx.now),
    bodyId,
    personId: person?.id ?? null,
    email: normalizeEmail(input.email),
    role: input.role,
    passwordHash: null,
    lockedAt: null,
    externalIssuer: null,
    externalSubject: null,
    totpKey: null,
    totpEnabledAt: null,
    recoveryCodes: null,
    totpLastStep: null,
  };
  const link = await newLink(account.id, ctx.now);
  const path = `/passwort-setzen/${link.secret}`;
  const mails = mail ? [await accountMail(ctx, mail, account, "set_password", { path, expiresAt: link.row.expiresAt })] : [];
  try {
    await ctx.db.batch([...auditedInsert(ctx, "Account", account), insertRow("AccountToken", link.row), ...mails]);
  } catch (error) {
    if (!(error instanceof ConstraintError && error.constraint === "unique")) throw error;
    throw await accountConflict(ctx, account);
  }
  return { account: await getAccount(ctx, account.id), setPasswordPath: path };
}

/**
 * Why a new account collides with an existing one, in the words the actor may read: the person's account, or an
 * address in use in the actor's body. An address in use in another body is only "not available": the secretariat
 * of one body learns nothing of another's accounts.
 */
async function accountConflict(ctx: ServiceContext, account: { personId: string | null; email: string }) {
  if (account.personId && (await ctx.db.prisma.account.findUnique({ where: { personId: account.personId } })))
    return fieldProblem("personId", "hat schon ein Konto", "conflict");
  const holder = await ctx.db.prisma.account.findUnique({ where: { email: account.email }, select: { bodyId: true, role: true } });
  return holder && accountPolicy.canManage(ctx.actor, holder)
    ? fieldProblem("email", "ist schon die Anmeldeadresse eines Kontos", "conflict")
    : fieldProblem(
        "email",
        "steht für ein neues Konto nicht zur Verfügung; wählen Sie eine andere oder fragen Sie die Administration",
        "conflict",
      );
}

export async function getAccount(ctx: ServiceContext, id: string) {
  const account = await ctx.db.prisma.account.findUnique({ where: { id } });
  if (!account || !accountPolicy.canManage(ctx.actor, account)) throw notFound("Account", id);
  return account;
}

/** The account of a signed-in session, for its own account page (the session middleware found the session live). */
export async function accountOfSession(ctx: ServiceContext, accountId: string) {
  return ctx.db.prisma.account.findUniqueOrThrow({ where: { id: accountId } });
}

/** A set-password link still good to use, or null. */
export async function openLink(db: Database, secret: string, now: Date) {
  const link = await db.prisma.accountToken.findUnique({ where: { tokenHash: await hashTokenSecret(secret) }, include: { account: true } });
  if (!link || link.usedAt || link.expiresAt <= now || link.purpose !== "set_password") return null;
  return link;
}

/**
 * Sets the password through a one-time link: it works once and for 7 days. Every session of the account ends (a
 * new password shuts out whoever knew the old one). Audited as a password change.
 */
export async function setPasswordWithLink(ctx: ServiceContext, secret: string, password: string) {
  const link = await openLink(ctx.db, secret, ctx.now);
  if (!link)
    throw new Problem("not_found", "Der Link ist ungültig, schon benutzt oder abgelaufen. Bitten Sie die Geschäftsstelle um einen neuen.");
  const person = link.account.personId ? await ctx.db.prisma.person.findUnique({ where: { id: link.account.personId } }) : null;
  const problem = passwordProblem(password, { email: link.account.email, names: person ? [person.givenName, person.familyName] : [] });
  if (problem) throw fieldProblem("password", problem);
  const passwordHash = await hashPassword(password);
  // The link is used once: everything below holds only while this request is the one that marked it used.
  const usedHere = linkUsedAt(link.id, ctx.now);
  const [used] = await ctx.db.batch([
    guard(updateRow("AccountToken", link.id, { usedAt: ctx.now }), LINK_UNUSED),
    guard(updateRow("Account", link.accountId, { passwordHash, updatedAt: ctx.now }), usedHere),
    guard(deleteSessions(link.accountId), usedHere),
    guard(auditStatement(ctx, "password_set", "Account", link.accountId, null, { via: "link" }), usedHere),
  ]);
  if (used === 0) throw new Problem("not_found", "Der Link wurde inzwischen benutzt.");
  return link.account;
}

/** The principal an account acts as: the same as an API token of its role. */
export function principalOfAccount(
  account: { id: string; role: string; bodyId: string; personId: string | null; email: string },
  sessionId: string,
): Principal {
  const actor = { tokenId: `session:${sessionId}`, name: account.email };
  if (account.role === "admin") return { kind: "admin", ...actor };
  if (account.role === "secretariat") return { kind: "secretariat", ...actor, bodyId: account.bodyId };
  return { kind: "member", ...actor, bodyId: account.bodyId, personId: account.personId! };
}

/** A hash to verify against when the address is unknown, so that the answer takes as long as for a known one. */
let decoy: Promise<string> | undefined;

/** A new secret for a session, so that one known before a sign-in step or a password change opens nothing. */
export async function renewSessionSecret(sessionId: string) {
  const secret = generateTokenSecret();
  return { secret, statement: updateRow("Session", sessionId, { tokenHash: await hashTokenSecret(secret) }) };
}

/**
 * Signs in with an address and a password. Attempts are counted in the database per address and per client, so
 * that the count holds on D1 across isolates, and each is counted before its password is checked, so that it
 * holds under concurrency: at most 5 passwords are checked per address within 15 minutes, then that address is
 * refused for 15 minutes. Every refusal says the same. Checking a password waits for a slot of `hashing`; when
 * none is free soon, the attempt is withdrawn and refused as unavailable. Answers the session's secret (for the
 * cookie) and the account.
 */
export async function signIn(
  ctx: ServiceContext,
  input: { email: string; password: string; userAgent?: string | undefined },
  source: CheckSource,
  times: SessionTimes = DEFAULT_SESSION_TIMES,
) {
  const email = normalizeEmail(input.email);
  const ref = await reserveAttempt(ctx, email, source, true);
  if (!ref) throw new Problem("unauthenticated", SIGN_IN_REFUSED);
  const account = await ctx.db.prisma.account.findUnique({ where: { email } });
  decoy ??= hashPassword("a decoy password nobody has");
  const { ok, rehash } = await checkReserved(ctx, ref, source, async () =>
    verifyPassword(input.password, account?.passwordHash ?? (await decoy!)),
  );
  if (!account || !ok || account.lockedAt || !account.passwordHash) {
    if (account) {
      await ctx.db.batch([
        auditStatement(ctx, "sign_in_failed", "Account", account.id, null, { clientAddress: source.clientAddress }),
        lockOutAudit(ctx, account.id, email, ref),
      ]);
    }
    throw new Problem("unauthenticated", SIGN_IN_REFUSED);
  }
  const secret = generateTokenSecret();
  const session = {
    id: crypto.randomUUID(),
    accountId: account.id,
    tokenHash: await hashTokenSecret(secret),
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + times.maxDays * DAY),
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    // With two-factor sign-in, the password alone opens nothing: the session waits for the code.
    secondFactorPending: account.totpEnabledAt !== null,
  };
  const as = createServiceContext(ctx.db, principalOfAccount(account, session.id), ctx.now);
  await ctx.db.batch([
    attemptSucceeded(ref),
    insertRow("Session", session),
    ...(rehash ? [updateRow("Account", account.id, { passwordHash: await hashPassword(input.password) })] : []),
    ...(session.secondFactorPending ? [] : [auditStatement(as, "sign_in", "Account", account.id, null, { session: session.id })]),
  ]);
  return { secret, account, session };
}

/**
 * The account and session behind a cookie's secret, or null when there is none, it has been idle too long, it has
 * reached its end, or the account is locked. Sliding: each use moves the idle deadline (written at most once a
 * minute).
 */
export async function sessionOf(db: Database, secret: string, now: Date, times: SessionTimes = DEFAULT_SESSION_TIMES) {
  const session = await db.prisma.session.findUnique({ where: { tokenHash: await hashTokenSecret(secret) }, include: { account: true } });
  if (!session) return null;
  const idleUntil = session.lastSeenAt.getTime() + times.idleMinutes * MINUTE;
  if (idleUntil <= now.getTime() || session.expiresAt <= now || session.account.lockedAt) return null;
  // A session waiting for its second factor lasts 10 minutes.
  if (session.secondFactorPending && now.getTime() - session.createdAt.getTime() > 10 * MINUTE) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > MINUTE) await db.batch([updateRow("Session", session.id, { lastSeenAt: now })]);
  return session;
}

/** Ends one session (sign-out). */
export async function endSession(ctx: ServiceContext, sessionId: string, accountId: string) {
  await ctx.db.batch([
    deleteRow("Session", sessionId),
    guard(auditStatement(ctx, "sign_out", "Account", accountId, null, { session: sessionId }), PREVIOUS_CHANGED),
  ]);
}

/** The sessions of the signed-in person, newest first. */
export async function sessionsOf(ctx: ServiceContext, accountId: string) {
  return ctx.db.prisma.session.findMany({ where: { accountId }, orderBy: { lastSeenAt: "desc" } });
}

/** Locks or unlocks an account; locking ends its sessions. */
export async function setLocked(ctx: ServiceContext, id: string, locked: boolean) {
  const account = await getAccount(ctx, id);
  await ctx.db.batch([
    updateRow("Account", id, { lockedAt: locked ? ctx.now : null, updatedAt: ctx.now }),
    ...(locked ? [deleteSessions(id)] : []),
    auditStatement(ctx, locked ? "lock" : "unlock", "Account", id, { lockedAt: account.lockedAt }, { lockedAt: locked ? ctx.now : null }),
  ]);
  return getAccount(ctx, id);
}

/** Ends every session of an account (for example after a lost device). */
export async function endSessions(ctx: ServiceContext, id: string) {
  await getAccount(ctx, id);
  await ctx.db.batch([deleteSessions(id), auditStatement(ctx, "end", "Account", id, null, { sessions: "all" })]);
}

/**
 * Changes the password of the signed-in person: the current one first, then the new one by the same rules as the
 * link. Every other session of the account ends; the one in use stays, with a new secret. Answers that secret.
 */
export async function changePassword(
  ctx: ServiceContext,
  session: { id: string; accountId: string },
  current: string,
  next: string,
  source: CheckSource,
) {
  const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: session.accountId }, include: { person: true } });
  // The new password's rules first: a refusal of it does not spend an attempt of the current one.
  const person = account.person;
  const problem = passwordProblem(next, { email: account.email, names: person ? [person.givenName, person.familyName] : [] });
  if (problem) throw fieldProblem("password", problem);
  const confirmed = await confirmPassword(ctx, account, current, source, "current");
  const renewed = await renewSessionSecret(session.id);
  await ctx.db.batch([
    confirmed,
    updateRow("Account", account.id, { passwordHash: await hashPassword(next), updatedAt: ctx.now }),
    deleteSessions(account.id, session.id),
    renewed.statement,
    auditStatement(ctx, "password_set", "Account", account.id, null, { via: "account page" }),
  ]);
  return renewed.secret;
}

/**
 * Changes the e-mail address, which is the sign-in name, after the password. An address in use by any account is
 * refused without saying whose.
 */
export async function changeEmail(
  ctx: ServiceContext,
  session: { id: string; accountId: string },
  email: string,
  password: string,
  source: CheckSource,
) {
  const account = await ctx.db.prisma.account.findUniqueOrThrow({ where: { id: session.accountId } });
  const next = normalizeEmail(email);
  const confirmed = await confirmPassword(ctx, account, password, source);
  if (next === account.email) {
    await ctx.db.batch([confirmed]);
    return;
  }
  try {
    await ctx.db.batch([
      confirmed,
      updateRow("Account", account.id, { email: next, updatedAt: ctx.now }),
      auditStatement(ctx, "email_changed", "Account", account.id, { email: account.email }, { email: next }),
    ]);
  } catch (error) {
    if (!(error instanceof ConstraintError && error.constraint === "unique")) throw error;
    await ctx.db.batch([confirmed]);
    throw fieldProblem("email", "kann für Ihr Konto nicht verwendet werden; wählen Sie eine andere", "conflict");
  }
}

/**
 * A new link to set the password, for a person who forgot theirs (or never used the first): the older links of the
 * account stop working. The secretariat hands it over, and, given a mail context, it is mailed to the account.
 */
export async function newPasswordLink(ctx: ServiceContext, id: string, mail?: MailContext) {
  const account = await getAccount(ctx, id);
  const link = await newLink(account.id, ctx.now);
  const path = `/passwort-setzen/${link.secret}`;
  await ctx.db.batch([
    expireOpenLinks(id, ctx.now),
    insertRow("AccountToken", link.row),
    auditStatement(ctx, "create", "AccountToken", link.row.id, null, { accountId: id, purpose: "set_password" }),
    ...(mail ? [await accountMail(ctx, mail, account, "set_password", { path, expiresAt: link.row.expiresAt })] : []),
  ]);
  return { account, setPasswordPath: path };
}

/**
 * A forgotten password (`/passwort-vergessen`): for an address with an account that is not locked, a link that
 * works once and for an hour is mailed, and older links stop working. The answer is the same, and takes the same
 * time (at least `resetAnswerMs`), whether the address has an account or not; requests are counted like sign-in
 * attempts, per address and per client, before anything else is done. Answers false when the limit is reached.
 */
export async function requestPasswordReset(ctx: ServiceContext, email: string, source: CheckSource, mail: MailContext) {
  const until = Date.now() + ACCOUNT_RULES.resetAnswerMs;
  const allowed = await resetRequest(ctx, normalizeEmail(email), source, mail);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));
  return allowed;
}

async function resetRequest(ctx: ServiceContext, email: string, source: CheckSource, mail: MailContext) {
  if (!(await reserveAttempt(ctx, `passwort-vergessen:${email}`, source, true))) return false;
  const account = await ctx.db.prisma.account.findUnique({ where: { email } });
  if (!account || account.lockedAt) return true;
  const link = await newLink(account.id, ctx.now, ACCOUNT_RULES.resetLinkMinutes * MINUTE);
  await ctx.db.batch([
    expireOpenLinks(account.id, ctx.now),
    insertRow("AccountToken", link.row),
    auditStatement(ctx, "create", "AccountToken", link.row.id, null, { accountId: account.id, purpose: "reset_password" }),
    await accountMail(ctx, mail, account, "reset_password", { path: `/passwort-setzen/${link.secret}`, expiresAt: link.row.expiresAt }),
  ]);
  return true;
}
