import { z } from "@hono/zod-openapi";
import { serviceContext } from "../http/context";
import { ZIdParam, ZIfMatchHeader, createRouter, defineRoute, jsonBody, jsonResponse, recordResponse } from "../http/openapi";
import { ZPageQuery, page } from "../http/pagination";
import { requiredVersion, withEtag } from "../http/versioning";
import { ZId, ZOptionalText, ZText } from "../schemas/common";
import { ZAttendanceSheet, ZAttendanceUpdate, ZRecusalCreate, ZResolution, ZResolutionUpdate, ZStatementCreate, ZVoteCreate } from "../schemas/outcomes";
import { MINUTES_STATES } from "../rules/minutes";
import { decideObjection, fileObjection, getMinutes, minutesHistory, saveItemNotes, signMinutes, transitionMinutes } from "../services/minutes";
import { attendanceSheet, recordAttendance, recordRecusal, recordStatement, recordVote } from "../services/outcomes";
import { announceResolution, getResolution, listResolutions, updateResolution } from "../services/resolutions";
import { concludeWrittenProcedure, getWrittenProcedure, objectToWrittenProcedure, startWrittenProcedure } from "../services/written-procedures";

const tags = ["Meeting outcomes"];
const minutesTags = ["Minutes"];
const ZMinutes = z.object({}).passthrough().openapi("Minutes", { description: "Header computed from the record, items, signatures, objections, warnings." });
const ZPersonParam = z.object({ id: ZIdParam.shape.id, personId: z.string().min(1).max(64).openapi({ param: { name: "personId", in: "path" } }) });
const ZItemParam = z.object({ id: ZIdParam.shape.id, itemId: z.string().min(1).max(64).openapi({ param: { name: "itemId", in: "path" } }) });

const routes = {
  attendance: defineRoute("member", {
    method: "get",
    path: "/meetings/{id}/attendance",
    tags,
    summary: "Attendance and the quorum for every item (§37 (2) GemO)",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZAttendanceSheet, "The attendance sheet") },
  }),
  recordAttendance: defineRoute("secretariat", {
    method: "put",
    path: "/meetings/{id}/attendance/{personId}",
    tags,
    summary: "Record how a person attends: present, remote, excused, absent; a deputy names whose place they take",
    request: { params: ZPersonParam, body: jsonBody(ZAttendanceUpdate) },
    responses: { 200: jsonResponse(ZAttendanceSheet, "The attendance sheet") },
  }),
  recusal: defineRoute("secretariat", {
    method: "post",
    path: "/agenda-items/{id}/recusals",
    tags,
    summary: "Record a recusal (§18 GemO)",
    request: { params: ZIdParam, body: jsonBody(ZRecusalCreate) },
    responses: { 201: jsonResponse(z.object({ id: z.string(), personId: z.string(), itemId: z.string() }), "Recorded") },
  }),
  statement: defineRoute("secretariat", {
    method: "post",
    path: "/agenda-items/{id}/statements",
    tags,
    summary: "Record a member's demand to have their vote or statement in the minutes",
    request: { params: ZIdParam, body: jsonBody(ZStatementCreate) },
    responses: { 201: jsonResponse(z.object({ id: z.string(), text: z.string() }), "Recorded") },
  }),
  vote: defineRoute("secretariat", {
    method: "post",
    path: "/agenda-items/{id}/votes",
    tags,
    summary: "Record a vote or election; refused without quorum (422 with the computation)",
    request: { params: ZIdParam, body: jsonBody(ZVoteCreate) },
    responses: { 201: jsonResponse(z.object({ vote: z.object({}).passthrough(), resolution: ZResolution.nullable() }), "The vote and the resolution, if adopted") },
  }),
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
  minutes: defineRoute("public", {
    method: "get",
    path: "/meetings/{id}/minutes",
    tags: minutesTags,
    summary: "The minutes: the public variant for everyone once published; the full one for the committee once circulated",
    request: { params: ZIdParam, query: z.object({ variant: z.enum(["full", "public"]).default("full") }) },
    responses: { 200: jsonResponse(ZMinutes, "The minutes") },
  }),
  notes: defineRoute("secretariat", {
    method: "put",
    path: "/meetings/{id}/minutes/items/{itemId}",
    tags: minutesTags,
    summary: "Save the notes on an item (Markdown); If-Match is the minutes' ETag (\"0\" before they exist)",
    request: { params: ZItemParam, headers: ZIfMatchHeader, body: jsonBody(z.object({ notes: z.string().max(100_000) }).strict()) },
    responses: { 200: recordResponse(ZMinutes, "The minutes") },
  }),
  transition: defineRoute("secretariat", {
    method: "post",
    path: "/meetings/{id}/minutes/transitions",
    tags: minutesTags,
    summary: "Circulate, finalise (objections decided, four signatures) or publish the minutes",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(z.object({ to: z.enum(MINUTES_STATES) }).strict()) },
    responses: { 200: recordResponse(ZMinutes, "The minutes") },
  }),
  objection: defineRoute("member", {
    method: "post",
    path: "/meetings/{id}/minutes/objections",
    tags: minutesTags,
    summary: "File an objection to circulated minutes (members of the committee)",
    request: { params: ZIdParam, body: jsonBody(z.object({ text: ZText(5000) }).strict()) },
    responses: { 201: jsonResponse(ZMinutes, "The minutes") },
  }),
  decision: defineRoute("secretariat", {
    method: "post",
    path: "/minutes-objections/{id}/decision",
    tags: minutesTags,
    summary: "Record the committee's decision on an objection",
    request: { params: ZIdParam, body: jsonBody(z.object({ decision: z.enum(["accepted", "rejected"]), note: ZOptionalText(5000) }).strict()) },
    responses: { 201: jsonResponse(ZMinutes, "The minutes") },
  }),
  sign: defineRoute("member", {
    method: "post",
    path: "/meetings/{id}/minutes/signatures",
    tags: minutesTags,
    summary: "Sign the minutes as chair, member or minute-taker (only the signing person, with their own token)",
    request: { params: ZIdParam, body: jsonBody(z.object({ role: z.enum(["chair", "member", "minute_taker"]) }).strict()) },
    responses: { 201: jsonResponse(ZMinutes, "The minutes") },
  }),
  history: defineRoute("secretariat", {
    method: "get",
    path: "/meetings/{id}/minutes/revisions",
    tags: minutesTags,
    summary: "Every saved state of the notes, and the diff from the first draft to the current text",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(z.object({ revisions: z.array(z.object({}).passthrough()), diff: z.array(z.object({}).passthrough()) }), "History") },
  }),
};


export const outcomesRouter = createRouter()
  .openapi(routes.attendance, async (c) => c.json(await attendanceSheet(serviceContext(c), c.req.valid("param").id), 200))
  .openapi(routes.recordAttendance, async (c) => {
    const { id, personId } = c.req.valid("param");
    return c.json(await recordAttendance(serviceContext(c), id, personId, c.req.valid("json")), 200);
  })
  .openapi(routes.recusal, async (c) => c.json(await recordRecusal(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 201))
  .openapi(routes.statement, async (c) => c.json(await recordStatement(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 201))
  .openapi(routes.vote, async (c) => {
    const ctx = serviceContext(c);
    const { vote, resolutionId } = await recordVote(ctx, c.req.valid("param").id, c.req.valid("json"));
    return c.json({ vote, resolution: resolutionId ? await getResolution(ctx, resolutionId) : null }, 201);
  })
  .openapi(routes.resolutions, async (c) => c.json(await listResolutions(serviceContext(c), c.req.valid("query")), 200))
  .openapi(routes.resolution, async (c) => c.json(withEtag(c, await getResolution(serviceContext(c), c.req.valid("param").id)), 200))
  .openapi(routes.updateResolution, async (c) => {
    const resolution = await updateResolution(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, resolution), 200);
  })
  .openapi(routes.announce, async (c) => {
    const resolution = await announceResolution(serviceContext(c), c.req.valid("param").id, c.req.valid("json").meetingId);
    return c.json(withEtag(c, resolution), 201);
  })
  .openapi(routes.minutes, async (c) => c.json(withEtag(c, await getMinutes(serviceContext(c), c.req.valid("param").id, c.req.valid("query").variant)), 200))
  .openapi(routes.notes, async (c) => {
    const { id, itemId } = c.req.valid("param");
    return c.json(withEtag(c, await saveItemNotes(serviceContext(c), id, itemId, requiredVersion(c), c.req.valid("json").notes)), 200);
  })
  .openapi(routes.transition, async (c) => {
    const minutes = await transitionMinutes(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json").to);
    return c.json(withEtag(c, minutes), 200);
  })
  .openapi(routes.objection, async (c) => c.json(await fileObjection(serviceContext(c), c.req.valid("param").id, c.req.valid("json").text), 201))
  .openapi(routes.decision, async (c) => {
    const { decision, note } = c.req.valid("json");
    return c.json(await decideObjection(serviceContext(c), c.req.valid("param").id, decision, note ?? undefined), 201);
  })
  .openapi(routes.sign, async (c) => c.json(await signMinutes(serviceContext(c), c.req.valid("param").id, c.req.valid("json").role), 201))
  .openapi(routes.history, async (c) => c.json(await minutesHistory(serviceContext(c), c.req.valid("param").id), 200));

const ZWrittenProcedure = z
  .object({
    id: z.string(),
    version: z.number().int(),
    committeeId: z.string(),
    motion: z.string(),
    text: z.string(),
    deadline: z.string(),
    objections: z.array(z.object({ personId: z.string(), note: z.string().nullable(), filedAt: z.string() })),
    outcome: z.enum(["pending", "adopted", "failed"]),
    resolutionId: z.string().nullable(),
  })
  .openapi("WrittenProcedure");

const writtenRoutes = {
  start: defineRoute("secretariat", {
    method: "post",
    path: "/committees/{id}/written-procedures",
    tags,
    summary: "Put a simple motion to the members in writing (§37 (1) GemO)",
    request: {
      params: ZIdParam,
      body: jsonBody(z.object({ motion: ZText(2000), text: ZText(50_000), deadline: z.iso.datetime({ offset: true }) }).strict()),
    },
    responses: { 201: jsonResponse(ZWrittenProcedure, "Started") },
  }),
  get: defineRoute("member", {
    method: "get",
    path: "/written-procedures/{id}",
    tags,
    summary: "A written procedure with its objections and outcome",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZWrittenProcedure, "The procedure") },
  }),
  object: defineRoute("member", {
    method: "post",
    path: "/written-procedures/{id}/objections",
    tags,
    summary: "Object to a written procedure before its deadline (voting members)",
    request: { params: ZIdParam, body: jsonBody(z.object({ note: ZOptionalText(2000) }).strict()) },
    responses: { 201: jsonResponse(ZWrittenProcedure, "Objected; the motion fails") },
  }),
  conclude: defineRoute("secretariat", {
    method: "post",
    path: "/written-procedures/{id}/conclusion",
    tags,
    summary: "After the deadline: record the resolution if nobody objected",
    request: { params: ZIdParam },
    responses: { 201: jsonResponse(ZWrittenProcedure.extend({ resolutionNumber: z.string().nullable() }), "Concluded") },
  }),
};

export const writtenProceduresRouter = createRouter()
  .openapi(writtenRoutes.start, async (c) => c.json(await startWrittenProcedure(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 201))
  .openapi(writtenRoutes.get, async (c) => c.json(await getWrittenProcedure(serviceContext(c), c.req.valid("param").id), 200))
  .openapi(writtenRoutes.object, async (c) => c.json(await objectToWrittenProcedure(serviceContext(c), c.req.valid("param").id, c.req.valid("json").note ?? undefined), 201))
  .openapi(writtenRoutes.conclude, async (c) => c.json(await concludeWrittenProcedure(serviceContext(c), c.req.valid("param").id), 201));
