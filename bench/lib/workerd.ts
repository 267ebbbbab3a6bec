/**
 * The Worker build on local workerd with a local D1, as a developer runs it (`npm run dev:worker`):
 * D1 migrations derived from Prisma's and applied by wrangler, the dataset loaded with
 * `wrangler d1 execute --file`, the Worker served by wrangler's `unstable_dev`.
 */
import Sqlite from "better-sqlite3";
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareLocalD1, runWrangler, startLocalWorker } from "../../scripts/local-worker";
import { ADMIN_TOKEN } from "../../test/helpers/test-app";
import { waitForFirstResponse, type Server } from "./servers";

/** Tables the migrations own (bookkeeping, the search index, its windows and their shadow tables, filled by triggers). */
const NOT_DATA = /^(sqlite_|_prisma_migrations$|_batch_guard$|_cf_|d1_migrations$|search_index|search_recent)/;

/** INSERT statements for every row of the dataset, parents before children (D1 checks foreign keys). */
export function sqlDump(databaseFile: string): string {
  const db = new Sqlite(databaseFile, { readonly: true });
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[])
    .map((t) => t.name)
    .filter((name) => !NOT_DATA.test(name));
  const parents = new Map(
    tables.map((t) => [
      t,
      (db.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).all(t) as { table: string }[])
        .map((f) => f.table)
        .filter((p) => p !== t),
    ]),
  );
  const ordered: string[] = [];
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    for (const parent of parents.get(table) ?? []) visit(parent);
    ordered.push(table);
  };
  tables.forEach(visit);
  const lines: string[] = [];
  for (const table of ordered) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => `"${c.name}"`);
    const select =
      `SELECT 'INSERT INTO "${table}" (${columns.join(", ")}) VALUES (' ` +
      `|| ${columns.map((c) => `quote(${c})`).join(` || ', ' || `)} || ');' AS line FROM "${table}"`;
    for (const row of db.prepare(select).all() as { line: string }[]) lines.push(row.line);
  }
  db.close();
  return lines.join("\n");
}

/**
 * A new local D1 holding the dataset. The first run loads it with wrangler (about 20 s for the small dataset) and
 * keeps a copy beside the dataset, named like it, so that it is reloaded only when the dataset or the migrations
 * change; later runs start from a copy of that copy, which the run may write to.
 */
function loadedD1(databaseFile: string): string {
  const kept = path.join(path.dirname(databaseFile), `d1-${path.basename(databaseFile, ".db")}`);
  if (!existsSync(kept)) {
    const loading = prepareLocalD1("gremium-bench-d1-");
    const dumpFile = path.join(loading, "dataset.sql");
    writeFileSync(dumpFile, sqlDump(databaseFile));
    runWrangler(["d1", "execute", "DB", "--local", "--persist-to", loading, "--file", dumpFile, "--yes"]);
    rmSync(dumpFile);
    rmSync(`${kept}.partial`, { recursive: true, force: true });
    cpSync(loading, `${kept}.partial`, { recursive: true });
    renameSync(`${kept}.partial`, kept);
    return loading;
  }
  const persistTo = mkdtempSync(path.join(tmpdir(), "gremium-bench-d1-"));
  cpSync(kept, persistTo, { recursive: true });
  return persistTo;
}

/** Starts the Worker on a new local D1 holding the dataset; the start time runs from `unstable_dev` to the first answer. */
export async function startWorker(databaseFile: string, probePath: string): Promise<Server & { loadSeconds: number; persistTo: string }> {
  const loadStarted = performance.now();
  const persistTo = loadedD1(databaseFile);
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const started = performance.now();
  // The admin token lets the contention row write through the API, as on Node.
  const worker = await startLocalWorker(persistTo, { ADMIN_TOKEN });
  const url = `http://127.0.0.1:${worker.port}`;
  const firstResponseMs = await waitForFirstResponse(url + probePath, started);
  return { url, firstResponseMs, loadSeconds, persistTo, stop: () => worker.stop() };
}
