import type { Statement } from "../db/database";
import { Problem } from "../errors";
import { paperNumber } from "../rules/papers";
import type { ServiceContext } from "./context";
import { resolutionNumber } from "./outcomes";
import * as minutesPolicy from "../policies/minutes";
import * as paperPolicy from "../policies/papers";
import type { Readership } from "../policies/readership";
import * as resolutionPolicy from "../policies/resolutions";

export const SEARCH_KINDS = ["measure", "resolution", "paper", "minutes"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

interface Hit {
  kind: SearchKind;
  ref_id: string;
  snippet: string;
  rank: number;
}

/** Candidates are read in windows, so that the work follows the page asked for, not the number of matches. */
const MAX_CANDIDATES = 500;

/**
 * Full-text search (SQLite FTS5, also on D1) over measures, resolutions, papers and minutes, ranked by
 * relevance (bm25, titles weigh five times). FTS5 orders by its `rank` column itself and computes
 * snippets only for the rows returned. Every hit passes the same visibility rules as the trace:
 * non-public resolutions and papers only for their readers, minutes only where the caller may read
 * them; when hidden hits thin a window out, the next window is read. A query FTS5 cannot parse is the
 * caller's error (400).
 */
export async function search(ctx: ServiceContext, query: string, kinds: readonly SearchKind[], limit: number) {
  const readership = await ctx.readership();
  const window = Math.min(MAX_CANDIDATES, limit * 2 + 10);
  const results: Awaited<ReturnType<typeof visibleResults>> = [];
  for (let offset = 0; offset < MAX_CANDIDATES && results.length < limit; offset += window) {
    const hits = await candidates(ctx, query, kinds, window, offset);
    results.push(...(await visibleResults(ctx, readership, hits)));
    if (hits.length < window) break;
  }
  return results.slice(0, limit);
}

async function candidates(ctx: ServiceContext, query: string, kinds: readonly SearchKind[], limit: number, offset: number) {
  try {
    return await ctx.db.prisma.$queryRawUnsafe<Hit[]>(
      `SELECT kind, ref_id, snippet(search_index, 3, '«', '»', '…', 16) AS snippet, rank
       FROM search_index WHERE search_index MATCH ? AND rank MATCH 'bm25(0.0, 0.0, 5.0, 1.0)' AND kind IN (${kinds.map(() => "?").join(", ")})
       ORDER BY rank LIMIT ? OFFSET ?`,
      query,
      ...kinds,
      limit,
      offset,
    );
  } catch (error) {
    const message = `${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? "")}`;
    if (/fts5|syntax error|no such column|unterminated|malformed MATCH/i.test(message)) {
      throw new Problem("invalid_request", "The search query is not valid: use words, \"phrases\", OR, NOT, and prefix* searches.", {
        errors: [{ field: "query.q", reason: "is not a valid search expression" }],
      });
    }
    throw error;
  }
}

const placeholders = (ids: readonly string[]) => ids.map(() => "?").join(", ");

/** What each kind of hit needs for its visibility and description, read by id. */
const LOOKUPS: Record<SearchKind, (ids: string[]) => Statement> = {
  measure: (ids) => ({
    sql: `SELECT m.id, m.code, m.title, p.title AS planTitle FROM Measure m JOIN Plan p ON p.id = m.planId WHERE m.id IN (${placeholders(ids)})`,
    params: ids,
  }),
  resolution: (ids) => ({
    sql: `SELECT r.id, r.committeeId, r.year, r.serial, r.isPublic, r.announcedAt, c.bodyId, c.shortName, c.name AS committeeName
          FROM Resolution r JOIN Committee c ON c.id = r.committeeId WHERE r.id IN (${placeholders(ids)})`,
    params: ids,
  }),
  paper: (ids) => ({
    sql: `SELECT p.id, p.bodyId, p.year, p.serial, p.title, p.isPublic, (SELECT json_group_array(committeeId) FROM Consultation WHERE paperId = p.id) AS committeeIds
          FROM Paper p WHERE p.deletedAt IS NULL AND p.id IN (${placeholders(ids)})`,
    params: ids,
  }),
  minutes: (ids) => ({
    sql: `SELECT n.id, mi.state, m.id AS meetingId, m.title AS meetingTitle, c.id AS committeeId, c.bodyId, c.name AS committeeName, i.title AS itemTitle, i.isPublic AS itemIsPublic
          FROM MinutesItemNote n JOIN Minutes mi ON mi.id = n.minutesId JOIN Meeting m ON m.id = mi.meetingId
          JOIN Committee c ON c.id = m.committeeId JOIN AgendaItem i ON i.id = n.itemId WHERE n.id IN (${placeholders(ids)})`,
    params: ids,
  }),
};

type Row = Record<string, unknown>;

/**
 * The hits the caller may see, described with title, context and address, in rank order. The records
 * behind a window of hits are read together (one round trip on D1).
 */
async function visibleResults(ctx: ServiceContext, readership: Readership, hits: Hit[]) {
  const ids = (kind: SearchKind) => [...new Set(hits.filter((h) => h.kind === kind).map((h) => h.ref_id))];
  const present = SEARCH_KINDS.filter((kind) => ids(kind).length > 0);
  const results = await ctx.db.queryAll(present.map((kind) => LOOKUPS[kind](ids(kind))));
  const byId = new Map(present.flatMap((kind, index) => results[index]!.map((row) => [`${kind}:${row.id}`, row] as const)));

  const describe = (hit: Hit) => {
    const row = byId.get(`${hit.kind}:${hit.ref_id}`) as Row | undefined;
    if (!row) return undefined;
    switch (hit.kind) {
      case "measure":
        return { title: `${row.code} ${row.title}`, context: row.planTitle as string, url: `/api/v1/measures/${row.id}/trace` };
      case "resolution": {
        const resolution = { isPublic: row.isPublic === 1, announcedAt: row.announcedAt === null ? null : new Date(row.announcedAt as string), committeeId: row.committeeId as string };
        if (!resolutionPolicy.canRead(ctx.actor, readership, resolution, { id: resolution.committeeId, bodyId: row.bodyId as string })) return undefined;
        return { title: `Beschluss ${resolutionNumber(row.shortName as string, row.year as number, row.serial as number)}`, context: row.committeeName as string, url: `/api/v1/resolutions/${row.id}` };
      }
      case "paper": {
        const paper = { isPublic: row.isPublic === 1, bodyId: row.bodyId as string, consultations: (JSON.parse(row.committeeIds as string) as string[]).map((committeeId) => ({ committeeId })) };
        if (!paperPolicy.canRead(ctx.actor, readership, paper)) return undefined;
        return { title: `Vorlage ${paperNumber(row.year as number, row.serial as number)}: ${row.title}`, context: null, url: `/api/v1/papers/${row.id}` };
      }
      case "minutes": {
        const committee = { id: row.committeeId as string, bodyId: row.bodyId as string };
        if (!minutesPolicy.canReadItemNotes(minutesPolicy.variantFor(ctx.actor, readership, committee, row.state as string), row.itemIsPublic === 1)) return undefined;
        return { title: `Niederschrift ${row.meetingTitle}: ${row.itemTitle}`, context: row.committeeName as string, url: `/api/v1/meetings/${row.meetingId}/minutes` };
      }
    }
  };
  return hits.flatMap((hit) => {
    const described = describe(hit);
    return described ? [{ kind: hit.kind, id: hit.ref_id, ...described, snippet: hit.snippet, score: -hit.rank }] : [];
  });
}
