import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { serviceContext, type AppEnv } from "../http/context";
import { ZIdParam, ZIfMatchHeader, createRouter, defineRoute, jsonBody, jsonResponse, recordResponse } from "../http/openapi";
import { Problem } from "../errors";
import { requiredVersion, withEtag } from "../http/versioning";
import { MEASURE_STATUSES } from "../rules/plan";
import { ZId } from "../schemas/common";
import { ZActionFieldCreate, ZLinkCreate, ZMeasure, ZMeasureInput, ZMeasureUpdate, ZPlanCreate } from "../schemas/plans";
import { exportMeasuresCsv, importMeasures } from "../services/measure-catalogue";
import { addActionField, createMeasure, createPlan, getMeasure, getPlan, listMeasures, listPlans, measureHistory, toMeasureView, updateMeasure } from "../services/plans";
import { SEARCH_KINDS, search } from "../services/search";
import { linkResolutionToMeasure, measureTrace, planOverview, resolutionMeasures } from "../services/trace";

export const tags = ["Integration plan"];
export const loose = (name: string) => z.object({}).passthrough().openapi(name);

type PlanRow = Awaited<ReturnType<typeof getPlan>>;
export const toPlanView = (plan: PlanRow) => ({
  id: plan.id,
  version: plan.version,
  bodyId: plan.bodyId,
  title: plan.title,
  adoptedOn: plan.adoptedOn,
  adoptedByResolutionId: plan.adoptedByResolutionId,
  description: plan.description,
  actionFields: plan.actionFields.map((f) => ({ number: f.number, title: f.title })),
  updates: plan.updates.map((u) => ({ date: u.date, resolutionId: u.resolutionId, note: u.note })),
});
export const ZPlan = z
  .object({
    id: z.string(),
    version: z.number().int(),
    bodyId: z.string(),
    title: z.string(),
    adoptedOn: z.string().nullable(),
    adoptedByResolutionId: z.string().nullable(),
    description: z.string().nullable(),
    actionFields: z.array(z.object({ number: z.number().int(), title: z.string() })),
    updates: z.array(z.object({ date: z.string(), resolutionId: z.string().nullable(), note: z.string().nullable() })),
  })
  .openapi("Plan");

const routes = {
  plans: defineRoute("public", { method: "get", path: "/plans", tags, summary: "List plans", request: { query: z.object({ bodyId: ZId.optional() }) }, responses: { 200: jsonResponse(z.object({ items: z.array(ZPlan) }), "Plans") } }),
  createPlan: defineRoute("secretariat", { method: "post", path: "/plans", tags, summary: "Create a plan", request: { body: jsonBody(ZPlanCreate) }, responses: { 201: recordResponse(ZPlan, "Created") } }),
  plan: defineRoute("public", { method: "get", path: "/plans/{id}", tags, summary: "A plan with its action fields", request: { params: ZIdParam }, responses: { 200: recordResponse(ZPlan, "The plan") } }),
  addField: defineRoute("secretariat", { method: "post", path: "/plans/{id}/action-fields", tags, summary: "Add an action field", request: { params: ZIdParam, body: jsonBody(ZActionFieldCreate) }, responses: { 201: recordResponse(ZPlan, "The plan") } }),
  measures: defineRoute("public", {
    method: "get",
    path: "/plans/{id}/measures",
    tags,
    summary: "The measures of a plan, in code order",
    request: { params: ZIdParam, query: z.object({ actionField: z.coerce.number().int().optional(), status: z.enum(MEASURE_STATUSES).optional() }) },
    responses: { 200: jsonResponse(z.object({ items: z.array(ZMeasure) }), "Measures") },
  }),
  createMeasure: defineRoute("secretariat", { method: "post", path: "/plans/{id}/measures", tags, summary: "Add a measure", request: { params: ZIdParam, body: jsonBody(ZMeasureInput) }, responses: { 201: recordResponse(ZMeasure, "Created") } }),
  import: defineRoute("secretariat", {
    method: "post",
    path: "/plans/{id}/measures/import",
    tags,
    summary: "Import a measure catalogue (CSV or JSON), all or nothing; re-importing changes nothing, an updated file updates by code",
    request: {
      params: ZIdParam,
      body: { required: true, content: { "text/csv": { schema: { type: "string" as const } }, "application/json": { schema: { type: "array" as const, items: { type: "object" as const } } } } },
    },
    responses: { 200: jsonResponse(z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }), "Imported") },
  }),
  export: defineRoute("public", {
    method: "get",
    path: "/plans/{id}/measures.csv",
    tags,
    summary: "The catalogue as CSV, in the import's columns",
    request: { params: ZIdParam },
    responses: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" as const } } } } },
  }),
  overview: defineRoute("public", {
    method: "get",
    path: "/plans/{id}/overview",
    tags,
    summary: "Measures per status and action field, and measures without activity for N months",
    request: { params: ZIdParam, query: z.object({ staleMonths: z.coerce.number().int().min(1).max(120).default(12) }) },
    responses: { 200: jsonResponse(loose("PlanOverview"), "Overview") },
  }),
  measure: defineRoute("public", { method: "get", path: "/measures/{id}", tags, summary: "A measure", request: { params: ZIdParam }, responses: { 200: recordResponse(ZMeasure, "The measure") } }),
  updateMeasure: defineRoute("secretariat", {
    method: "patch",
    path: "/measures/{id}",
    tags,
    summary: "Change a measure; status and progress changes enter its history with reason and resolution",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZMeasureUpdate) },
    responses: { 200: recordResponse(ZMeasure, "Changed") },
  }),
  history: defineRoute("public", { method: "get", path: "/measures/{id}/history", tags, summary: "Every status and progress change", request: { params: ZIdParam }, responses: { 200: jsonResponse(loose("MeasureHistory"), "History") } }),
  trace: defineRoute("public", {
    method: "get",
    path: "/measures/{id}/trace",
    tags,
    summary: "The resolutions that started, changed or reported on a measure, in time order (as far as the caller may see them)",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(loose("MeasureTrace"), "The trace") },
  }),
  link: defineRoute("secretariat", {
    method: "post",
    path: "/resolutions/{id}/measures",
    tags,
    summary: "Link a resolution to a measure; a status change it causes is written with it",
    request: { params: ZIdParam, body: jsonBody(ZLinkCreate) },
    responses: { 201: jsonResponse(loose("ResolutionMeasures"), "The resolution's measures") },
  }),
  links: defineRoute("public", { method: "get", path: "/resolutions/{id}/measures", tags, summary: "The measures a resolution concerns", request: { params: ZIdParam }, responses: { 200: jsonResponse(loose("ResolutionMeasures"), "Measures") } }),
  search: defineRoute("public", {
    method: "get",
    path: "/search",
    tags: ["Search"],
    summary: "Full-text search over measures, resolutions, papers and minutes, ranked by relevance",
    request: {
      query: z.object({
        q: z.string().trim().min(1).max(200).openapi({ example: "Sprachkurs*" }),
        kind: z.enum(SEARCH_KINDS).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }),
    },
    responses: { 200: jsonResponse(loose("SearchResults"), "Hits, best first") },
  }),
};

async function importBody(c: Context<AppEnv>): Promise<{ format: "csv" | "json"; text: string }> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const format = type === "text/csv" ? "csv" : type === "application/json" ? "json" : null;
  if (!format) throw new Problem("unsupported_media_type", "Send the catalogue as text/csv or application/json.");
  return { format, text: await c.req.text() };
}

export const plansRouter = createRouter()
  .openapi(routes.plans, async (c) => c.json({ items: (await listPlans(serviceContext(c), c.req.valid("query").bodyId)).map(toPlanView) }, 200))
  .openapi(routes.createPlan, async (c) => c.json(withEtag(c, toPlanView(await createPlan(serviceContext(c), c.req.valid("json")))), 201))
  .openapi(routes.plan, async (c) => c.json(withEtag(c, toPlanView(await getPlan(serviceContext(c), c.req.valid("param").id))), 200))
  .openapi(routes.addField, async (c) => c.json(withEtag(c, toPlanView(await addActionField(serviceContext(c), c.req.valid("param").id, c.req.valid("json")))), 201))
  .openapi(routes.measures, async (c) => c.json({ items: (await listMeasures(serviceContext(c), c.req.valid("param").id, c.req.valid("query"))).map(toMeasureView) }, 200))
  .openapi(routes.createMeasure, async (c) => c.json(withEtag(c, toMeasureView(await createMeasure(serviceContext(c), c.req.valid("param").id, c.req.valid("json")))), 201))
  .openapi(routes.import, async (c) => {
    const { format, text } = await importBody(c);
    return c.json(await importMeasures(serviceContext(c), c.req.valid("param").id, format, text), 200);
  })
  .openapi(routes.export, async (c) =>
    c.body(await exportMeasuresCsv(serviceContext(c), c.req.valid("param").id), 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="massnahmen.csv"' }),
  )
  .openapi(routes.overview, async (c) => c.json(await planOverview(serviceContext(c), c.req.valid("param").id, c.req.valid("query").staleMonths), 200))
  .openapi(routes.measure, async (c) => c.json(withEtag(c, toMeasureView(await getMeasure(serviceContext(c), c.req.valid("param").id))), 200))
  .openapi(routes.updateMeasure, async (c) => {
    const measure = await updateMeasure(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toMeasureView(measure)), 200);
  })
  .openapi(routes.history, async (c) => {
    const history = await measureHistory(serviceContext(c), c.req.valid("param").id);
    return c.json({ items: history.map((h) => ({ ...h, at: h.at.toISOString() })) }, 200);
  })
  .openapi(routes.trace, async (c) => {
    const { measure, planTitle, trace } = await measureTrace(serviceContext(c), c.req.valid("param").id);
    return c.json({ measure: toMeasureView(measure), planTitle, trace }, 200);
  })
  .openapi(routes.link, async (c) => c.json(await linkResolutionToMeasure(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 201))
  .openapi(routes.links, async (c) => c.json(await resolutionMeasures(serviceContext(c), c.req.valid("param").id), 200))
  .openapi(routes.search, async (c) => {
    const { q, kind, limit } = c.req.valid("query");
    return c.json({ query: q, items: await search(serviceContext(c), q, kind ? [kind] : SEARCH_KINDS, limit) }, 200);
  });
