import { serviceContext } from "../http/context";
import { ZIdParam, ZIfMatchHeader, createRouter, defineRoute, jsonBody, jsonResponse, recordResponse } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import {
  ZLinkCreate,
  ZMeasure,
  ZMeasureHistory,
  ZMeasureTrace,
  ZMeasureUpdate,
  ZResolutionMeasures,
  toHistoryView,
  toMeasureView,
} from "../schemas/plans";
import { getMeasure, measureHistory, updateMeasure } from "../services/plan/plans";
import { linkResolutionToMeasure, measureTrace, resolutionMeasures } from "../services/plan/trace";
import { tags } from "./plans";

const routes = {
  measure: defineRoute("public", {
    method: "get",
    path: "/measures/{id}",
    tags,
    summary: "A measure",
    request: { params: ZIdParam },
    responses: { 200: recordResponse(ZMeasure, "The measure") },
  }),
  updateMeasure: defineRoute("secretariat", {
    method: "patch",
    path: "/measures/{id}",
    tags,
    summary: "Change a measure; status and progress changes enter its history with reason and resolution",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZMeasureUpdate) },
    responses: { 200: recordResponse(ZMeasure, "Changed") },
  }),
  history: defineRoute("public", {
    method: "get",
    path: "/measures/{id}/history",
    tags,
    summary: "Every status and progress change",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZMeasureHistory, "History") },
  }),
  trace: defineRoute("public", {
    method: "get",
    path: "/measures/{id}/trace",
    tags,
    summary: "The resolutions that started, changed or reported on a measure, in time order (as far as the caller may see them)",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZMeasureTrace, "The trace") },
  }),
  link: defineRoute("secretariat", {
    method: "post",
    path: "/resolutions/{id}/measures",
    tags,
    summary: "Link a resolution to a measure; a status change it causes is written with it",
    request: { params: ZIdParam, body: jsonBody(ZLinkCreate) },
    responses: { 201: jsonResponse(ZResolutionMeasures, "The resolution's measures") },
  }),
  links: defineRoute("public", {
    method: "get",
    path: "/resolutions/{id}/measures",
    tags,
    summary: "The measures a resolution concerns",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZResolutionMeasures, "Measures") },
  }),
};

export const measuresRouter = createRouter()
  .openapi(routes.measure, async (c) =>
    c.json(withEtag(c, toMeasureView(await getMeasure(serviceContext(c), c.req.valid("param").id))), 200),
  )
  .openapi(routes.updateMeasure, async (c) => {
    const measure = await updateMeasure(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toMeasureView(measure)), 200);
  })
  .openapi(routes.history, async (c) =>
    c.json({ items: (await measureHistory(serviceContext(c), c.req.valid("param").id)).map(toHistoryView) }, 200),
  )
  .openapi(routes.trace, async (c) => {
    const { measure, planTitle, trace } = await measureTrace(serviceContext(c), c.req.valid("param").id);
    return c.json({ measure: toMeasureView(measure), planTitle, trace }, 200);
  })
  .openapi(routes.link, async (c) =>
    c.json(await linkResolutionToMeasure(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(routes.links, async (c) => c.json(await resolutionMeasures(serviceContext(c), c.req.valid("param").id), 200));
