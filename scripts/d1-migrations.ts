/**
 * Derives wrangler's flat D1 migration files from Prisma's migrations, the one source of truth:
 *   prisma/migrations/20261121000000_init/migration.sql -> migrations-d1/20261121000000_init.sql
 * The names keep Prisma's timestamps, so the order and D1's record of applied migrations stay stable.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "prisma", "migrations");
const target = path.join(root, "migrations-d1");

/** D1 refuses `PRAGMA foreign_keys` inside its implicit transaction; it defers the checks instead. */
export function toD1Sql(sql: string): string {
  return sql
    .replace(/^PRAGMA foreign_keys\s*=\s*OFF;?$/gim, "PRAGMA defer_foreign_keys = ON;")
    .replace(/^PRAGMA foreign_keys\s*=\s*ON;?$/gim, "PRAGMA defer_foreign_keys = OFF;");
}

export function deriveD1Migrations(): string[] {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const names = readdirSync(source, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    writeFileSync(path.join(target, `${name}.sql`), toD1Sql(readFileSync(path.join(source, name, "migration.sql"), "utf8")));
  }
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = deriveD1Migrations();
  console.log(`Derived ${names.length} D1 migration(s) into migrations-d1/: ${names.join(", ")}`);
}
