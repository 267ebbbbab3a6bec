import { z } from "@hono/zod-openapi";
import { serviceContext } from "../http/context";
import { ZIdParam, createRouter, defineRoute, jsonBody, jsonResponse } from "../http/openapi";
import {
  ZAttendanceSheet,
  ZAttendanceSheetUpdate,
  ZAttendanceUpdate,
  ZRecusalCreate,
  ZResolution,
  ZStatementCreate,
  ZVote,
  ZVoteCreate,
  toResolutionView,
  toVoteView,
} from "../schemas/outcomes";
import { attendanceSheet, recordAttendance, recordAttendanceSheet, recordRecusal, recordStatement } from "../services/meetings/attendance";
import { recordVote } from "../services/meetings/votes";

export const tags = ["Meeting outcomes"];
const ZRecusal = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    itemId: z.string(),
    personId: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Recusal");
const ZMinutesEntry = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    itemId: z.string(),
    kind: z.string(),
    personId: z.string().nullable(),
    text: z.string(),
    refId: z.string().nullable(),
    actorName: z.string(),
    createdAt: z.string(),
  })
  .openapi("MinutesEntry");
const ZPersonParam = z.object({
  id: ZIdParam.shape.id,
  personId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "personId", in: "path" } }),
});

const routes = {
  attendance: defineRoute("member", {
    method: "get",
    path: "/meetings/{id}/attendance",
    tags,
    summary: "Attendance and the quorum for every item (§37 (2) GemO)",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZAttendanceSheet, "The attendance sheet") },
  }),
  recordSheet: defineRoute("secretariat", {
    method: "put",
    path: "/meetings/{id}/attendance",
    tags,
    summary: "Record the whole attendance sheet in one step: a default for every seat holder (deputies aside) and the exceptions",
    request: { params: ZIdParam, body: jsonBody(ZAttendanceSheetUpdate) },
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
    responses: { 201: jsonResponse(ZRecusal, "Recorded") },
  }),
  statement: defineRoute("secretariat", {
    method: "post",
    path: "/agenda-items/{id}/statements",
    tags,
    summary: "Record a member's demand to have their vote or statement in the minutes",
    request: { params: ZIdParam, body: jsonBody(ZStatementCreate) },
    responses: { 201: jsonResponse(ZMinutesEntry, "Recorded") },
  }),
  vote: defineRoute("secretariat", {
    method: "post",
    path: "/agenda-items/{id}/votes",
    tags,
    summary: "Record a vote or election; refused without quorum (422 with the computation)",
    request: { params: ZIdParam, body: jsonBody(ZVoteCreate) },
    responses: {
      201: jsonResponse(
        z.object({ vote: ZVote, resolution: ZResolution.nullable() }).openapi("VoteRecorded"),
        "The vote and the resolution, if adopted",
      ),
    },
  }),
};

export const attendanceRouter = createRouter()
  .openapi(routes.attendance, async (c) => c.json(await attendanceSheet(serviceContext(c), c.req.valid("param").id), 200))
  .openapi(routes.recordSheet, async (c) =>
    c.json(await recordAttendanceSheet(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(routes.recordAttendance, async (c) => {
    const { id, personId } = c.req.valid("param");
    return c.json(await recordAttendance(serviceContext(c), id, personId, c.req.valid("json")), 200);
  })
  .openapi(routes.recusal, async (c) => c.json(await recordRecusal(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 201))
  .openapi(routes.statement, async (c) =>
    c.json(await recordStatement(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(routes.vote, async (c) => {
    const { vote, resolution, committee } = await recordVote(serviceContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ vote: toVoteView(vote), resolution: resolution && toResolutionView(resolution, committee.shortName, true) }, 201);
  });
