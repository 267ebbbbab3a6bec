import { z } from "@hono/zod-openapi";
import { serviceContext } from "../http/context";
import { ZIdParam, ZIfMatchHeader, createRouter, defineRoute, jsonBody, jsonResponse, recordResponse } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { ZItemRequest, ZItemRequestCreate, ZItemRequestUpdate } from "../schemas/item-requests";
import { createItemRequest, listItemRequests, updateItemRequest } from "../services/meetings/item-requests";

const tags = ["Demanded items"];

const list = defineRoute("member", {
  method: "get",
  path: "/committees/{id}/item-requests",
  tags,
  summary: "Demands for agenda items (§34 (1) GemO) with the meeting each is due at",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(ZItemRequest) }), "Demands, oldest first") },
});

const create = defineRoute("secretariat", {
  method: "post",
  path: "/committees/{id}/item-requests",
  tags,
  summary: "Record a demand for an agenda item",
  request: { params: ZIdParam, body: jsonBody(ZItemRequestCreate) },
  responses: { 201: recordResponse(ZItemRequest, "Recorded") },
});

const update = defineRoute("secretariat", {
  method: "patch",
  path: "/item-requests/{id}",
  tags,
  summary: "Link the agenda item that deals with a demand, or refuse it with a reason",
  request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZItemRequestUpdate) },
  responses: { 200: recordResponse(ZItemRequest, "Changed") },
});

export const itemRequestsRouter = createRouter()
  .openapi(list, async (c) => c.json({ items: await listItemRequests(serviceContext(c), c.req.valid("param").id) }, 200))
  .openapi(create, async (c) =>
    c.json(withEtag(c, await createItemRequest(serviceContext(c), c.req.valid("param").id, c.req.valid("json"))), 201),
  )
  .openapi(update, async (c) => {
    const request = await updateItemRequest(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, request), 200);
  });
