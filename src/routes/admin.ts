import { z } from "@hono/zod-openapi";
import { loadDemoData } from "../demo/load-demo-data";
import type { AuditEntryModel } from "../generated/prisma-node/models";
import { serviceContext } from "../http/context";
import { Problem } from "../errors";
import { ZIdParam, createRouter, defineRoute, jsonBody, jsonResponse } from "../http/openapi";
import { ZPageQuery, page } from "../http/pagination";
import { ZApiToken, ZApiTokenCreate, ZApiTokenCreated, toApiTokenView } from "../schemas/tokens";
import { listAuditEntries } from "../services/accounts/audit-log";
import { createToken, listTokens, revokeToken } from "../services/accounts/tokens";

const ZAuditEntry = z
  .object({
    id: z.number().int().openapi({ description: "Grows with every write." }),
    at: z.string().openapi({ format: "date-time" }),
    actorId: z.string().nullable().openapi({ description: "The token that wrote; null for ADMIN_TOKEN." }),
    actorName: z.string(),
    action: z.string().openapi({ example: "update" }),
    entityType: z.string().openapi({ example: "Person" }),
    entityId: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .openapi("AuditEntry");

const toAuditView = (entry: AuditEntryModel) => ({
  ...entry,
  at: entry.at.toISOString(),
  before: entry.before === null ? null : (JSON.parse(entry.before) as unknown),
  after: entry.after === null ? null : (JSON.parse(entry.after) as unknown),
});

const createTokenRoute = defineRoute("admin", {
  method: "post",
  path: "/tokens",
  tags: ["Administration"],
  summary: "Mint an API token (the secret is shown once)",
  request: { body: jsonBody(ZApiTokenCreate) },
  responses: { 201: jsonResponse(ZApiTokenCreated, "The token with its secret") },
});

const listTokensRoute = defineRoute("admin", {
  method: "get",
  path: "/tokens",
  tags: ["Administration"],
  summary: "List API tokens (without secrets)",
  request: { query: ZPageQuery },
  responses: { 200: jsonResponse(page(ZApiToken, "ApiTokenPage"), "A page of tokens") },
});

const revokeTokenRoute = defineRoute("admin", {
  method: "delete",
  path: "/tokens/{id}",
  tags: ["Administration"],
  summary: "Revoke an API token",
  request: { params: ZIdParam },
  responses: { 204: { description: "Revoked" } },
});

const auditRoute = defineRoute("admin", {
  method: "get",
  path: "/audit-log",
  tags: ["Administration"],
  summary: "Every write: who, when, what, before and after",
  request: {
    query: ZPageQuery.extend({
      entityType: z.string().max(50).optional().openapi({ example: "Person" }),
      entityId: z.string().max(64).optional(),
      since: z.iso.datetime({ offset: true }).optional(),
    }),
  },
  responses: { 200: jsonResponse(page(ZAuditEntry, "AuditEntryPage"), "A page of audit entries, newest first") },
});

const demoRoute = defineRoute("admin", {
  method: "post",
  path: "/demo-data",
  tags: ["Administration"],
  summary: "Load the demo municipality into an empty database",
  responses: {
    201: jsonResponse(
      z.object({
        bodyId: z.string(),
        committees: z.number().int(),
        people: z.number().int(),
        memberships: z.number().int(),
        meetings: z.number().int(),
        papers: z.number().int(),
        measures: z.number().int(),
        integrationReport: z.number().int().openapi({ description: "The year of the demo's integration report" }),
      }),
      "Loaded",
    ),
  },
});

export const adminRouter = createRouter()
  .openapi(createTokenRoute, async (c) => {
    const { secret, token } = await createToken(serviceContext(c), c.req.valid("json"));
    return c.json({ ...toApiTokenView(token), token: secret }, 201);
  })
  .openapi(listTokensRoute, async (c) => {
    const result = await listTokens(serviceContext(c), c.req.valid("query"));
    return c.json({ items: result.items.map(toApiTokenView), nextCursor: result.nextCursor }, 200);
  })
  .openapi(revokeTokenRoute, async (c) => {
    await revokeToken(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(auditRoute, async (c) => {
    const result = await listAuditEntries(serviceContext(c), c.req.valid("query"));
    return c.json({ items: result.items.map(toAuditView), nextCursor: result.nextCursor }, 200);
  })
  .openapi(demoRoute, async (c) => {
    const ctx = serviceContext(c);
    const loaded = await loadDemoData(ctx.db, c.get("deps").attachments, ctx.now, ctx.actor);
    if (!loaded) throw new Problem("conflict", "Die Datenbank enthält schon Daten; Demodaten kommen nur in eine leere.");
    return c.json(loaded, 201);
  });
