import { z } from "@hono/zod-openapi";
import { serviceContext } from "../http/context";
import { ZIdParam, ZIfMatchHeader, createRouter, defineRoute, jsonBody, jsonResponse, recordResponse } from "../http/openapi";
import { ZPageQuery, page } from "../http/pagination";
import { requiredVersion, withEtag } from "../http/versioning";
import { ZId } from "../schemas/common";
import { ZResolution, ZResolutionUpdate } from "../schemas/outcomes";
import { announceResolution, getResolution, listResolutions, updateResolution } from "../services/meetings/resolutions";
import { tags } from "./attendance";

const routes = {
  resolutions: defineRoute("public", {
    method: "get",
    path: "/resolutions",
    tags,
    summary: "The register of resolutions (non-public ones only for the committee, until announced)",
    request: { query: ZPageQuery.extend({ committeeId: ZId.optional(), meetingId: ZId.optional() }) },
    responses: { 200: jsonResponse(page(ZResolution, "ResolutionPage"), "Resolutions, newest first") },
  }),
  resolution: defineRoute("public", {
    method: "get",
    path: "/resolutions/{id}",
    tags,
    summary: "One resolution",
    request: { params: ZIdParam },
    responses: { 200: recordResponse(ZResolution, "The resolution") },
  }),
  updateResolution: defineRoute("secretariat", {
    method: "patch",
    path: "/resolutions/{id}",
    tags,
    summary: "Record the follow-up of a resolution",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZResolutionUpdate) },
    responses: { 200: recordResponse(ZResolution, "Changed") },
  }),
  announce: defineRoute("secretariat", {
    method: "post",
    path: "/resolutions/{id}/announcement",
    tags,
    summary: "Announce a non-public resolution at a public meeting (§35 (1) GemO); its wording becomes public",
    request: { params: ZIdParam, body: jsonBody(z.object({ meetingId: ZId }).strict()) },
    responses: { 201: recordResponse(ZResolution, "Announced") },
  }),
};

export const resolutionsRouter = createRouter()
  .openapi(routes.resolutions, async (c) => c.json(await listResolutions(serviceContext(c), c.req.valid("query")), 200))
  .openapi(routes.resolution, async (c) => c.json(withEtag(c, await getResolution(serviceContext(c), c.req.valid("param").id)), 200))
  .openapi(routes.updateResolution, async (c) => {
    const resolution = await updateResolution(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, resolution), 200);
  })
  .openapi(routes.announce, async (c) => {
    const resolution = await announceResolution(serviceContext(c), c.req.valid("param").id, c.req.valid("json").meetingId);
    return c.json(withEtag(c, resolution), 201);
  });
