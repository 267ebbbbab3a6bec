import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { Problem } from "../errors";
import { serviceContext, type AppEnv } from "../http/context";
import { ZIdParam, createRouter, defineRoute, jsonBody, jsonResponse, recordResponse } from "../http/openapi";
import { withEtag } from "../http/versioning";
import { MEASURE_STATUSES } from "../rules/plan";
import { ZId } from "../schemas/common";
import {
  ZActionFieldCreate,
  ZMeasure,
  ZMeasureInput,
  ZPlan,
  ZPlanCreate,
  ZPlanOverview,
  toMeasureView,
  toPlanView,
} from "../schemas/plans";
import { exportMeasuresCsv, importMeasures } from "../services/plan/measure-catalogue";
import { addActionField, createMeasure, createPlan, getPlan, listMeasures, listPlans } from "../services/plan/plans";
import { planOverview } from "../services/plan/trace";

export const tags = ["Integration plan"];

const routes = {
  plans: defineRoute("public", {
    method: "get",
    path: "/plans",
    tags,
    summary: "List plans",
    request: { query: z.object({ bodyId: ZId.optional() }) },
    responses: { 200: jsonResponse(z.object({ items: z.array(ZPlan) }), "Plans") },
  }),
  createPlan: defineRoute("secretariat", {
    method: "post",
    path: "/plans",
    tags,
    summary: "Create a plan",
    request: { body: jsonBody(ZPlanCreate) },
    responses: { 201: recordResponse(ZPlan, "Created") },
  }),
  plan: defineRoute("public", {
    method: "get",
    path: "/plans/{id}",
    tags,
    summary: "A plan with its action fields",
    request: { params: ZIdParam },
    responses: { 200: recordResponse(ZPlan, "The plan") },
  }),
  addField: defineRoute("secretariat", {
    method: "post",
    path: "/plans/{id}/action-fields",
    tags,
    summary: "Add an action field",
    request: { params: ZIdParam, body: jsonBody(ZActionFieldCreate) },
    responses: { 201: recordResponse(ZPlan, "The plan") },
  }),
  measures: defineRoute("public", {
    method: "get",
    path: "/plans/{id}/measures",
    tags,
    summary: "The measures of a plan, in code order",
    request: {
      params: ZIdParam,
      query: z.object({ actionField: z.coerce.number().int().optional(), status: z.enum(MEASURE_STATUSES).optional() }),
    },
    responses: { 200: jsonResponse(z.object({ items: z.array(ZMeasure) }), "Measures") },
  }),
  createMeasure: defineRoute("secretariat", {
    method: "post",
    path: "/plans/{id}/measures",
    tags,
    summary: "Add a measure",
    request: { params: ZIdParam, body: jsonBody(ZMeasureInput) },
    responses: { 201: recordResponse(ZMeasure, "Created") },
  }),
  import: defineRoute("secretariat", {
    method: "post",
    path: "/plans/{id}/measures/import",
    tags,
    summary: "Import a measure catalogue (CSV or JSON), all or nothing; re-importing changes nothing, an updated file updates by code",
    request: {
      params: ZIdParam,
      body: {
        required: true,
        content: {
          "text/csv": { schema: { type: "string" as const } },
          "application/json": { schema: { type: "array" as const, items: { type: "object" as const } } },
        },
      },
    },
    responses: {
      200: jsonResponse(z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }), "Imported"),
    },
  }),
  export: defineRoute("public", {
    method: "get",
    path: "/plans/{id}/measures.csv",
    tags,
    summary: "The catalogue as CSV, in the import's columns; format=excel for German Excel (UTF-8 with BOM, semicolons)",
    request: { params: ZIdParam, query: z.object({ format: z.enum(["csv", "excel"]).default("csv") }) },
    responses: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" as const } } } } },
  }),
  overview: defineRoute("public", {
    method: "get",
    path: "/plans/{id}/overview",
    tags,
    summary: "Measures per status and action field, and measures without activity for N months",
    request: { params: ZIdParam, query: z.object({ staleMonths: z.coerce.number().int().min(1).max(120).default(12) }) },
    responses: { 200: jsonResponse(ZPlanOverview, "Overview") },
  }),
};

async function importBody(c: Context<AppEnv>): Promise<{ format: "csv" | "json"; text: string }> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const format = type === "text/csv" ? "csv" : type === "application/json" ? "json" : null;
  if (!format) throw new Problem("unsupported_media_type", "Bitte den Katalog als text/csv oder application/json senden.");
  return { format, text: await c.req.text() };
}

export const plansRouter = createRouter()
  .openapi(routes.plans, async (c) =>
    c.json({ items: (await listPlans(serviceContext(c), c.req.valid("query").bodyId)).map(toPlanView) }, 200),
  )
  .openapi(routes.createPlan, async (c) => c.json(withEtag(c, toPlanView(await createPlan(serviceContext(c), c.req.valid("json")))), 201))
  .openapi(routes.plan, async (c) => c.json(withEtag(c, toPlanView(await getPlan(serviceContext(c), c.req.valid("param").id))), 200))
  .openapi(routes.addField, async (c) => {
    const plan = await addActionField(serviceContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(withEtag(c, toPlanView(plan)), 201);
  })
  .openapi(routes.measures, async (c) => {
    const measures = await listMeasures(serviceContext(c), c.req.valid("param").id, c.req.valid("query"));
    return c.json({ items: measures.map(toMeasureView) }, 200);
  })
  .openapi(routes.createMeasure, async (c) => {
    const measure = await createMeasure(serviceContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(withEtag(c, toMeasureView(measure)), 201);
  })
  .openapi(routes.import, async (c) => {
    const { format, text } = await importBody(c);
    return c.json(await importMeasures(serviceContext(c), c.req.valid("param").id, format, text), 200);
  })
  .openapi(routes.export, async (c) =>
    c.body(await exportMeasuresCsv(serviceContext(c), c.req.valid("param").id, c.req.valid("query").format), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="massnahmen.csv"',
    }),
  )
  .openapi(routes.overview, async (c) =>
    c.json(await planOverview(serviceContext(c), c.req.valid("param").id, c.req.valid("query").staleMonths), 200),
  );
