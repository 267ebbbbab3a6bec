import {
  InvalidSearchQuery,
  findHitRecords,
  numberedCandidates,
  searchCandidates,
  type SearchHit,
  type SearchTierPage,
  type SearchKind,
} from "../../db/queries/search";
import { plainExpression, searchExpressions } from "./search-query";
import { berlinDateOf } from "../../rules/calendar";
import { paperNumber } from "../../rules/papers";
import type { ServiceContext } from "../context";
import { resolutionNumber } from "../../rules/resolutions";
export { SEARCH_KINDS, type SearchKind } from "../../db/queries/search";
import * as meetingPolicy from "../../policies/meetings";
import * as minutesPolicy from "../../policies/minutes";
import * as paperPolicy from "../../policies/papers";
import type { Readership } from "../../policies/readership";
import * as resolutionPolicy from "../../policies/resolutions";

/**
 * Full-text search (SQLite FTS5, also on D1) over measures, resolutions, papers and minutes. A paper or resolution
 * number comes first ("number"); then the records that match every word, ranked by relevance ("all"); when those do
 * not fill the page, the records that match some of the words, most first ("some"). Relevance ranks within tiers
 * of the newest SEARCH_TIER matches, newest tier first: a specific search is ranked by relevance alone, a broad one
 * shows the relevant among the recent records first, and its cost does not grow with the archive. Every hit passes the same access
 * policies as the trace: non-public resolutions and papers only for their readers, minutes only where the caller may
 * read them; when hidden hits thin a window out, the next window is read. Whatever the reader types is searched: a
 * stray quote, bracket or operator is dropped, and an expression FTS5 still refuses is searched as its plain words.
 */
export async function search(ctx: ServiceContext, query: string, kinds: readonly SearchKind[], limit: number, filter: SearchFilter = {}) {
  const readership = await ctx.readership();
  const expressions = searchExpressions(query);
  const results: (Awaited<ReturnType<typeof visibleResults>>[number] & { match: SearchMatch })[] = [];
  const seen = new Set<string>();
  const add = (hits: Awaited<ReturnType<typeof visibleResults>>, match: SearchMatch) => {
    for (const hit of hits) {
      const key = `${hit.kind}:${hit.id}`;
      if (seen.has(key) || !matches(hit, filter)) continue;
      seen.add(key);
      results.push({ ...hit, match });
    }
  };
  if (expressions.number) add(await visibleResults(ctx, readership, await numberedCandidates(ctx.db, expressions.number, kinds)), "number");
  const passes = [
    [expressions.all, "all"],
    [expressions.some, "some"],
  ] as const;
  for (const [expression, match] of passes) {
    if (!expression) continue;
    // After the numbered record itself, the mentions of its number come newest first (see `newestMatches`).
    const newestFirst = expressions.number !== undefined;
    await eachCandidatePage(ctx, expression, query, kinds, Math.min(MAX_CANDIDATES, limit * 2 + 10), newestFirst, async (hits) => {
      add(await visibleResults(ctx, readership, hits), match);
      return results.length < limit;
    });
    if (results.length >= limit) break;
  }
  return results.slice(0, limit).map(({ scope: _scope, snippet, ...hit }) => ({ ...hit, snippet: plainSnippet(snippet) }));
}

/** How a hit matched: by its register number, by every word, or by some of the words. */
export type SearchMatch = "number" | "all" | "some";

/**
 * Narrows a search: to one body, to one committee (its resolutions, agenda items and minutes, and the papers on
 * its route), and to Berlin calendar dates (of the meeting; of a paper, its creation). Measures belong to no
 * committee and carry no date: a committee or date filter leaves them out.
 */
export interface SearchFilter {
  bodyId?: string;
  committeeId?: string;
  from?: string;
  to?: string;
}

function matches(hit: { scope: HitScope }, filter: SearchFilter): boolean {
  const { bodyId, committeeIds, date } = hit.scope;
  if (filter.bodyId && bodyId !== filter.bodyId) return false;
  if (filter.committeeId && !committeeIds.includes(filter.committeeId)) return false;
  if (filter.from || filter.to) {
    if (!date) return false;
    const day = berlinDateOf(date);
    if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) return false;
  }
  return true;
}

/** Where a hit belongs, for the filters. */
interface HitScope {
  bodyId: string;
  committeeIds: string[];
  date: Date | null;
}

/** Candidates are read in pages of tiers, so that the work follows the page asked for, not the number of matches. */
const MAX_CANDIDATES = 500;

/**
 * Hands the candidates of an expression to `take` page by page, tier by tier, newest tier first, until `take` says
 * it has enough, the matches run out, or MAX_CANDIDATES were read (hidden and filtered hits thin pages out).
 */
async function eachCandidatePage(
  ctx: ServiceContext,
  expression: string,
  query: string,
  kinds: readonly SearchKind[],
  size: number,
  newestFirst: boolean,
  take: (hits: SearchHit[]) => Promise<boolean>,
) {
  let read = 0;
  for (let below: number | undefined; ; ) {
    let older: number | undefined;
    for (let offset = 0; ; offset += size) {
      const page = await candidates(ctx, expression, query, kinds, { below, limit: size, offset, newestFirst });
      if (offset === 0) older = page.older;
      read += page.hits.length;
      if (!(await take(page.hits)) || read >= MAX_CANDIDATES) return;
      if (page.hits.length < size) break;
    }
    if (older === undefined) return;
    below = older;
  }
}

async function candidates(
  ctx: ServiceContext,
  expression: string,
  query: string,
  kinds: readonly SearchKind[],
  page: Parameters<typeof searchCandidates>[3],
): Promise<SearchTierPage> {
  try {
    return await searchCandidates(ctx.db, expression, kinds, page);
  } catch (error) {
    if (!(error instanceof InvalidSearchQuery)) throw error;
    const plain = plainExpression(query);
    return plain && plain !== expression ? searchCandidates(ctx.db, plain, kinds, page) : { hits: [] };
  }
}

/**
 * A snippet as text: the Markdown the secretariat wrote (emphasis, headings, links, quotes, code) is left out, so the
 * reader sees words, not asterisks. The match marks «…» stay.
 */
export function plainSnippet(snippet: string): string {
  return snippet
    .replace(/!?\[([^\]]*)\]\([^)]*\)?/g, "$1")
    .replace(/(\*\*|__|\*|`|~~)/g, "")
    .replace(/(^|\n)\s{0,3}(#{1,6}|>|[-+] )\s*/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The hits the caller may see, described with title, context and address, in rank order. */
async function visibleResults(ctx: ServiceContext, readership: Readership, hits: SearchHit[]) {
  const record = await findHitRecords(ctx.db, hits);
  const describe = (hit: SearchHit) => {
    switch (hit.kind) {
      case "measure": {
        const row = record("measure", hit.ref_id);
        return (
          row && {
            title: `${row.code} ${row.title}`,
            context: row.plan.title,
            url: `/api/v1/measures/${row.id}/trace`,
            scope: { bodyId: row.plan.bodyId, committeeIds: [], date: null },
          }
        );
      }
      case "resolution": {
        const row = record("resolution", hit.ref_id);
        if (!row || !resolutionPolicy.canRead(ctx.actor, readership, row, { id: row.committeeId, bodyId: row.committee.bodyId }))
          return undefined;
        return {
          title: `Beschluss ${resolutionNumber(row.committee.shortName, row.year, row.serial)}`,
          context: row.committee.name,
          url: `/api/v1/resolutions/${row.id}`,
          scope: { bodyId: row.committee.bodyId, committeeIds: [row.committeeId], date: row.createdAt },
        };
      }
      case "paper": {
        const row = record("paper", hit.ref_id);
        if (!row || !paperPolicy.canRead(ctx.actor, readership, row)) return undefined;
        return {
          title: `Vorlage ${paperNumber(row.year, row.serial)}: ${row.title}`,
          context: null,
          url: `/api/v1/papers/${row.id}`,
          scope: { bodyId: row.bodyId, committeeIds: row.consultations.map((c) => c.committeeId), date: row.createdAt },
        };
      }
      case "item": {
        const row = record("item", hit.ref_id);
        if (!row || !meetingPolicy.canReadItem(ctx.actor, readership, row, row.committee)) return undefined;
        return {
          title: `Tagesordnungspunkt: ${row.title}`,
          context: `${row.committee.name}, ${row.meeting.title}`,
          url: `/api/v1/meetings/${row.meeting.id}/agenda`,
          scope: { bodyId: row.committee.bodyId, committeeIds: [row.committee.id], date: row.meeting.startsAt },
        };
      }
      case "minutes": {
        const row = record("minutes", hit.ref_id);
        if (
          !row ||
          !minutesPolicy.canReadItemNotes(
            minutesPolicy.variantFor(ctx.actor, readership, row.committee, row.minutes.state),
            row.item.isPublic,
          )
        )
          return undefined;
        return {
          title: `Niederschrift ${row.meeting.title}: ${row.item.title}`,
          context: row.committee.name,
          url: `/api/v1/meetings/${row.meeting.id}/minutes`,
          scope: { bodyId: row.committee.bodyId, committeeIds: [row.committee.id], date: row.meeting.startsAt },
        };
      }
    }
  };
  return hits.flatMap((hit) => {
    const described = describe(hit);
    return described ? [{ kind: hit.kind, id: hit.ref_id, ...described, snippet: hit.snippet, score: -hit.rank }] : [];
  });
}
