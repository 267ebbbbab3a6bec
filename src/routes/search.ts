import { z } from "@hono/zod-openapi";
import { serviceContext } from "../http/context";
import { createRouter, defineRoute, jsonResponse } from "../http/openapi";
import { ZCalendarDate, ZId } from "../schemas/common";
import { ZSearchResults } from "../schemas/search";
import { SEARCH_KINDS, search } from "../services/search/search";

const route = defineRoute("public", {
  method: "get",
  path: "/search",
  tags: ["Search"],
  summary: "Full-text search over measures, resolutions, papers, minutes and agenda items, ranked by relevance",
  request: {
    query: z.object({
      q: z.string().trim().min(1).max(200).openapi({ example: "Sprachkurs*" }),
      kind: z.enum(SEARCH_KINDS).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      bodyId: ZId.optional(),
      committeeId: ZId.optional().openapi({ description: "Its resolutions, agenda items and minutes, and the papers on its route." }),
      from: ZCalendarDate.optional().openapi({ description: "From this Berlin date (of the meeting; of a paper, its creation)." }),
      to: ZCalendarDate.optional().openapi({ description: "Up to and including this Berlin date." }),
    }),
  },
  responses: { 200: jsonResponse(ZSearchResults, "Hits, best first") },
});

export const searchRouter = createRouter().openapi(route, async (c) => {
  const { q, kind, limit, ...filter } = c.req.valid("query");
  return c.json({ query: q, items: await search(serviceContext(c), q, kind ? [kind] : SEARCH_KINDS, limit, filter) }, 200);
});
