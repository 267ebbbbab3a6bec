/**
 * The OParl view built in chunks: its first build on a copy of a dataset whose view is emptied (every step timed),
 * then 100 writes to 100 meetings and the steps that follow them. A step is what one background invocation does
 * at least; its time bounds what a request-free background pays at once.
 */
import Sqlite from "better-sqlite3";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ANONYMOUS } from "../../src/auth/principal";
import { toSqlValue } from "../../src/db/sql";
import { createNodeDatabase } from "../../src/entry/node-database";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { createFileAttachmentStore } from "../../src/entry/node-storage";
import { createServiceContext } from "../../src/services/context";
import { DEFAULT_OPARL_LICENSE } from "../../src/services/oparl/oparl-objects";
import { advanceOparl } from "../../src/services/oparl/oparl-sync";

export interface StepFigures {
  steps: number;
  totalSeconds: number;
  maxStepMs: number;
  p50StepMs: number;
  objects: number;
}

async function stepsUntilDone(db: ReturnType<typeof createNodeDatabase>, deps: Parameters<typeof advanceOparl>[1]) {
  const times: number[] = [];
  for (;;) {
    const started = performance.now();
    const progress = await advanceOparl(createServiceContext(db, ANONYMOUS, new Date()), deps);
    times.push(performance.now() - started);
    if (process.env.STEPS) console.error(times.length, (performance.now() - started).toFixed(0), JSON.stringify(progress));
    if (progress.done) break;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM "OparlObject" WHERE "deleted" = 0`, [])) as [{ n: number }];
  return {
    steps: times.length,
    totalSeconds: times.reduce((a, b) => a + b, 0) / 1000,
    maxStepMs: sorted.at(-1) ?? 0,
    p50StepMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    objects: n,
  } satisfies StepFigures;
}

export async function oparlBuild(datasetFile: string) {
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
    ...(process.env.RENDERS ? { renders: { left: Number(process.env.RENDERS) } } : {}),
  };
  try {
    const first = await stepsUntilDone(db, deps);
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
    const incremental = await stepsUntilDone(db, deps);
    return { first, incremental, writes: meetings.length };
  } finally {
    await db.close();
  }
}
