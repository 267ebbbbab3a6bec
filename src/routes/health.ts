import { pingDatabase } from "../db/queries/health";
import { z } from "@hono/zod-openapi";
import { createRouter, defineRoute, jsonResponse } from "../http/openapi";

const ZHealth = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    database: z.object({ status: z.enum(["ok", "unavailable"]), latencyMs: z.number() }),
  })
  .openapi("Health");

const health = defineRoute("public", {
  method: "get",
  path: "/health",
  tags: ["Service"],
  summary: "Service and database status",
  responses: { 200: jsonResponse(ZHealth, "Healthy"), 503: jsonResponse(ZHealth, "The database does not answer") },
});

export const healthRouter = createRouter().openapi(health, async (c) => {
  const { db, version } = c.get("deps");
  const started = Date.now();
  let ok = true;
  try {
    await pingDatabase(db);
  } catch (error) {
    ok = false;
    console.error("Health check: database unavailable", error);
  }
  const body = {
    status: ok ? ("ok" as const) : ("degraded" as const),
    version,
    database: { status: ok ? ("ok" as const) : ("unavailable" as const), latencyMs: Date.now() - started },
  };
  return ok ? c.json(body, 200) : c.json(body, 503);
});
