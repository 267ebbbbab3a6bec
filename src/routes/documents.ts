import { sendPdf } from "../http/conditional";
import { z } from "@hono/zod-openapi";
import { documentDeps, serviceContext } from "../http/context";
import { ZIdParam, ZIfMatchHeader, createRouter, defineRoute, jsonBody, recordResponse, requestSizeLimit } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { TEMPLATE_NAMES } from "../documents/templates";
import { MAX_LOGO_BYTES, getDocumentSettings, setLogo, updateDocumentSettings } from "../services/documents/document-settings";
import { ZCalendarDate, ZOptionalLine } from "../schemas/common";
import { invitationPdf, minutesPdf, paperPdf, progressReportPdf, resolutionExtractPdf } from "../services/documents/documents";

const tags = ["Documents (PDF)"];
const pdf = {
  200: {
    description: "The PDF; ETag for If-None-Match",
    content: { "application/pdf": { schema: { type: "string" as const, format: "binary" } } },
  },
  304: { description: "Not modified" },
};

const routes = {
  invitation: defineRoute("public", {
    method: "get",
    path: "/meetings/{id}/invitation.pdf",
    tags,
    summary: "Invitation with agenda (the public gets the public part)",
    request: { params: ZIdParam },
    responses: pdf,
  }),
  minutes: defineRoute("public", {
    method: "get",
    path: "/meetings/{id}/minutes.pdf",
    tags,
    summary: "Minutes, public or non-public part, with the access rules of the minutes",
    request: { params: ZIdParam, query: z.object({ part: z.enum(["public", "non-public"]).default("public") }) },
    responses: pdf,
  }),
  extract: defineRoute("public", {
    method: "get",
    path: "/resolutions/{id}/extract.pdf",
    tags,
    summary: "Resolution extract (Beschlussauszug)",
    request: { params: ZIdParam },
    responses: pdf,
  }),
  report: defineRoute("public", {
    method: "get",
    path: "/plans/{id}/report.pdf",
    tags,
    summary: "Progress report (Sachstandsbericht) for a period",
    request: {
      params: ZIdParam,
      query: z.object({ from: ZCalendarDate, to: ZCalendarDate, actionField: z.coerce.number().int().optional() }),
    },
    responses: pdf,
  }),
};

export const documentsRouter = createRouter()
  .openapi(routes.invitation, async (c) =>
    sendPdf(c, await invitationPdf(serviceContext(c), documentDeps(c), c.req.valid("param").id), "einladung.pdf"),
  )
  .openapi(routes.minutes, async (c) => {
    const part = c.req.valid("query").part;
    return sendPdf(c, await minutesPdf(serviceContext(c), documentDeps(c), c.req.valid("param").id, part), `niederschrift-${part}.pdf`);
  })
  .openapi(routes.extract, async (c) =>
    sendPdf(c, await resolutionExtractPdf(serviceContext(c), documentDeps(c), c.req.valid("param").id), "beschlussauszug.pdf"),
  )
  .openapi(routes.report, async (c) =>
    sendPdf(
      c,
      await progressReportPdf(serviceContext(c), documentDeps(c), c.req.valid("param").id, c.req.valid("query")),
      "sachstandsbericht.pdf",
    ),
  );

// "/papers/{id}.pdf" has a suffix after the parameter, which the OpenAPI router cannot express: the route is
// a plain Hono route with a pattern, listed in the document by hand.
const { middleware: _middleware, ...paperPdfRoute } = defineRoute("public", {
  method: "get",
  path: "/papers/{id}.pdf",
  tags,
  summary: "A paper (Vorlage) as PDF",
  request: { params: ZIdParam },
  responses: pdf,
});
documentsRouter.openAPIRegistry.registerPath(paperPdfRoute);
documentsRouter.get("/papers/:file{[^/]+\\.pdf}", async (c) => {
  const id = c.req.param("file").replace(/\.pdf$/, "");
  return sendPdf(c, await paperPdf(serviceContext(c), documentDeps(c), id), "vorlage.pdf");
});

const ZDocumentSettings = z
  .object({
    bodyId: z.string(),
    version: z.number().int(),
    letterhead: z.string().nullable(),
    footer: z.string().nullable(),
    hasLogo: z.boolean(),
    templates: z
      .record(z.string(), z.string())
      .openapi({ description: "The body's template overrides (Markdown with Mustache placeholders)." }),
  })
  .openapi("DocumentSettings");
const settingsView = ({ logoKey: _key, ...settings }: Awaited<ReturnType<typeof getDocumentSettings>>) => ({
  ...settings,
  templates: settings.templates as Record<string, string>,
});

const settingsRoutes = {
  get: defineRoute("secretariat", {
    method: "get",
    path: "/bodies/{id}/document-settings",
    tags,
    summary: "The body's letterhead, footer, logo and template overrides",
    request: { params: ZIdParam },
    responses: { 200: recordResponse(ZDocumentSettings, "The settings (version 0: none yet)") },
  }),
  update: defineRoute("secretariat", {
    method: "put",
    path: "/bodies/{id}/document-settings",
    tags,
    summary: 'Set the letterhead, footer and template overrides (If-Match; "0" before the first time)',
    request: {
      params: ZIdParam,
      headers: ZIfMatchHeader,
      body: jsonBody(
        z
          .object({
            letterhead: ZOptionalLine(200),
            footer: ZOptionalLine(200),
            templates: z.partialRecord(z.enum(TEMPLATE_NAMES), z.string().max(100_000).nullable()).optional(),
          })
          .strict(),
      ),
    },
    responses: { 200: recordResponse(ZDocumentSettings, "The settings") },
  }),
  logo: defineRoute(
    "secretariat",
    {
      method: "put",
      path: "/bodies/{id}/logo",
      tags,
      summary: "Set the logo of the body's documents: the request body is a PNG or JPEG image (at most 1 MiB)",
      request: {
        params: ZIdParam,
        body: {
          required: true,
          content: {
            "image/png": { schema: { type: "string" as const, format: "binary" } },
            "image/jpeg": { schema: { type: "string" as const, format: "binary" } },
          },
        },
      },
      responses: { 200: recordResponse(ZDocumentSettings, "The settings") },
    },
    requestSizeLimit(MAX_LOGO_BYTES),
  ),
};

export const documentSettingsRouter = createRouter()
  .openapi(settingsRoutes.get, async (c) =>
    c.json(withEtag(c, settingsView(await getDocumentSettings(serviceContext(c), c.req.valid("param").id))), 200),
  )
  .openapi(settingsRoutes.update, async (c) => {
    const settings = await updateDocumentSettings(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, settingsView(settings)), 200);
  })
  .openapi(settingsRoutes.logo, async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const settings = await setLogo(
      serviceContext(c),
      c.get("deps").attachments,
      c.req.valid("param").id,
      c.req.header("content-type"),
      bytes,
    );
    return c.json(withEtag(c, settingsView(settings)), 200);
  });
