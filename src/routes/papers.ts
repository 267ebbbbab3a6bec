import { z } from "@hono/zod-openapi";
import { sendAttachment } from "../http/conditional";
import { serviceContext } from "../http/context";
import { crudRoutes } from "../http/crud";
import { ZIdParam, ZIfMatchHeader, createRouter, defineRoute, jsonBody, recordResponse, requestSizeLimit } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../rules/attachments";
import {
  ZConsultationCreate,
  ZConsultationUpdate,
  ZPaper,
  ZPaperCreate,
  ZPaperListQuery,
  ZPaperUpdate,
  toPaperView,
} from "../schemas/papers";
import {
  addAttachment,
  addConsultation,
  createPaper,
  deletePaper,
  getAttachment,
  getPaper,
  listPapers,
  updateConsultation,
  updatePaper,
} from "../services/papers/papers";

const routes = crudRoutes({
  path: "/papers",
  names: ["Paper", "Papers"],
  schema: ZPaper,
  listQuery: ZPaperListQuery,
  create: ZPaperCreate,
  update: ZPaperUpdate,
  access: { read: "public", create: "secretariat", update: "secretariat", delete: "secretariat" },
  deleteSummary: "Delete a paper (soft; only while no agenda refers to it)",
});

const tags = ["Papers"];
const binary = { schema: { type: "string" as const, format: "binary" } };

const addConsultationRoute = defineRoute("secretariat", {
  method: "post",
  path: "/papers/{id}/consultations",
  tags,
  summary: "Add a committee to the paper's route (Beratungsfolge)",
  request: { params: ZIdParam, body: jsonBody(ZConsultationCreate) },
  responses: { 201: recordResponse(ZPaper, "The paper with its route") },
});

const updateConsultationRoute = defineRoute("secretariat", {
  method: "patch",
  path: "/consultations/{id}",
  tags,
  summary: "Change a step of a paper's route",
  request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZConsultationUpdate) },
  responses: { 200: recordResponse(ZPaper, "The paper with its route") },
});

const upload = defineRoute(
  "secretariat",
  {
    method: "post",
    path: "/papers/{id}/attachments",
    tags,
    summary:
      `Attach a file: the request body is the file, its Content-Type one of the allowed types (at ` +
      `most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB)`,
    request: {
      params: ZIdParam,
      query: z.object({ filename: z.string().min(1).max(255).openapi({ example: "Konzept Sprachförderung.pdf" }) }),
      body: { required: true, content: Object.fromEntries(Object.keys(ATTACHMENT_TYPES).map((type) => [type, binary])) },
    },
    responses: { 201: recordResponse(ZPaper, "The paper with the new attachment") },
  },
  requestSizeLimit(MAX_ATTACHMENT_BYTES),
);

const download = defineRoute("public", {
  method: "get",
  path: "/attachments/{id}",
  tags,
  summary: "Download an attachment; Repr-Digest carries its SHA-512",
  request: { params: ZIdParam },
  responses: { 200: { description: "The file", content: { "application/octet-stream": binary } } },
});

export const papersRouter = createRouter()
  .openapi(routes.list, async (c) => {
    const result = await listPapers(serviceContext(c), c.req.valid("query"));
    return c.json({ items: result.items.map(toPaperView), nextCursor: result.nextCursor }, 200);
  })
  .openapi(routes.get, async (c) => c.json(withEtag(c, toPaperView(await getPaper(serviceContext(c), c.req.valid("param").id))), 200))
  .openapi(routes.create, async (c) => c.json(withEtag(c, toPaperView(await createPaper(serviceContext(c), c.req.valid("json")))), 201))
  .openapi(routes.update, async (c) => {
    const paper = await updatePaper(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toPaperView(paper)), 200);
  })
  .openapi(routes.remove, async (c) => {
    await deletePaper(serviceContext(c), c.req.valid("param").id, requiredVersion(c));
    return c.body(null, 204);
  })
  .openapi(addConsultationRoute, async (c) => {
    const paper = await addConsultation(serviceContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(withEtag(c, toPaperView(paper)), 201);
  })
  .openapi(updateConsultationRoute, async (c) => {
    const paper = await updateConsultation(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toPaperView(paper)), 200);
  })
  .openapi(upload, async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const paper = await addAttachment(serviceContext(c), c.get("deps").attachments, c.req.valid("param").id, {
      filename: c.req.valid("query").filename,
      contentType: c.req.header("content-type"),
      bytes,
    });
    return c.json(withEtag(c, toPaperView(paper)), 201);
  })
  .openapi(download, async (c) => {
    const { attachment, bytes } = await getAttachment(serviceContext(c), c.get("deps").attachments, c.req.valid("param").id);
    return sendAttachment(c, attachment, bytes);
  });
