import { z } from "@hono/zod-openapi";

/** Query parameters every list takes. The cursor is the id of the last item of the previous page. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "Items per page (1–200).", example: 50 }),
  cursor: z.string().min(1).max(100).optional().openapi({ description: "`nextCursor` of the previous page." }),
});

/** A page of a list, in a stable order. */
export const page = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .openapi(name);
