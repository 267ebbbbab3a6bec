/**
 * Search by class of query: 21 queries drawn from the dataset's vocabulary, each checked against an exhaustive
 * search of the database itself, then timed one after the other (no queueing: the figure is the cost of the search,
 * not the depth of a queue). The classes are what people type: a rare word, a frequent word, two frequent words,
 * a phrase, the start of a word, a paper number and a resolution number.
 */
import type Sqlite from "better-sqlite3";
import { SEARCH_TIER, SEARCH_WINDOWS } from "../../src/db/queries/search";
import { searchExpressions } from "../../src/services/search/search-query";
import { isPublic } from "./endpoints";

export const SEARCH_CLASSES = [
  "rare word",
  "frequent word",
  "frequent pair",
  "phrase",
  "prefix",
  "paper number",
  "resolution number",
] as const;
export type SearchClass = (typeof SEARCH_CLASSES)[number];

/** In the small dataset a rare word is in under 1 % of the documents, a frequent one in 13 % to 50 %. */
export const SEARCH_SET: { class: SearchClass; q: string }[] = [
  { class: "rare word", q: "26000" },
  { class: "rare word", q: "49000" },
  { class: "rare word", q: "95000" },
  { class: "frequent word", q: "Sprachkurse" },
  { class: "frequent word", q: "Dolmetscherpool" },
  { class: "frequent word", q: "Weststadt" },
  { class: "frequent word", q: "Migrantenorganisationen" },
  { class: "frequent word", q: "Schulsozialarbeit" },
  { class: "frequent pair", q: "Sprachkurse Kinderbetreuung" },
  { class: "frequent pair", q: "Frauencafé Nordstadt" },
  { class: "frequent pair", q: "Schwimmkurse Bahnhof" },
  { class: "phrase", q: '"Stand der Sprachkurse"' },
  { class: "phrase", q: '"ehrenamtlich Engagierten"' },
  { class: "phrase", q: '"Quartier Am Bahnhof"' },
  { class: "prefix", q: "Dolmetsch" },
  { class: "prefix", q: "Gesundheitsl" },
  { class: "prefix", q: "Kinderbetr" },
  { class: "paper number", q: "Vorlage 2025/005" },
  { class: "paper number", q: "2025/006" },
  { class: "resolution number", q: "IA/2025/003" },
  { class: "resolution number", q: "Beschluss IA/2025/002" },
];

const PAGE = 20;

interface Hit {
  kind: string;
  id: string;
  match: string;
}

function fail(q: string, reason: string): never {
  throw new Error(`wrong answer from the search for ${q}: ${reason}`);
}

/**
 * The public hits of an expression in the order the service promises, computed over every match: tiers of
 * SEARCH_TIER matches, newest (highest rowid) first, by bm25 within a tier, scored in the smallest window of the
 * newest documents that holds the tier (SEARCH_WINDOWS), else in the whole index. Returns each hit with its sort key.
 */
function exhaustive(db: Sqlite.Database, expression: string) {
  const scores = (index: string) =>
    new Map(
      (
        db.prepare(`SELECT rowid, bm25(${index}, 0.0, 0.0, 5.0, 1.0) AS score FROM ${index} WHERE ${index} MATCH ?`).all(expression) as {
          rowid: number;
          score: number;
        }[]
      ).map((row) => [row.rowid, row.score]),
    );
  const { top } = db.prepare(`SELECT coalesce(max("doc"), 0) AS top FROM "search_index_doc"`).get() as { top: number };
  const windows = SEARCH_WINDOWS.map((window) => ({ start: top - window.size, scores: scores(window.index) }));
  const whole = scores("search_index");
  const rows = (
    db.prepare("SELECT rowid, kind, ref_id AS id FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC").all(expression) as {
      rowid: number;
      kind: string;
      id: string;
    }[]
  ).map((row, index) => ({ ...row, tier: Math.floor(index / SEARCH_TIER) }));
  // A tier of fewer than SEARCH_TIER matches (the oldest) is ranked in the whole index, as the service does.
  const tierRows = new Map<number, typeof rows>();
  for (const row of rows) tierRows.set(row.tier, [...(tierRows.get(row.tier) ?? []), row]);
  const scoresOf = (tier: number) => {
    const members = tierRows.get(tier)!;
    if (members.length < SEARCH_TIER) return whole;
    const low = members.at(-1)!.rowid;
    return windows.find((window) => low > window.start)?.scores ?? whole;
  };
  return rows
    .map((row) => ({ ...row, score: scoresOf(row.tier).get(row.rowid)! }))
    .sort((a, b) => a.tier - b.tier || a.score - b.score)
    .filter((row) => isPublic(db, row.kind, row.id));
}

/**
 * Fails unless the page of "all words" hits holds the records an exhaustive search puts there: everything ranked
 * above the last place, nothing ranked below it (records tied with the last place may stand either way).
 */
function checkAgainstExhaustive(db: Sqlite.Database, q: string, hits: Hit[]) {
  for (const hit of hits) if (!isPublic(db, hit.kind, hit.id)) fail(q, `the public view shows the non-public ${hit.kind} ${hit.id}`);
  const { all, number } = searchExpressions(q);
  if (number) {
    // The numbered record first, then the public mentions of its number, newest first.
    if (hits[0]?.match !== "number") fail(q, "the numbered record does not come first");
    const numbered = new Set(hits.filter((hit) => hit.match === "number").map((hit) => `${hit.kind}:${hit.id}`));
    const newest = (
      db.prepare("SELECT kind, ref_id AS id FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC").all(all!) as {
        kind: string;
        id: string;
      }[]
    )
      .filter((row) => isPublic(db, row.kind, row.id) && !numbered.has(`${row.kind}:${row.id}`))
      .map((row) => `${row.kind}:${row.id}`);
    const mentions = hits.filter((hit) => hit.match === "all").map((hit) => `${hit.kind}:${hit.id}`);
    const expected = newest.slice(0, Math.min(PAGE - numbered.size, newest.length));
    if (mentions.join() !== expected.join()) fail(q, `mentions ${mentions.join()} where the newest are ${expected.join()}`);
    return;
  }
  const expected = exhaustive(db, all!);
  const page = hits.filter((hit) => hit.match === "all");
  if (page.length !== Math.min(PAGE, expected.length))
    fail(q, `${page.length} hits of all words, expected ${Math.min(PAGE, expected.length)}`);
  if (page.length === 0) return;
  const last = expected[page.length - 1]!;
  const key = (row: { tier: number; score: number }) => [row.tier, row.score] as const;
  const before = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const mustHave = expected.filter((row) => before(key(row), key(last)));
  const mayHave = new Set(expected.filter((row) => !before(key(last), key(row))).map((row) => `${row.kind}:${row.id}`));
  const shown = new Set(page.map((hit) => `${hit.kind}:${hit.id}`));
  for (const row of mustHave)
    if (!shown.has(`${row.kind}:${row.id}`)) fail(q, `misses ${row.kind} ${row.id}, which ranks above the last hit`);
  for (const key of shown) if (!mayHave.has(key)) fail(q, `shows ${key}, which an exhaustive search ranks below the page`);
}

export interface ClassFigures {
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

type Figures = Record<SearchClass | "all queries", ClassFigures>;

/** A search server of the comparison, with the database its answers are checked against. */
export interface SearchTarget {
  url: string;
  db: Sqlite.Database;
}

const searchPath = (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}&limit=${PAGE}`;

async function timed(url: string) {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

function figures(times: Map<string, number[]>): Figures {
  return Object.fromEntries(
    [...times].map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return [name, { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), samples: sorted.length }];
    }),
  ) as Figures;
}

/**
 * The set on two servers at once (the large and the small dataset), so that both are measured under the same
 * conditions: every query checked on each, one untimed round on each, then `rounds` rounds in which each query
 * is timed on one server and at once on the other, the first of the two alternating. Figures per class and for all.
 */
export async function searchScaling(large: SearchTarget, small: SearchTarget, rounds: number): Promise<{ large: Figures; small: Figures }> {
  for (const target of [large, small]) {
    for (const { q } of SEARCH_SET) {
      const response = await fetch(target.url + searchPath(q));
      if (response.status !== 200) fail(q, `status ${response.status}`);
      checkAgainstExhaustive(target.db, q, ((await response.json()) as { items: Hit[] }).items);
    }
    for (const { q } of SEARCH_SET) await timed(target.url + searchPath(q));
  }
  const empty = () => new Map<string, number[]>([["all queries", []], ...SEARCH_CLASSES.map((c) => [c, []] as [string, number[]])]);
  const times = { large: empty(), small: empty() };
  for (let round = 0; round < rounds; round++) {
    for (const [index, { class: kind, q }] of SEARCH_SET.entries()) {
      const order = (round + index) % 2 === 0 ? (["large", "small"] as const) : (["small", "large"] as const);
      for (const name of order) {
        const ms = await timed((name === "large" ? large : small).url + searchPath(q));
        times[name].get(kind)!.push(ms);
        times[name].get("all queries")!.push(ms);
      }
    }
  }
  return { large: figures(times.large), small: figures(times.small) };
}
