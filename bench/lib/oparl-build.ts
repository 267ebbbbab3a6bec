/**
 * The OParl view built in chunks: its first build on a copy of a dataset whose view is emptied (every step timed),
 * then the digests of generated documents for a number of aggregates, then 100 writes to 100 meetings and the steps
 * that follow them. A step is what one background invocation does at least; its time bounds what a request-free
 * background pays at once. The build is timed without rendering documents (a step renders up to
 * OPARL_CHUNK.renders of them, which is bounded apart): their digests are timed as the background fills them in.
 */
import Sqlite from "better-sqlite3";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ANONYMOUS } from "../../src/auth/principal";
import { FILES_WITHOUT_DIGESTS } from "../../src/db/queries/oparl";
import { toSqlValue } from "../../src/db/sql";
import { createNodeDatabase } from "../../src/entry/node-database";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { createFileAttachmentStore } from "../../src/entry/node-storage";
import { createServiceContext } from "../../src/services/context";
import { DEFAULT_OPARL_LICENSE } from "../../src/services/oparl/oparl-objects";
import { advanceOparl, backfillOparlDigests } from "../../src/services/oparl/oparl-sync";

export interface StepFigures {
  steps: number;
  totalSeconds: number;
  maxStepMs: number;
  p50StepMs: number;
  objects: number;
}

type Log = (message: string) => void;

async function stepsUntilDone(db: ReturnType<typeof createNodeDatabase>, deps: Parameters<typeof advanceOparl>[1], log: Log) {
  const times: number[] = [];
  for (;;) {
    const started = performance.now();
    const progress = await advanceOparl(createServiceContext(db, ANONYMOUS, new Date()), deps);
    times.push(performance.now() - started);
    if (times.length % 500 === 0) log(`  ${times.length} steps`);
    if (progress.done) break;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    steps: times.length,
    totalSeconds: times.reduce((a, b) => a + b, 0) / 1000,
    maxStepMs: sorted.at(-1) ?? 0,
    p50StepMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    objects: await count(db, `SELECT count(*) AS n FROM "OparlObject" WHERE "deleted" = 0`),
  } satisfies StepFigures;
}

export interface DigestFigures {
  /** Aggregates whose documents were rendered, and the documents. */
  aggregates: number;
  documents: number;
  p50AggregateMs: number;
  maxAggregateMs: number;
  /** Aggregates still without digests after the build, before this row. */
  pending: number;
}

const count = async (db: ReturnType<typeof createNodeDatabase>, sql: string) =>
  ((await db.query<{ n: number }>(sql, [])) as [{ n: number }])[0].n;

/** The background's digests after the build, one aggregate at a time, `aggregates` times. */
async function digests(db: ReturnType<typeof createNodeDatabase>, deps: Parameters<typeof advanceOparl>[1], aggregates: number) {
  const pending = await count(db, `SELECT count(DISTINCT "aggregate") AS n FROM "OparlObject" WHERE ${FILES_WITHOUT_DIGESTS}`);
  const before = await count(db, `SELECT count(*) AS n FROM "DocumentDigest"`);
  const times: number[] = [];
  for (let i = 0; i < aggregates; i++) {
    const started = performance.now();
    if ((await backfillOparlDigests(createServiceContext(db, ANONYMOUS, new Date()), deps, 1)) === 0) break;
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    aggregates: times.length,
    documents: (await count(db, `SELECT count(*) AS n FROM "DocumentDigest"`)) - before,
    p50AggregateMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    maxAggregateMs: sorted.at(-1) ?? 0,
    pending,
  } satisfies DigestFigures;
}

export async function oparlBuild(datasetFile: string, digestAggregates: number, log: Log) {
  const dir = mkdtempSync(path.join(tmpdir(), "gremium-bench-oparl-"));
  const file = path.join(dir, "view.db");
  copyFileSync(datasetFile, file);
  const sqlite = new Sqlite(file);
  sqlite.exec(`DELETE FROM "OparlObject"; DELETE FROM "OparlSync"; DELETE FROM "DocumentDigest";`);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  const db = createNodeDatabase(`file:${file}`);
  const deps = {
    documents: loadDocumentAssets(),
    attachments: createFileAttachmentStore(path.join(dir, "files")),
    license: DEFAULT_OPARL_LICENSE,
    version: "bench",
    baseUrl: "http://localhost",
  };
  try {
    const first = await stepsUntilDone(db, { ...deps, renders: { left: 0 } }, log);
    const rendered = await digests(db, deps, digestAggregates);
    // 100 writes: a new title for each of 100 published meetings, audited as the services audit a change.
    const meetings = await db.query<{ id: string }>(
      `SELECT substr("id", 9) AS id FROM "OparlObject" WHERE "type" = 'Meeting' AND "deleted" = 0 ORDER BY "id" LIMIT 100`,
      [],
    );
    await db.batch(
      meetings.flatMap(({ id }) => [
        { sql: `UPDATE "Meeting" SET "title" = "title" || ' (geändert)' WHERE "id" = ?`, params: [id] },
        {
          sql:
            `INSERT INTO "AuditEntry" ("at", "actorName", "action", "entityType", "entityId", "after") ` +
            `VALUES (?, 'bench', 'update', 'Meeting', ?, ?)`,
          params: [toSqlValue(new Date()), id, JSON.stringify({ id })],
        },
      ]),
    );
    const incremental = await stepsUntilDone(db, deps, log);
    return { first, digests: rendered, incremental, writes: meetings.length };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
