import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadDemoData } from "../../src/demo/load-demo-data";
import type { Database } from "../../src/db/database";
import { findAggregatesWithoutDigests } from "../../src/db/queries/oparl";
import { SEARCH_KINDS, SEARCH_WINDOWS, searchCandidates } from "../../src/db/queries/search";
import { createNodeDatabase } from "../../src/entry/node-database";
import { createTestApp, json, migratedDatabaseFile } from "../helpers/test-app";

/** A migrated database in WAL mode, as `prepareDatabase` leaves it. */
function walDatabaseFile() {
  const file = migratedDatabaseFile();
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return file;
}

describe("search tiers", () => {
  it("rank by relevance within tiers of the newest matches, newest tier first, as an exhaustive search does", async () => {
    const { db, file, attachments } = createTestApp();
    await loadDemoData(db, attachments, new Date());
    const expression = '"Integration"*';
    const sqlite = new SQLite(file, { readonly: true });
    const all = sqlite
      .prepare(
        `SELECT rowid, kind, ref_id, bm25(search_index, 0.0, 0.0, 5.0, 1.0) AS score FROM search_index
         WHERE search_index MATCH ? ORDER BY rowid DESC`,
      )
      .all(expression) as { rowid: number; kind: string; ref_id: string; score: number }[];
    sqlite.close();
    const tier = 4;
    expect(all.length).toBeGreaterThan(3 * tier);
    const expected = all
      .map((row, index) => ({ ...row, tier: Math.floor(index / tier) }))
      .sort((a, b) => a.tier - b.tier || a.score - b.score)
      .map((row) => `${row.kind}:${row.ref_id}`);

    // Tier by tier, in pages of 3: every match once, in the exhaustive order (ties within a tier aside).
    const seen: string[] = [];
    const tiers: string[][] = [];
    for (let below: number | undefined; ; ) {
      const first = await searchCandidates(db, expression, SEARCH_KINDS, { below, limit: 3, offset: 0, tier });
      const rest = await searchCandidates(db, expression, SEARCH_KINDS, { below, limit: 3, offset: 3, tier });
      const keys = [...first.hits, ...rest.hits].map((hit) => `${hit.kind}:${hit.ref_id}`);
      tiers.push(keys);
      seen.push(...keys);
      if (first.older === undefined) break;
      below = first.older;
    }
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);
    for (const [index, keys] of tiers.entries()) {
      expect(new Set(keys)).toEqual(new Set(expected.slice(index * tier, index * tier + tier)));
    }
    // Within a tier, by relevance: the scores never fall.
    const score = new Map(all.map((row) => [`${row.kind}:${row.ref_id}`, row.score]));
    for (const keys of tiers)
      for (let i = 1; i < keys.length; i++) expect(score.get(keys[i]!)!).toBeGreaterThanOrEqual(score.get(keys[i - 1]!)!);
  });

  it("keep the newest documents in windows, rank a tier in the smallest that holds it, an older one in the whole index", async () => {
    const { db, file, attachments } = createTestApp();
    await loadDemoData(db, attachments, new Date());
    const sqlite = new SQLite(file);
    const rows = (index: string) =>
      (sqlite.prepare(`SELECT rowid FROM ${index} ORDER BY rowid`).all() as { rowid: number }[]).map((r) => r.rowid);
    // The demo is smaller than the windows: every document is in each index, and they rank alike.
    for (const { index } of SEARCH_WINDOWS) expect(rows(index)).toEqual(rows("search_index"));
    const inWindow = await searchCandidates(db, "Sprachkurse", SEARCH_KINDS, { limit: 50, offset: 0 });
    expect(inWindow.hits.length).toBeGreaterThan(0);

    // Move the windows past every document (as 50,000 newer ones would), then write one: the old ones leave the
    // windows, the written one stays out of them (its rowid is old), and a search ranks in the whole index instead.
    const { top } = sqlite.prepare(`SELECT max("doc") AS top FROM "search_index_doc"`).get() as { top: number };
    sqlite
      .prepare(`INSERT INTO "search_index_doc" ("doc", "kind", "ref_id") VALUES (?, 'test', 'window')`)
      .run(top + SEARCH_WINDOWS.at(-1)!.size + 1);
    sqlite.prepare(`UPDATE "Measure" SET "title" = "title" || ' (neu)' WHERE "code" = '1.1'`).run();
    for (const { index } of SEARCH_WINDOWS) expect(rows(index)).toEqual([]);
    const outside = await searchCandidates(db, "Sprachkurse", SEARCH_KINDS, { limit: 50, offset: 0 });
    expect(new Set(outside.hits.map((h) => h.ref_id))).toEqual(new Set(inWindow.hits.map((h) => h.ref_id)));
    const whole = sqlite
      .prepare(`SELECT ref_id, bm25(search_index, 0.0, 0.0, 5.0, 1.0) AS score FROM search_index WHERE search_index MATCH ?`)
      .all("Sprachkurse") as { ref_id: string; score: number }[];
    const score = new Map(whole.map((row) => [row.ref_id, row.score]));
    expect(outside.hits.map((h) => h.rank)).toEqual(outside.hits.map((h) => score.get(h.ref_id)));

    // A new document lies within the window: it is indexed in both.
    sqlite
      .prepare(
        `INSERT INTO "Measure" ("id", "planId", "actionFieldId", "code", "title", "description", "responsible", "partners", "status",
           "progress", "startDate", "targetDate", "indicators", "evidence", "version", "createdAt", "updatedAt")
         SELECT 'neu', "planId", "actionFieldId", '9.9', 'Fahrradwerkstatt für Sprachkurse', "description", "responsible", "partners",
           "status", "progress", "startDate", "targetDate", "indicators", "evidence", 1, "createdAt", "updatedAt"
         FROM "Measure" WHERE "code" = '1.1' LIMIT 1`,
      )
      .run();
    for (const { index } of SEARCH_WINDOWS) expect(rows(index)).toEqual([top + SEARCH_WINDOWS.at(-1)!.size + 2]);
    const newest = await searchCandidates(db, "Fahrradwerkstatt", SEARCH_KINDS, { limit: 5, offset: 0 });
    expect(newest.hits.map((h) => h.ref_id)).toEqual(["neu"]);
    sqlite.close();
  });
});

describe("reads that must not grow with the archive", () => {
  /** SQLite's plan for a statement, one line per step. */
  const plan = (db: SQLite.Database, sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array.from(sql.matchAll(/\?/g), () => "x")) as { detail: string }[])
      .map((row) => row.detail)
      .join("; ");

  it("find a meeting's votes, its consultations, an item's sub-items and the files without digests by index", async () => {
    const sqlite = new SQLite(migratedDatabaseFile(), { readonly: true });
    expect(plan(sqlite, `SELECT * FROM "Vote" WHERE "meetingId" = ? ORDER BY "createdAt"`)).toBe(
      "SEARCH Vote USING INDEX Vote_meetingId_createdAt_idx (meetingId=?)",
    );
    expect(plan(sqlite, `UPDATE "Consultation" SET "meetingId" = NULL WHERE "meetingId" = ?`)).toMatch(
      /USING (COVERING )?INDEX Consultation_meetingId_idx/,
    );
    expect(plan(sqlite, `SELECT "id" FROM "AgendaItem" WHERE "parentId" = ?`)).toMatch(/USING (COVERING )?INDEX AgendaItem_parentId_idx/);
    // The background's query as the service sends it: only the files still without digests are read.
    const sent: string[] = [];
    const recorder = {
      query: async (sql: string) => {
        sent.push(sql);
        return [];
      },
    };
    await findAggregatesWithoutDigests(recorder as unknown as Database, 4);
    expect(plan(sqlite, sent[0]!)).toBe("SCAN OparlObject USING INDEX OparlObject_digest_pending_idx");
    sqlite.close();
  });
});

describe("the pool of reader threads", () => {
  it("answers slow reads from its own connections, sees committed writes, and reports SQL errors as SQLite's", async () => {
    const file = walDatabaseFile();
    const db = createNodeDatabase(`file:${file}`, { readThreads: 2 });
    try {
      const sql = "SELECT id, name FROM Body ORDER BY id";
      expect(await db.query(sql, [], { slow: true })).toEqual([]);
      await db.batch([{ sql: "INSERT INTO Body (id, name, createdAt, updatedAt) VALUES (?, ?, ?, ?)", params: ["b1", "Stadt", 0, 0] }]);
      expect(await db.query(sql, [], { slow: true })).toEqual([{ id: "b1", name: "Stadt" }]);
      expect(
        await db.queryAll(
          [
            { sql, params: [] },
            { sql: "SELECT count(*) AS n FROM Body", params: [] },
          ],
          { slow: true },
        ),
      ).toEqual([[{ id: "b1", name: "Stadt" }], [{ n: 1 }]]);
      await expect(db.query("SELECT * FROM search_index WHERE search_index MATCH ?", ['"x'], { slow: true })).rejects.toThrow(
        /unterminated string/,
      );
      // The pool still answers after an error.
      expect(await db.query("SELECT 1 AS one", [], { slow: true })).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it("keeps the request thread free: a read on it is answered while a long read runs in the pool", async () => {
    const file = walDatabaseFile();
    const db = createNodeDatabase(`file:${file}`, { readThreads: 1 });
    try {
      const order: string[] = [];
      // About a quarter of a second of work for SQLite.
      const long = db
        .query("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000) SELECT count(*) AS c FROM n", [], {
          slow: true,
        })
        .then(() => order.push("slow"));
      await new Promise((resolve) => setTimeout(resolve, 20));
      await db.query("SELECT 1 AS one", []).then(() => order.push("fast"));
      await long;
      expect(order).toEqual(["fast", "slow"]);
    } finally {
      await db.close();
    }
  });

  it("serves the search through the app exactly as the request thread does", async () => {
    const onThread = createTestApp();
    await loadDemoData(onThread.db, onThread.attachments, new Date());
    const inPool = createTestApp({ file: onThread.file, readThreads: 1 });
    try {
      const path = "/api/v1/search?q=Integration%20Sprache&limit=30";
      const expected = await json(await onThread.request("GET", path));
      expect(expected.items.length).toBeGreaterThan(5);
      expect(await json(await inPool.request("GET", path))).toEqual(expected);
    } finally {
      await inPool.close();
    }
  });
});
