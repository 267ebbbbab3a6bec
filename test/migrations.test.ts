import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

function prisma(databaseFile: string, ...args: string[]): string {
  return execFileSync(process.execPath, [prismaCli, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
}

/** Tables, columns (with type, nullability, default, key) and indexes, as SQLite reports them. */
function describeSchema(file: string) {
  const db = new Database(file, { readonly: true });
  const tables = db
    // search_index* and the windows search_recent* (FTS5) and _batch_guard live in the migrations only: Prisma models neither virtual
    // tables nor CHECK constraints.
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' AND " +
        "name NOT LIKE 'search_index%' AND name NOT LIKE 'search_recent%' AND name <> '_batch_guard' ORDER BY name",
    )
    .all() as { name: string }[];
  const shape = Object.fromEntries(
    tables.map(({ name }) => [
      name,
      {
        columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
        foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
        // `seq` is the order in which indexes were created, which a later migration may change.
        // Partial indexes live in the migrations only: Prisma's schema cannot state their WHERE.
        indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; seq?: number; partial: number }[])
          .filter((index) => index.partial === 0)
          .map(({ seq: _seq, ...index }) => ({ ...index, columns: db.prepare(`PRAGMA index_info("${index.name}")`).all() }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      },
    ]),
  );
  db.close();
  return shape;
}

describe("migrations", () => {
  it("build the same tables, columns and indexes as schema.prisma", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gremium-migrations-"));
    const fromMigrations = path.join(dir, "migrations.db");
    const fromSchema = path.join(dir, "schema.db");
    prisma(fromMigrations, "migrate", "deploy");
    // The SQL that creates schema.prisma from nothing, computed by Prisma from the schema alone.
    const schemaSql = prisma(
      path.join(dir, "scratch.db"),
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    );
    const db = new Database(fromSchema);
    db.exec(schemaSql);
    db.close();
    const migrated = describeSchema(fromMigrations);
    expect(Object.keys(migrated)).toEqual(
      expect.arrayContaining(["Body", "Committee", "Term", "Person", "Membership", "ApiToken", "AuditEntry"]),
    );
    expect(migrated).toEqual(describeSchema(fromSchema));
  }, 60_000);

  it("keep the full-text index in step with every write", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gremium-fts-"));
    const file = path.join(dir, "fts.db");
    prisma(file, "migrate", "deploy");
    const db = new Database(file);
    const now = "2026-01-01T00:00:00.000+00:00";
    db.prepare(`INSERT INTO "Body" ("id","name","createdAt","updatedAt") VALUES ('b', 'Stadt', ?, ?)`).run(now, now);
    db.prepare(
      `INSERT INTO "Paper" ("id","bodyId","year","serial","title","type","isPublic","createdAt","updatedAt") VALUES ('p',
        'b', 2026, 1, 'Sprachförderung in Kitas', 'proposal', 1, ?, ?)`,
    ).run(now, now);
    const find = (word: string) => db.prepare(`SELECT ref_id FROM search_index WHERE search_index MATCH ?`).all(word);
    expect(find("sprachforderung")).toEqual([{ ref_id: "p" }]); // diacritics folded
    const documents = () => db.prepare(`SELECT rowid, kind, ref_id FROM search_index`).all();
    const before = documents();
    db.prepare(`UPDATE "Paper" SET "title" = 'Elternarbeit' WHERE "id" = 'p'`).run();
    expect(find("sprachforderung")).toEqual([]);
    expect(find("elternarbeit")).toEqual([{ ref_id: "p" }]);
    // The update replaced the paper's one document in place (found by rowid, not by scanning the index).
    expect(documents()).toEqual(before);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT "doc" FROM "search_index_doc" WHERE "kind" = 'paper' AND "ref_id" = 'p'`).all() as {
      detail: string;
    }[];
    expect(plan.map((row) => row.detail).join()).toMatch(/USING (COVERING )?INDEX search_index_doc_kind_ref_id_key/);
    db.close();
  }, 60_000);

  it("are up to date according to prisma migrate status", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-status-")), "status.db");
    prisma(file, "migrate", "deploy");
    const status = prisma(file, "migrate", "status");
    expect(status).toContain("Database schema is up to date");
  }, 60_000);
});
