import { z } from "@hono/zod-openapi";

/** Query parameters every list takes. The cursor is the id of the last item of the previous page. */
export const ZPageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ description: "Items per page (1–200).", example: 50 }),
  cursor: z.string().min(1).max(100).optional().openapi({ description: "`nextCursor` of the previous page." }),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

/** A page of a list, in a stable order. */
export const page = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .openapi(name);

/** Prisma arguments for one page: one item more than asked tells whether another page follows. */
export function pageArgs({ limit, cursor }: TPageQuery) {
  return { take: limit + 1, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) };
}

/** Cuts the extra item off and names the cursor of the next page. */
export function toPage<T extends { id: string | number }>(rows: T[], { limit }: TPageQuery): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}
