import { z } from "@hono/zod-openapi";
import { serviceContext } from "../http/context";
import { ZIfMatchHeader, createRouter, defineRoute, jsonBody, recordResponse } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { PAGE_KEYS } from "../documents/page-texts";
import { ZId } from "../schemas/common";
import { getBodyPage, setBodyPage } from "../services/people/body-pages";

const tags = ["Portal"];
const ZParams = z.object({ id: ZId, key: z.enum(PAGE_KEYS) });

const ZBodyPage = z
  .object({
    bodyId: z.string(),
    key: z.enum(PAGE_KEYS),
    markdown: z.string(),
    isDefault: z.boolean().openapi({ description: "Gremium's default text, naming the body (version 0)." }),
    version: z.number().int(),
    updatedAt: z.string().nullable(),
  })
  .openapi("BodyPage");

const view = (page: Awaited<ReturnType<typeof getBodyPage>>) => ({ ...page, updatedAt: page.updatedAt?.toISOString() ?? null });

const routes = {
  get: defineRoute("public", {
    method: "get",
    path: "/bodies/{id}/pages/{key}",
    tags,
    summary: "The text of a portal page of the body: accessibility statement, Leichte Sprache, sign language, imprint, privacy",
    request: { params: ZParams },
    responses: { 200: recordResponse(ZBodyPage, "The body's text, or the default (version 0)") },
  }),
  set: defineRoute("secretariat", {
    method: "put",
    path: "/bodies/{id}/pages/{key}",
    tags,
    summary: 'Set the body\'s own text of a portal page (Markdown; If-Match "0" the first time); null restores the default',
    request: {
      params: ZParams,
      headers: ZIfMatchHeader,
      body: jsonBody(z.object({ markdown: z.string().trim().min(1).max(50_000).nullable() }).strict()),
    },
    responses: { 200: recordResponse(ZBodyPage, "The page's text now") },
  }),
};

export const bodyPagesRouter = createRouter()
  .openapi(routes.get, async (c) => {
    const { id, key } = c.req.valid("param");
    return c.json(withEtag(c, view(await getBodyPage(serviceContext(c), id, key))), 200);
  })
  .openapi(routes.set, async (c) => {
    const { id, key } = c.req.valid("param");
    const page = await setBodyPage(serviceContext(c), id, key, requiredVersion(c), c.req.valid("json").markdown);
    return c.json(withEtag(c, view(page)), 200);
  });
