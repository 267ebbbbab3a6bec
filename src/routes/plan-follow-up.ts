import { z } from "@hono/zod-openapi";
import { serviceContext } from "../http/context";
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
import { ZCalendarDate, ZId, ZOptionalText, nonEmptyPatch } from "../schemas/common";
import { ZFollowUpRecord, ZForumIdea, ZProgressReport, ZRecommendationFollowUp, ideaFields, toIdeaView } from "../schemas/plan-follow-up";
import { ZPlan, toPlanView } from "../schemas/plans";
import {
  addPlanUpdate,
  createForumIdea,
  followUpOf,
  listForumIdeas,
  progressReport,
  recordFollowUp,
  updateForumIdea,
} from "../services/plan/plan-follow-up";
import { tags } from "./plans";

const followUpRoutes = {
  planUpdate: defineRoute("secretariat", {
    method: "post",
    path: "/plans/{id}/updates",
    tags,
    summary: "Record an update of the plan (Fortschreibung) with its date and resolution",
    request: {
      params: ZIdParam,
      body: jsonBody(z.object({ date: ZCalendarDate, resolutionId: ZId.nullable().optional(), note: ZOptionalText(2000) }).strict()),
    },
    responses: { 201: recordResponse(ZPlan, "The plan") },
  }),
  report: defineRoute("public", {
    method: "get",
    path: "/plans/{id}/progress-report",
    tags,
    summary: "Progress report data (Sachstandsbericht) for the plan or one action field over a period",
    request: {
      params: ZIdParam,
      query: z.object({ from: ZCalendarDate, to: ZCalendarDate, actionField: z.coerce.number().int().optional() }),
    },
    responses: { 200: jsonResponse(ZProgressReport, "The report data") },
  }),
  followUp: defineRoute("public", {
    method: "get",
    path: "/resolutions/{id}/follow-up",
    tags,
    summary: "How the receiving body handled a recommendation",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZRecommendationFollowUp, "The follow-up") },
  }),
  recordFollowUp: defineRoute("secretariat", {
    method: "put",
    path: "/resolutions/{id}/follow-up",
    tags,
    summary: "Record how the receiving body handled a recommendation (If-Match once it exists)",
    request: {
      params: ZIdParam,
      headers: ZOptionalIfMatchHeader,
      body: jsonBody(ZFollowUpRecord),
    },
    responses: { 200: jsonResponse(ZRecommendationFollowUp, "The follow-up") },
  }),
  ideas: defineRoute("public", {
    method: "get",
    path: "/bodies/{id}/forum-ideas",
    tags,
    summary: "Ideas from public integration forums",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(ZForumIdea) }), "Ideas") },
  }),
  createIdea: defineRoute("secretariat", {
    method: "post",
    path: "/bodies/{id}/forum-ideas",
    tags,
    summary: "Capture an idea from a public integration forum",
    request: { params: ZIdParam, body: jsonBody(z.object(ideaFields).strict()) },
    responses: { 201: recordResponse(ZForumIdea, "Captured") },
  }),
  updateIdea: defineRoute("secretariat", {
    method: "patch",
    path: "/forum-ideas/{id}",
    tags,
    summary: "Change an idea's status, or link the measure or paper it became",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(nonEmptyPatch(z.object(ideaFields).partial().strict())) },
    responses: { 200: recordResponse(ZForumIdea, "Changed") },
  }),
};

export const planFollowUpRouter = createRouter()
  .openapi(followUpRoutes.planUpdate, async (c) => {
    const plan = await addPlanUpdate(serviceContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(withEtag(c, toPlanView(plan)), 201);
  })
  .openapi(followUpRoutes.report, async (c) =>
    c.json(await progressReport(serviceContext(c), c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(followUpRoutes.followUp, async (c) => c.json(await followUpOf(serviceContext(c), c.req.valid("param").id), 200))
  .openapi(followUpRoutes.recordFollowUp, async (c) => {
    const version = optionalVersion(c);
    return c.json(await recordFollowUp(serviceContext(c), c.req.valid("param").id, version, c.req.valid("json")), 200);
  })
  .openapi(followUpRoutes.ideas, async (c) =>
    c.json({ items: (await listForumIdeas(serviceContext(c), c.req.valid("param").id)).map(toIdeaView) }, 200),
  )
  .openapi(followUpRoutes.createIdea, async (c) =>
    c.json(withEtag(c, toIdeaView(await createForumIdea(serviceContext(c), c.req.valid("param").id, c.req.valid("json")))), 201),
  )
  .openapi(followUpRoutes.updateIdea, async (c) => {
    const idea = await updateForumIdea(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toIdeaView(idea)), 200);
  });
