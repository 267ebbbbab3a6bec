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
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
    .all() as { name: string }[];
  const shape = Object.fromEntries(
    tables.map(({ name }) => [
      name,
      {
        columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
        foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
        indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
          .map((index) => ({ ...index, columns: db.prepare(`PRAGMA index_info("${index.name}")`).all() }))
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
    const schemaSql = prisma(path.join(dir, "scratch.db"), "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script");
    const db = new Database(fromSchema);
    db.exec(schemaSql);
    db.close();
    const migrated = describeSchema(fromMigrations);
    expect(Object.keys(migrated)).toEqual(expect.arrayContaining(["Body", "Committee", "Term", "Person", "Membership", "ApiToken", "AuditEntry"]));
    expect(migrated).toEqual(describeSchema(fromSchema));
  }, 60_000);

  it("are up to date according to prisma migrate status", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-status-")), "status.db");
    prisma(file, "migrate", "deploy");
    const status = prisma(file, "migrate", "status");
    expect(status).toContain("Database schema is up to date");
  }, 60_000);
});
