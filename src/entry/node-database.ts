import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaClient } from "../generated/prisma-node/client";
import Sqlite from "better-sqlite3";
import { toConstraintError, type Database, type ReadOptions, type SqlValue } from "../db/database";
import { READER_PRAGMAS, createReadPool } from "./node-read-pool";

/**
 * The Node database: Prisma on better-sqlite3, with batches as real SQLite transactions, and a second,
 * read-only connection for `query` that keeps its prepared statements (the SQL texts are few and fixed). With
 * `readThreads`, slow reads run in that many reader threads (`node-read-pool.ts`); without, on this thread.
 */
export function createNodeDatabase(url: string, options: { readThreads?: number } = {}): Database & { close(): Promise<void> } {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  const file = url.replace(/^file:/, "");
  const reader = new Sqlite(file, { readonly: true, fileMustExist: true });
  for (const pragma of READER_PRAGMAS) reader.pragma(pragma);
  const pool = options.readThreads ? createReadPool(file, options.readThreads) : undefined;
  const statements = new Map<string, Sqlite.Statement>();
  const read = <Row>(sql: string, params: SqlValue[]) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = reader.prepare(sql)));
    return statement.all(...params) as Row[];
  };
  return {
    prisma,
    async query<Row>(sql: string, params: SqlValue[], options?: ReadOptions) {
      if (pool && options?.slow) return (await pool.read([{ sql, params }]))[0] as Row[];
      return read<Row>(sql, params);
    },
    // One synchronous run of better-sqlite3 reads: nothing can write in between. In the pool: one read transaction.
    async queryAll(list, options) {
      if (pool && options?.slow) return pool.read(list);
      return list.map((s) => read<Record<string, unknown>>(s.sql, s.params));
    },
    async batch(statements) {
      try {
        return await prisma.$transaction(async (tx) => {
          const changes: number[] = [];
          for (const statement of statements) changes.push(await tx.$executeRawUnsafe(statement.sql, ...statement.params));
          return changes;
        });
      } catch (error) {
        throw toConstraintError(error) ?? error;
      }
    },
    async close() {
      await pool?.close();
      reader.close();
      await prisma.$disconnect();
    },
  };
}

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Resolves a `file:` URL against the working directory, creates its folder and applies pending
 * migrations with `prisma migrate deploy`. Answers the absolute URL.
 */
export function prepareDatabase(databaseUrl: string): string {
  const file = path.resolve(databaseUrl.replace(/^file:/, ""));
  mkdirSync(path.dirname(file), { recursive: true });
  const url = `file:${file}`;
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  // Prisma's own output (banners, and a warning that the schema's url is unused, which the driver adapter makes
  // true by design) is shown only when the migrations fail; otherwise one line says what was applied.
  const result = spawnSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`prisma migrate deploy failed for ${file}`);
  }
  // WAL: readers (the request thread's and the pool's) do not wait for a write, nor a write for them.
  const connection = new Sqlite(file);
  connection.pragma("journal_mode = WAL");
  connection.close();
  const applied = (result.stdout.match(/└─ \d{14}_\S+/g) ?? []).length;
  console.error(applied > 0 ? `Database ${file}: ${applied} migration(s) applied.` : `Database ${file}: up to date.`);
  return url;
}
