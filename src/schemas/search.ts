import { z } from "@hono/zod-openapi";
import { SEARCH_KINDS } from "../db/queries/search";

export const ZSearchResults = z
  .object({
    query: z.string(),
    items: z.array(
      z.object({
        kind: z.enum(SEARCH_KINDS),
        id: z.string(),
        title: z.string(),
        context: z.string().nullable(),
        url: z.string(),
        snippet: z.string().openapi({ description: "The matching passage as plain text; matches are marked «…»." }),
        score: z.number(),
        match: z.enum(["number", "all", "some"]).openapi({
          description: "How it matched: by its paper or resolution number (first), by every word, or by some of the words (last).",
        }),
      }),
    ),
  })
  .openapi("SearchResults");
