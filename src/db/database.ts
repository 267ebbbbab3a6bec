import type { PrismaClient } from "../generated/prisma-node/client";

export type { PrismaClient };

/** A value SQLite takes as a bound parameter. */
export type SqlValue = string | number | null;

/** One parameterised SQL statement. */
export interface Statement {
  sql: string;
  params: SqlValue[];
}

/**
 * The data access both runtimes provide. Reads go through Prisma, except the hottest public reads,
 * which use `query`: Prisma 6 compiles every query in WebAssembly on the request thread (0.1–1 ms
 * each, see prisma/orm#28845), which outweighed the SQL itself many times over. Writes go through
 * `batch`, because Prisma's transactions are not atomic on D1 (its adapter ignores them) and D1's
 * `batch()` is.
 */
export interface Database {
  prisma: PrismaClient;
  /** Runs the statements in order as one atomic unit and returns how many rows each one changed. */
  batch(statements: Statement[]): Promise<number[]>;
  /** Runs one read-only statement and returns its rows as SQLite stores them (see `src/db/rows.ts`). */
  query<Row>(sql: string, params: SqlValue[], options?: ReadOptions): Promise<Row[]>;
  /** Runs read-only statements together (one round trip and one snapshot on D1) and returns the rows of each. */
  queryAll(statements: Statement[], options?: ReadOptions): Promise<Record<string, unknown>[][]>;
}

/**
 * How a read is run. `slow`: a read whose cost grows with the data or the query (search, trace); on Node it runs in
 * a pool of reader threads, off the thread that answers requests, so that it cannot hold up a meeting read. D1
 * answers every query outside the Worker's isolate anyway.
 */
export interface ReadOptions {
  slow?: boolean;
}

/** A constraint of the schema refused a write; nothing of the batch was applied. */
export class ConstraintError extends Error {
  constructor(
    readonly constraint: "unique" | "foreign_key" | "not_null" | "check",
    message: string,
  ) {
    super(message);
    this.name = "ConstraintError";
  }
}

/** Recognises SQLite's constraint messages, which better-sqlite3 and D1 word the same way. */
export function toConstraintError(error: unknown): ConstraintError | undefined {
  const message = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  const match = /(UNIQUE|FOREIGN KEY|NOT NULL|CHECK) constraint failed/i.exec(message);
  if (!match) return undefined;
  const kind = match[1]!.toUpperCase();
  const constraint = kind === "UNIQUE" ? "unique" : kind === "FOREIGN KEY" ? "foreign_key" : kind === "NOT NULL" ? "not_null" : "check";
  return new ConstraintError(constraint, match[0]);
}
