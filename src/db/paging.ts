/** One page of a list: at most `limit` records after the record `cursor`. */
export interface TPageQuery {
  limit: number;
  cursor?: string | undefined;
}

/** A page of a list, in a stable order; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Prisma arguments for one page: one item more than asked tells whether another page follows. */
export function pageArgs({ limit, cursor }: TPageQuery) {
  return { take: limit + 1, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) };
}

/** Cuts the extra item off and names the cursor of the next page. */
export function toPage<T extends { id: string | number }>(rows: T[], { limit }: TPageQuery): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}
