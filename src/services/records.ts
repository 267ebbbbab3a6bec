import { actorName } from "../auth/principal";
import { ConstraintError, type Statement } from "../db/database";
import { PREVIOUS_CHANGED, guard, insertRow, updateVersioned, type Condition, type TableName, type Tables } from "../db/sql";
import { Problem } from "../errors";
import type { ServiceContext } from "./context";

export type AuditAction =
  | "create"
  | "update"
  | "delete"
  | "end"
  | "revoke"
  | "seed"
  // Accounts: sign-in and its failures, the lock-out after repeated failures, sign-out, password, lock and unlock.
  | "sign_in"
  | "sign_in_failed"
  | "lock_out"
  | "sign_out"
  | "password_set"
  | "lock"
  | "unlock"
  | "two_factor_on"
  | "two_factor_off"
  | "second_factor_failed"
  | "email_changed";

/** Columns that never go into the audit log. */
const SECRET_COLUMNS = new Set(["tokenHash"]);

const snapshot = (row: object | null) =>
  row === null ? null : JSON.stringify(Object.fromEntries(Object.entries(row).filter(([key]) => !SECRET_COLUMNS.has(key))));

/** The audit entry of one write. */
export function auditStatement(
  ctx: ServiceContext,
  action: AuditAction,
  entityType: TableName,
  entityId: string,
  before: object | null,
  after: object | null,
): Statement {
  return insertRow("AuditEntry", {
    at: ctx.now,
    actorId: ctx.actor.kind === "anonymous" ? null : ctx.actor.tokenId,
    actorName: actorName(ctx.actor),
    action,
    entityType,
    entityId,
    before: snapshot(before),
    after: snapshot(after),
  });
}

/** The columns every versioned record has. */
export const newRecordColumns = (now: Date) => ({ id: crypto.randomUUID(), version: 1, createdAt: now, updatedAt: now });

/** The statements that insert a row and its audit entry, for callers that batch several writes. */
export function auditedInsert<T extends TableName>(ctx: ServiceContext, table: T, row: Tables[T] & { id: string }): Statement[] {
  return [insertRow(table, row), auditStatement(ctx, "create", table, row.id, null, row)];
}

/**
 * Runs a write that takes the next number of a register (meeting or paper numbers). The number is
 * max + 1, and a unique index refuses a duplicate; when two requests race, the loser tries again.
 */
export async function withNextNumber<T>(next: () => Promise<number>, write: (number: number) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(await next());
    } catch (error) {
      if (!(error instanceof ConstraintError && error.constraint === "unique") || attempt >= attempts) throw error;
    }
  }
}

/** Inserts a row and its audit entry atomically. */
export async function insertAudited<T extends TableName>(
  ctx: ServiceContext,
  table: T,
  row: Tables[T] & { id: string },
): Promise<Tables[T]> {
  await insertAuditedIf(ctx, table, row);
  return row;
}

/**
 * Inserts a row and its audit entry atomically if the condition holds when the insert runs, so that
 * a rule checked in SQL cannot be raced. Answers whether the row was written.
 */
export async function insertAuditedIf<T extends TableName>(
  ctx: ServiceContext,
  table: T,
  row: Tables[T] & { id: string },
  condition?: Condition,
): Promise<boolean> {
  const [inserted] = await ctx.db.batch([
    insertRow(table, row, condition),
    guard(auditStatement(ctx, "create", table, row.id, null, row), PREVIOUS_CHANGED),
  ]);
  return inserted === 1;
}

type Versioned<T extends TableName> = Tables[T] & { id: string; version: number };

/**
 * Applies changes to a versioned row and audits them, atomically. If another write got in between
 * the read of `before` and this one, nothing is written and the answer is 412.
 */
export async function updateAudited<T extends TableName>(
  ctx: ServiceContext,
  table: T,
  before: Versioned<T>,
  changes: Partial<Tables[T]>,
  action: AuditAction = "update",
  /** Statements written with the update, or not at all (the mails it causes). */
  also: Statement[] = [],
): Promise<Tables[T]> {
  const after = await updateAuditedIf(ctx, table, before, changes, action, undefined, also);
  if (!after) {
    throw new Problem(
      "precondition_failed",
      "Der Datensatz wurde inzwischen von jemand anderem geändert: bitte neu laden und die Änderung erneut anbringen.",
    );
  }
  return after;
}

/**
 * Like `updateAudited`, but also guarded by a condition; answers `undefined` when the version moved
 * on or the condition failed, and the caller tells which.
 */
export async function updateAuditedIf<T extends TableName>(
  ctx: ServiceContext,
  table: T,
  before: Versioned<T>,
  changes: Partial<Tables[T]>,
  action: AuditAction = "update",
  condition?: Condition,
  also: Statement[] = [],
): Promise<Tables[T] | undefined> {
  const stamped = { ...changes, updatedAt: ctx.now } as Partial<Tables[T]>;
  const after = { ...before, ...stamped, version: before.version + 1 };
  const [changed] = await ctx.db.batch([
    updateVersioned(table, before.id, before.version, stamped, condition),
    ...[auditStatement(ctx, action, table, before.id, before, after), ...also].map((s) => guard(s, PREVIOUS_CHANGED)),
  ]);
  return changed === 1 ? after : undefined;
}

/** 412 when the record has moved on since the caller read it (the ETag they sent is stale). */
export function expectVersion(current: { version: number }, expected: number): void {
  if (current.version !== expected) {
    throw new Problem(
      "precondition_failed",
      `Der Datensatz hat die Version ${current.version}, nicht ${expected}: bitte neu laden und die Änderung erneut anbringen.`,
      {
        currentVersion: current.version,
      },
    );
  }
}
