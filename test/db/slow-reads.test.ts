import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { loadDemoData } from "../../src/demo/load-demo-data";
import { SEARCH_KINDS, searchCandidates } from "../../src/db/queries/search";
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
