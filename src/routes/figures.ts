import { z } from "@hono/zod-openapi";
import { Problem } from "../errors";
import { documentDeps, serviceContext } from "../http/context";
import { sendPdf } from "../http/conditional";
import {
  ZIdParam,
  ZIfMatchHeader,
  ZOptionalIfMatchHeader,
  createRouter,
  defineRoute,
  jsonBody,
  jsonResponse,
  recordResponse,
} from "../http/openapi";
import { optionalVersion, requiredVersion, withEtag } from "../http/versioning";
import { FIGURE_KINDS } from "../rules/figures";
import {
  ZFigure,
  ZFigureCreate,
  ZFigureUpdate,
  ZFigureValue,
  ZFigureValueInput,
  ZReport,
  ZReportInput,
  toFigureView,
} from "../schemas/figures";
import { integrationReportPdf } from "../services/documents/documents";
import {
  createFigure,
  exportFigureValuesCsv,
  getFigure,
  importFigureValues,
  listFigures,
  recordValue,
  updateFigure,
} from "../services/plan/figures";
import { integrationReport, reportYears, saveReport } from "../services/plan/integration-report";

const tags = ["Figures and integration report"];
const ZYear = z.coerce.number({ error: "muss ein Jahr sein" }).int("muss ein Jahr sein").min(1900).max(2200);
const ZBodyYear = z.object({ id: z.string(), year: ZYear });

const ZReportSummary = z.object({ years: z.array(z.number().int()) });
const routes = {
  list: defineRoute("public", {
    method: "get",
    path: "/bodies/{id}/figures",
    tags,
    summary: "Indicators and key figures on immigration with their values (the public sees published ones only)",
    request: { params: ZIdParam, query: z.object({ kind: z.enum(FIGURE_KINDS).optional() }) },
    responses: { 200: jsonResponse(z.object({ items: z.array(ZFigure) }), "Figures") },
  }),
  create: defineRoute("secretariat", {
    method: "post",
    path: "/bodies/{id}/figures",
    tags,
    summary: "Create an indicator or a key figure; it stays internal until published",
    request: { params: ZIdParam, body: jsonBody(ZFigureCreate) },
    responses: { 201: recordResponse(ZFigure, "Created") },
  }),
  figure: defineRoute("public", {
    method: "get",
    path: "/figures/{id}",
    tags,
    summary: "A figure with its values (for staff also each value's corrections)",
    request: { params: ZIdParam },
    responses: { 200: recordResponse(ZFigure, "The figure") },
  }),
  update: defineRoute("secretariat", {
    method: "patch",
    path: "/figures/{id}",
    tags,
    summary: "Change a figure, e.g. publish it once checked",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZFigureUpdate) },
    responses: { 200: recordResponse(ZFigure, "Changed") },
  }),
  value: defineRoute("secretariat", {
    method: "put",
    path: "/figures/{id}/values/{period}",
    tags,
    summary: "Record the value of a period, or correct it (If-Match of the value); the history keeps what it was",
    request: {
      params: z.object({ id: z.string(), period: z.string() }),
      headers: ZOptionalIfMatchHeader,
      body: jsonBody(ZFigureValueInput),
    },
    responses: { 200: recordResponse(ZFigureValue, "The value") },
  }),
  import: defineRoute("secretariat", {
    method: "post",
    path: "/bodies/{id}/figures/import",
    tags,
    summary: "Import values from CSV (period, figure, value, source, note), all or nothing; bad lines are named",
    request: { params: ZIdParam, body: { required: true, content: { "text/csv": { schema: { type: "string" as const } } } } },
    responses: {
      200: jsonResponse(z.object({ created: z.number().int(), corrected: z.number().int(), unchanged: z.number().int() }), "Imported"),
    },
  }),
  export: defineRoute("public", {
    method: "get",
    path: "/bodies/{id}/figures.csv",
    tags,
    summary: "The values as CSV, in the import's columns; format=excel for German Excel",
    request: { params: ZIdParam, query: z.object({ format: z.enum(["csv", "excel"]).default("csv") }) },
    responses: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" as const } } } } },
  }),
  reports: defineRoute("public", {
    method: "get",
    path: "/bodies/{id}/integration-reports",
    tags,
    summary: "The years with an integration report (drafts for staff only)",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZReportSummary, "Years") },
  }),
  report: defineRoute("public", {
    method: "get",
    path: "/bodies/{id}/integration-reports/{year}",
    tags,
    summary: "The integration report of a year: its sections, key figures, action fields, resolutions and forum ideas",
    request: { params: ZBodyYear },
    responses: { 200: recordResponse(ZReport, "The report") },
  }),
  saveReport: defineRoute("secretariat", {
    method: "put",
    path: "/bodies/{id}/integration-reports/{year}",
    tags,
    summary: "Create or replace a year's report: title, state and Markdown sections (If-Match once it exists)",
    request: { params: ZBodyYear, headers: ZOptionalIfMatchHeader, body: jsonBody(ZReportInput) },
    responses: { 200: recordResponse(ZReport, "The report") },
  }),
  pdf: defineRoute("public", {
    method: "get",
    path: "/bodies/{id}/integration-report.pdf",
    tags,
    summary: "The integration report of a year as PDF, with its charts drawn as vectors",
    request: { params: ZIdParam, query: z.object({ year: ZYear }) },
    responses: {
      200: { description: "PDF", content: { "application/pdf": { schema: { type: "string" as const, format: "binary" } } } },
    },
  }),
};

/** The report as JSON: dates as strings. */
const reportView = (report: Awaited<ReturnType<typeof integrationReport>>) => ({ ...report, updatedAt: report.updatedAt.toISOString() });

export const figuresRouter = createRouter()
  .openapi(routes.list, async (c) => {
    const figures = await listFigures(serviceContext(c), c.req.valid("param").id, c.req.valid("query"));
    return c.json({ items: figures.map(toFigureView) }, 200);
  })
  .openapi(routes.create, async (c) =>
    c.json(withEtag(c, toFigureView(await createFigure(serviceContext(c), c.req.valid("param").id, c.req.valid("json")))), 201),
  )
  .openapi(routes.figure, async (c) => c.json(withEtag(c, toFigureView(await getFigure(serviceContext(c), c.req.valid("param").id))), 200))
  .openapi(routes.update, async (c) => {
    const figure = await updateFigure(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toFigureView(figure)), 200);
  })
  .openapi(routes.value, async (c) => {
    const { id, period } = c.req.valid("param");
    const { figure, value } = await recordValue(serviceContext(c), id, period, c.req.valid("json"), optionalVersion(c));
    const view = toFigureView({ ...figure, values: [value] }).values[0]!;
    return c.json(withEtag(c, view), 200);
  })
  .openapi(routes.import, async (c) => {
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "text/csv") throw new Problem("unsupported_media_type", "Bitte die Werte als text/csv senden.");
    return c.json(await importFigureValues(serviceContext(c), c.req.valid("param").id, await c.req.text()), 200);
  })
  .openapi(routes.export, async (c) =>
    c.body(await exportFigureValuesCsv(serviceContext(c), c.req.valid("param").id, c.req.valid("query").format), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="kennzahlen.csv"',
    }),
  )
  .openapi(routes.reports, async (c) => c.json({ years: await reportYears(serviceContext(c), c.req.valid("param").id) }, 200))
  .openapi(routes.report, async (c) => {
    const { id, year } = c.req.valid("param");
    return c.json(withEtag(c, reportView(await integrationReport(serviceContext(c), id, year))), 200);
  })
  .openapi(routes.saveReport, async (c) => {
    const { id, year } = c.req.valid("param");
    const ctx = serviceContext(c);
    await saveReport(ctx, id, year, c.req.valid("json"), optionalVersion(c));
    return c.json(withEtag(c, reportView(await integrationReport(ctx, id, year))), 200);
  })
  .openapi(routes.pdf, async (c) => {
    const year = c.req.valid("query").year;
    const bytes = await integrationReportPdf(serviceContext(c), documentDeps(c), c.req.valid("param").id, year);
    return sendPdf(c, bytes, `integrationsbericht-${year}.pdf`);
  });
