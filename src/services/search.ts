import { Problem } from "../http/problem";
import { paperNumber } from "../rules/papers";
import type { ServiceContext } from "./context";
import { resolutionNumber } from "./outcomes";
import { resolutionVisible } from "./resolutions";
import { paperReadable } from "./papers";
import { minutesItemReadable, minutesVariantFor, readershipOf, type Readership } from "./visibility";

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
  const readership = await readershipOf(ctx);
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

/** The hits the caller may see, described with title, context and address, in rank order. */
async function visibleResults(ctx: ServiceContext, readership: Readership, hits: Hit[]) {
  const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.ref_id);
  const [measures, resolutions, papers, notes] = await Promise.all([
    ctx.db.prisma.measure.findMany({ where: { id: { in: ids("measure") } }, include: { plan: { select: { title: true } } } }),
    ctx.db.prisma.resolution.findMany({ where: { id: { in: ids("resolution") } } }),
    ctx.db.prisma.paper.findMany({ where: { id: { in: ids("paper") }, deletedAt: null }, include: { consultations: { select: { committeeId: true } } } }),
    ctx.db.prisma.minutesItemNote.findMany({ where: { id: { in: ids("minutes") } }, include: { minutes: { include: { meeting: true } } } }),
  ]);
  const [committees, items] = await Promise.all([
    ctx.db.prisma.committee.findMany({ where: { id: { in: [...new Set([...resolutions.map((r) => r.committeeId), ...notes.map((n) => n.minutes.meeting.committeeId)])] } } }),
    ctx.db.prisma.agendaItem.findMany({ where: { id: { in: notes.map((n) => n.itemId) } }, select: { id: true, title: true, isPublic: true } }),
  ]);
  const committeeById = new Map(committees.map((c) => [c.id, c]));

  const describe = (hit: Hit) => {
    switch (hit.kind) {
      case "measure": {
        const m = measures.find((x) => x.id === hit.ref_id);
        return m && { title: `${m.code} ${m.title}`, context: m.plan.title, url: `/api/v1/measures/${m.id}/trace` };
      }
      case "resolution": {
        const r = resolutions.find((x) => x.id === hit.ref_id);
        const c = r && committeeById.get(r.committeeId);
        return r && c && resolutionVisible(ctx, readership, r, c.bodyId) ? { title: `Beschluss ${resolutionNumber(c.shortName, r.year, r.serial)}`, context: c.name, url: `/api/v1/resolutions/${r.id}` } : undefined;
      }
      case "paper": {
        const p = papers.find((x) => x.id === hit.ref_id);
        const readable = p && paperReadable(ctx, readership, p);
        return readable ? { title: `Vorlage ${paperNumber(p.year, p.serial)}: ${p.title}`, context: null, url: `/api/v1/papers/${p.id}` } : undefined;
      }
      case "minutes": {
        const n = notes.find((x) => x.id === hit.ref_id);
        if (!n) return undefined;
        const meeting = n.minutes.meeting;
        const c = committeeById.get(meeting.committeeId)!;
        const item = items.find((i) => i.id === n.itemId);
        const readable = item !== undefined && minutesItemReadable(minutesVariantFor(ctx, readership, c, n.minutes.state), item.isPublic);
        return readable ? { title: `Niederschrift ${meeting.title}: ${item.title}`, context: c.name, url: `/api/v1/meetings/${meeting.id}/minutes` } : undefined;
      }
    }
  };
  return hits.flatMap((hit) => {
    const described = describe(hit);
    return described ? [{ kind: hit.kind, id: hit.ref_id, ...described, snippet: hit.snippet, score: -hit.rank }] : [];
  });
}
