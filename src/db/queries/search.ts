import type { Database, Statement } from "../database";
import { decodeRow } from "../rows";
import { placeholders } from "../sql";

export const SEARCH_KINDS = ["measure", "resolution", "paper", "minutes", "item"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  ref_id: string;
  snippet: string;
  rank: number;
}

/** A search expression FTS5 cannot parse. */
export class InvalidSearchQuery extends Error {
  override name = "InvalidSearchQuery";
}

/**
 * How many matches one tier of a search holds. Matches are searched in tiers, newest first (the index's rowids grow
 * as records are added), and ranked by relevance within their tier: a search that matches fewer records than this
 * is ranked by relevance alone, and a search for a frequent word scores one tier instead of every match, so that
 * its cost follows the page asked for, not the size of the archive.
 */
export const SEARCH_TIER = 100;

/** A page of candidates from one tier: the hits, and where the next (older) tier starts, if there is one. */
export interface SearchTierPage {
  hits: SearchHit[];
  /** The exclusive upper rowid of the next tier; undefined when this tier holds the oldest match. */
  older?: number;
}

/**
 * The windows of the newest documents (by rowid) that the search keeps in indexes of their own, smallest first (the
 * migration 20261207100000_search_recent sets the same sizes in its triggers). bm25 counts each word's documents in
 * the whole of the index it ranks in, so a tier is ranked in the smallest window that holds it: its cost is then
 * bounded by the tier and the step between windows, not by the archive. The relevance of the tier's documents is
 * weighed against the documents of that window.
 */
export const SEARCH_WINDOWS = [
  { index: "search_recent", size: 5000 },
  { index: "search_recent_wide", size: 50_000 },
] as const;

/**
 * A page of candidates for an FTS5 expression from the tier of the `tier` newest matches below `below`, ranked by
 * relevance (bm25, titles weigh five times). FTS5 narrows to the tier by rowid, scores only its rows, and computes
 * snippets only for the rows returned. The tier is looked for in the windows of the newest documents, smallest first,
 * and in the whole index last; it is ranked in the first that holds it.
 */
export async function searchCandidates(
  db: Database,
  expression: string,
  kinds: readonly SearchKind[],
  page: { below?: number; limit: number; offset: number; tier?: number; newestFirst?: boolean },
): Promise<SearchTierPage> {
  const below = page.below ?? Number.MAX_SAFE_INTEGER;
  const kindIn = `kind IN (${placeholders(kinds)})`;
  const lowIn = async (index: string) =>
    (
      await db.query<{ low: number | null }>(
        `SELECT (SELECT rowid FROM ${index} WHERE ${index} MATCH ? AND rowid < ? AND ${kindIn}
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?) AS low`,
        [expression, below, ...kinds, (page.tier ?? SEARCH_TIER) - 1],
        { slow: true },
      )
    )[0]!.low;
  try {
    if (page.newestFirst) return { hits: await newestMatches(db, expression, kindIn, kinds, below, page) };
    // A window holds the tier when it holds the tier's oldest match: it holds every document from there on.
    let index = "search_index";
    let low: number | null = null;
    for (const window of SEARCH_WINDOWS) {
      low = await lowIn(window.index);
      if (low !== null) {
        index = window.index;
        break;
      }
    }
    if (low === null) low = (await lowIn("search_index")) ?? 0;
    const hits = await db.query<SearchHit>(
      `SELECT kind, ref_id, snippet(${index}, 3, '«', '»', '…', 16) AS snippet, rank
       FROM ${index} WHERE ${index} MATCH ? AND rank MATCH 'bm25(0.0, 0.0, 5.0, 1.0)'
         AND rowid >= ? AND rowid < ? AND ${kindIn}
       ORDER BY rank LIMIT ? OFFSET ?`,
      [expression, low, below, ...kinds, page.limit, page.offset],
      { slow: true },
    );
    return { hits, older: low > 0 ? low : undefined };
  } catch (error) {
    const message = `${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? "")}`;
    if (/fts5|syntax error|no such column|unterminated|malformed MATCH/i.test(message)) throw new InvalidSearchQuery(message);
    throw error;
  }
}

/** The papers and resolutions that carry a register number, as hits before all others, with the start of their text. */
/**
 * The matches of an expression newest first, without scoring: for the mentions of a register number, whose words
 * (the year above all) are in so many documents that counting them for bm25 would cost more with every year.
 */
async function newestMatches(
  db: Database,
  expression: string,
  kindIn: string,
  kinds: readonly SearchKind[],
  below: number,
  page: { limit: number; offset: number },
): Promise<SearchHit[]> {
  return db.query<SearchHit>(
    `SELECT kind, ref_id, snippet(search_index, 3, '«', '»', '…', 16) AS snippet, 0 AS rank
     FROM search_index WHERE search_index MATCH ? AND rowid < ? AND ${kindIn} ORDER BY rowid DESC LIMIT ? OFFSET ?`,
    [expression, below, ...kinds, page.limit, page.offset],
    { slow: true },
  );
}

export async function numberedCandidates(
  db: Database,
  number: { year: number; serial: number; kind?: "paper" | "resolution"; committee?: string },
  kinds: readonly SearchKind[],
): Promise<SearchHit[]> {
  const papers = kinds.includes("paper") && number.kind !== "resolution" && !number.committee;
  const resolutions = kinds.includes("resolution") && number.kind !== "paper";
  const start = (column: string) => `CASE WHEN length(${column}) > 240 THEN substr(${column}, 1, 240) || '…' ELSE ${column} END`;
  const statements = [
    ...(papers
      ? [
          {
            sql: `SELECT 'paper' AS kind, id AS ref_id, ${start("coalesce(proposedResolution, factsAndReasons, '')")} AS snippet, 0 AS rank
                  FROM Paper WHERE deletedAt IS NULL AND year = ? AND serial = ?`,
            params: [number.year, number.serial],
          },
        ]
      : []),
    ...(resolutions
      ? [
          {
            sql: `SELECT 'resolution' AS kind, r.id AS ref_id, ${start("r.text")} AS snippet, 0 AS rank
                  FROM Resolution r JOIN Committee c ON c.id = r.committeeId
                  WHERE r.year = ? AND r.serial = ? AND (? IS NULL OR lower(c.shortName) = lower(?)) ORDER BY c.shortName`,
            params: [number.year, number.serial, number.committee ?? null, number.committee ?? null],
          },
        ]
      : []),
  ];
  return statements.length > 0 ? ((await db.queryAll(statements, { slow: true })).flat() as unknown as SearchHit[]) : [];
}

export interface MeasureHitRow {
  id: string;
  code: string;
  title: string;
  plan: { title: string; bodyId: string };
}
export interface ResolutionHitRow {
  id: string;
  committeeId: string;
  year: number;
  serial: number;
  isPublic: boolean;
  announcedAt: Date | null;
  /** The date of its meeting, or of its recording (written procedure). */
  createdAt: Date;
  committee: { bodyId: string; shortName: string; name: string };
}
export interface PaperHitRow {
  id: string;
  bodyId: string;
  year: number;
  serial: number;
  title: string;
  isPublic: boolean;
  createdAt: Date;
  consultations: { committeeId: string }[];
}
export interface MinutesHitRow {
  id: string;
  minutes: { state: string };
  meeting: { id: string; title: string; startsAt: Date };
  committee: { id: string; bodyId: string; name: string };
  item: { title: string; isPublic: boolean };
}
export interface ItemHitRow {
  id: string;
  title: string;
  isPublic: boolean;
  meeting: { id: string; title: string; startsAt: Date };
  committee: { id: string; bodyId: string; name: string };
}
export interface HitRows {
  item: ItemHitRow;
  measure: MeasureHitRow;
  resolution: ResolutionHitRow;
  paper: PaperHitRow;
  minutes: MinutesHitRow;
}

/** What each kind of hit needs for its visibility and description, read by id. */
const LOOKUPS: {
  [K in SearchKind]: { statement: (ids: string[]) => Statement; model: string; nested: Record<string, { model: string }> };
} = {
  measure: {
    statement: (ids) => ({
      sql: `SELECT m.id, m.code, m.title, json_object('title', p.title, 'bodyId', p.bodyId) AS plan
            FROM Measure m JOIN Plan p ON p.id = m.planId WHERE m.id IN (${placeholders(ids)})`,
      params: ids,
    }),
    model: "Measure",
    nested: { plan: { model: "Plan" } },
  },
  resolution: {
    statement: (ids) => ({
      sql: `SELECT r.id, r.committeeId, r.year, r.serial, r.isPublic, r.announcedAt, coalesce(m.startsAt, r.createdAt) AS createdAt,
              json_object('bodyId', c.bodyId, 'shortName', c.shortName, 'name', c.name) AS committee
            FROM Resolution r JOIN Committee c ON c.id = r.committeeId LEFT JOIN Meeting m ON m.id = r.meetingId
            WHERE r.id IN (${placeholders(ids)})`,
      params: ids,
    }),
    model: "Resolution",
    nested: { committee: { model: "Committee" } },
  },
  paper: {
    statement: (ids) => ({
      sql: `SELECT p.id, p.bodyId, p.year, p.serial, p.title, p.isPublic, p.createdAt,
              (SELECT json_group_array(json_object('committeeId', committeeId)) FROM Consultation WHERE paperId = p.id) AS consultations
            FROM Paper p WHERE p.deletedAt IS NULL AND p.id IN (${placeholders(ids)})`,
      params: ids,
    }),
    model: "Paper",
    nested: {},
  },
  item: {
    statement: (ids) => ({
      sql: `SELECT i.id, i.title, i.isPublic, json_object('id', m.id, 'title', m.title, 'startsAt', m.startsAt) AS meeting,
              json_object('id', c.id, 'bodyId', c.bodyId, 'name', c.name) AS committee
            FROM AgendaItem i JOIN Meeting m ON m.id = i.meetingId JOIN Committee c ON c.id = m.committeeId
            WHERE i.id IN (${placeholders(ids)})`,
      params: ids,
    }),
    model: "AgendaItem",
    nested: { meeting: { model: "Meeting" }, committee: { model: "Committee" } },
  },
  minutes: {
    statement: (ids) => ({
      sql: `SELECT n.id, json_object('state', mi.state) AS minutes,
              json_object('id', m.id, 'title', m.title, 'startsAt', m.startsAt) AS meeting,
              json_object('id', c.id, 'bodyId', c.bodyId, 'name', c.name) AS committee, json_object('title', i.title,
        'isPublic', i.isPublic) AS item
            FROM MinutesItemNote n JOIN Minutes mi ON mi.id = n.minutesId JOIN Meeting m ON m.id = mi.meetingId
            JOIN Committee c ON c.id = m.committeeId JOIN AgendaItem i ON i.id = n.itemId WHERE n.id IN (${placeholders(ids)})`,
      params: ids,
    }),
    model: "MinutesItemNote",
    nested: {
      minutes: { model: "Minutes" },
      meeting: { model: "Meeting" },
      committee: { model: "Committee" },
      item: { model: "AgendaItem" },
    },
  },
};

/** The records behind a window of hits, read together (one round trip on D1), keyed by kind and id. */
export async function findHitRecords(db: Database, hits: readonly SearchHit[]) {
  const ids = (kind: SearchKind) => [...new Set(hits.filter((h) => h.kind === kind).map((h) => h.ref_id))];
  const present = SEARCH_KINDS.filter((kind) => ids(kind).length > 0);
  const results = await db.queryAll(
    present.map((kind) => LOOKUPS[kind].statement(ids(kind))),
    { slow: true },
  );
  const records = new Map<string, HitRows[SearchKind]>();
  present.forEach((kind, index) => {
    for (const raw of results[index]!) {
      if (kind === "paper") raw.consultations = JSON.parse(raw.consultations as string);
      records.set(`${kind}:${raw.id}`, decodeRow(db.prisma, { model: LOOKUPS[kind].model, nested: LOOKUPS[kind].nested }, raw));
    }
  });
  return <K extends SearchKind>(kind: K, id: string) => records.get(`${kind}:${id}`) as HitRows[K] | undefined;
}
