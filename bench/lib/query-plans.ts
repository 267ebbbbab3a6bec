/**
 * The SQL behind each benchmarked read, with SQLite's query plan: the app runs in-process on the
 * database with Prisma's adapter wrapped to record every query, and each recorded query is explained
 * with `EXPLAIN QUERY PLAN` and its own arguments. A plan line "SCAN <table>" without an index reads
 * the whole table; "SEARCH … USING INDEX …" names the index that keeps the cost to the page.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Sqlite from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../../src/app";
import type { SqlValue } from "../../src/db/database";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { createFileAttachmentStore } from "../../src/entry/node-storage";
import { PrismaClient } from "../../src/generated/prisma-node/client";

export interface QueryPlan {
  sql: string;
  plan: string[];
}

export interface EndpointPlans {
  queries: QueryPlan[];
  indexes: string[];
  fullScans: string[];
}

type Query = { sql: string; args: unknown[] };

export async function queryPlans(databaseFile: string, paths: Record<string, string>): Promise<Record<string, EndpointPlans>> {
  const recorded: Query[] = [];
  const factory = new PrismaBetterSQLite3({ url: `file:${databaseFile}` });
  const adapter = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      const queryRaw = connection.queryRaw.bind(connection);
      connection.queryRaw = async (query) => {
        recorded.push({ sql: query.sql, args: query.args });
        return queryRaw(query);
      };
      return connection;
    },
  } as unknown as PrismaBetterSQLite3;
  const prisma = new PrismaClient({ adapter });
  const sqlite = new Sqlite(databaseFile, { readonly: true });
  const read = <Row>(sql: string, params: SqlValue[]) => {
    recorded.push({ sql, args: params });
    return sqlite.prepare(sql).all(...params) as Row[];
  };
  const app = createApp({
    db: {
      prisma,
      batch: () => Promise.reject(new Error("the query-plan run only reads")),
      query: async (sql, params) => read(sql, params),
      queryAll: async (statements) => statements.map((s) => read<Record<string, unknown>>(s.sql, s.params)),
    },
    attachments: createFileAttachmentStore(mkdtempSync(path.join(tmpdir(), "gremium-bench-"))),
    documents: loadDocumentAssets(),
    version: "bench",
  });
  const result: Record<string, EndpointPlans> = {};
  // Plans also scan a constant row or a common table expression ("SCAN CONSTANT ROW", "SCAN tier"): not tables.
  const tables = new Set(
    (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name),
  );
  try {
    for (const [name, urlPath] of Object.entries(paths)) {
      recorded.length = 0;
      const response = await app.request(urlPath);
      if (response.status !== 200) throw new Error(`${urlPath} answered ${response.status} in the query-plan run`);
      const queries = recorded.map(({ sql, args }) => ({
        sql: sql
          .replace(/\s+/g, " ")
          .replace(/`main`\./g, "")
          .slice(0, 4000),
        plan: (
          sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args.map((a) => (typeof a === "boolean" ? Number(a) : a))) as {
            detail: string;
          }[]
        ).map((row) => row.detail),
      }));
      // A query on an empty IN list ("WHERE 1=0") reads nothing, whatever its plan says.
      const reading = queries.filter((q) => !/WHERE 1=0 /.test(q.sql));
      const lines = reading.flatMap((q) => q.plan);
      // Plans name a table by its alias in the query ("SCAN p" for "FROM Plan p").
      const tableOf = (sql: string, name: string) =>
        new RegExp(`(?:FROM|JOIN)\\s+[\`"]?(\\w+)[\`"]?\\s+(?:AS\\s+)?[\`"]?${name}\\b`, "i").exec(sql)?.[1] ?? name;
      const scanned = [
        ...new Set(
          reading.flatMap((q) =>
            q.plan.flatMap((line) => /^SCAN (?:main\.)?(\w+)(?!.*USING)/.exec(line)?.[1] ?? []).map((name) => tableOf(q.sql, name)),
          ),
        ),
      ].filter((table) => table !== "search_index" && tables.has(table));
      result[name] = {
        queries,
        indexes: [...new Set(lines.flatMap((line) => /USING (?:COVERING )?INDEX (\S+)/.exec(line)?.[1] ?? []))].sort(),
        fullScans: scanned.map(
          (table) => `${table} (${(sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n} rows)`,
        ),
      };
    }
  } finally {
    sqlite.close();
    await prisma.$disconnect();
  }
  return result;
}
