import { z } from "@hono/zod-openapi";
import { mailContext, serviceContext } from "../http/context";
import { ZIdParam, ZIfMatchHeader, createRouter, defineRoute, jsonBody, jsonResponse, recordResponse } from "../http/openapi";
import { ZPageQuery, page } from "../http/pagination";
import { requiredVersion, withEtag } from "../http/versioning";
import { ZAgenda, ZAgendaItemCreate, ZAgendaItemMove, ZAgendaItemUpdate } from "../schemas/agenda";
import { ZInvitation, ZInvitationCreate, toInvitationView } from "../schemas/invitations";
import {
  ZMeeting,
  ZMeetingCourse,
  ZMeetingCreate,
  ZMeetingListQuery,
  ZMeetingTransition,
  ZMeetingUpdate,
  ZMeetingWithAgenda,
  toMeetingView,
} from "../schemas/meetings";
import { agendaOf, createAgendaItem, getAgenda, moveAgendaItem, removeAgendaItem, updateAgendaItem } from "../services/meetings/agenda";
import { listInvitations, sendInvitation } from "../services/meetings/invitations";
import {
  createMeeting,
  deleteMeeting,
  recordCourse,
  getMeeting,
  listMeetings,
  transitionMeeting,
  updateMeeting,
} from "../services/meetings/meetings";

const tags = ["Meetings"];
const agendaTags = ["Agenda"];
const ZAgendaChange = ZAgenda.extend({ itemId: z.string().openapi({ description: "The item that was written." }) }).openapi("AgendaChange");

const routes = {
  list: defineRoute("public", {
    method: "get",
    path: "/meetings",
    tags,
    summary: "List meetings",
    request: { query: ZPageQuery.extend(ZMeetingListQuery.shape) },
    responses: { 200: jsonResponse(page(ZMeeting, "MeetingPage"), "A page of meetings, by start") },
  }),
  get: defineRoute("public", {
    method: "get",
    path: "/meetings/{id}",
    tags,
    summary: "Get a meeting",
    request: { params: ZIdParam },
    responses: { 200: recordResponse(ZMeetingWithAgenda, "The meeting with its agenda as the caller may see it") },
  }),
  create: defineRoute("secretariat", {
    method: "post",
    path: "/meetings",
    tags,
    summary: "Plan a meeting, optionally from the standard frame; answers the meeting with its agenda",
    request: { body: jsonBody(ZMeetingCreate) },
    responses: { 201: recordResponse(ZMeetingWithAgenda, "Planned") },
  }),
  update: defineRoute("secretariat", {
    method: "patch",
    path: "/meetings/{id}",
    tags,
    summary: "Change time, place or title of a planned or invited meeting",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZMeetingUpdate) },
    responses: { 200: recordResponse(ZMeeting, "Changed") },
  }),
  transition: defineRoute("secretariat", {
    method: "post",
    path: "/meetings/{id}/transitions",
    tags,
    summary: "Mark a meeting held or closed, or cancel it with a reason",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZMeetingTransition) },
    responses: { 200: recordResponse(ZMeeting, "The meeting in its new state") },
  }),
  agenda: defineRoute("public", {
    method: "get",
    path: "/meetings/{id}/agenda",
    tags: agendaTags,
    summary: "The numbered agenda as the caller may see it",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZAgenda, "The agenda") },
  }),
  addItem: defineRoute("secretariat", {
    method: "post",
    path: "/meetings/{id}/agenda-items",
    tags: agendaTags,
    summary: "Add an agenda item (an amendment once the invitation is out)",
    request: { params: ZIdParam, body: jsonBody(ZAgendaItemCreate) },
    responses: { 201: jsonResponse(ZAgendaChange, "The renumbered agenda") },
  }),
  updateItem: defineRoute("secretariat", {
    method: "patch",
    path: "/agenda-items/{id}",
    tags: agendaTags,
    summary: "Change an agenda item",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZAgendaItemUpdate) },
    responses: { 200: jsonResponse(ZAgendaChange, "The agenda") },
  }),
  moveItem: defineRoute("secretariat", {
    method: "post",
    path: "/agenda-items/{id}/move",
    tags: agendaTags,
    summary: "Move or nest an agenda item",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZAgendaItemMove) },
    responses: { 200: jsonResponse(ZAgendaChange, "The renumbered agenda") },
  }),
  course: defineRoute("secretariat", {
    method: "put",
    path: "/meetings/{id}/course",
    tags,
    summary: "Record when a held meeting actually began and ended, and its interruptions, for the minutes (§38 (1) GemO)",
    request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(ZMeetingCourse) },
    responses: { 200: recordResponse(ZMeeting, "The meeting") },
  }),
  remove: defineRoute("secretariat", {
    method: "delete",
    path: "/meetings/{id}",
    tags,
    summary: "Delete a planned meeting that was never invited, with its agenda (an invited one is cancelled instead)",
    request: { params: ZIdParam, headers: ZIfMatchHeader },
    responses: { 204: { description: "Deleted" } },
  }),
  removeItem: defineRoute("secretariat", {
    method: "delete",
    path: "/agenda-items/{id}",
    tags: agendaTags,
    summary: "Remove an agenda item (withdrawn, and kept visible, once the invitation is out)",
    request: { params: ZIdParam, headers: ZIfMatchHeader },
    responses: { 200: jsonResponse(ZAgendaChange, "The renumbered agenda") },
  }),
  invite: defineRoute("secretariat", {
    method: "post",
    path: "/meetings/{id}/invitation",
    tags,
    summary: "Record the dispatch of the invitation (checks the notice period, §34 GemO)",
    request: { params: ZIdParam, body: jsonBody(ZInvitationCreate) },
    responses: { 201: jsonResponse(ZInvitation, "Sent; the meeting is invited") },
  }),
  invitations: defineRoute("secretariat", {
    method: "get",
    path: "/meetings/{id}/invitations",
    tags,
    summary: "The recorded dispatches of the invitation",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(z.object({ items: z.array(ZInvitation) }), "Dispatches, oldest first") },
  }),
};

export const meetingsRouter = createRouter()
  .openapi(routes.list, async (c) => {
    const result = await listMeetings(serviceContext(c), c.req.valid("query"));
    return c.json({ items: result.items.map(toMeetingView), nextCursor: result.nextCursor }, 200);
  })
  .openapi(routes.get, async (c) => {
    const ctx = serviceContext(c);
    const meeting = await getMeeting(ctx, c.req.valid("param").id);
    const { meetingId: _meetingId, ...agenda } = await agendaOf(ctx, meeting);
    return c.json(withEtag(c, { ...toMeetingView(meeting), agenda }), 200);
  })
  .openapi(routes.create, async (c) => {
    const { meeting, agenda } = await createMeeting(serviceContext(c), c.req.valid("json"));
    const { meetingId: _meetingId, ...items } = agenda;
    return c.json(withEtag(c, { ...toMeetingView(meeting), agenda: items }), 201);
  })
  .openapi(routes.update, async (c) => {
    const meeting = await updateMeeting(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toMeetingView(meeting)), 200);
  })
  .openapi(routes.transition, async (c) => {
    const meeting = await transitionMeeting(
      serviceContext(c),
      c.req.valid("param").id,
      requiredVersion(c),
      c.req.valid("json"),
      mailContext(c),
    );
    return c.json(withEtag(c, toMeetingView(meeting)), 200);
  })
  .openapi(routes.course, async (c) => {
    const meeting = await recordCourse(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toMeetingView(meeting)), 200);
  })
  .openapi(routes.remove, async (c) => {
    await deleteMeeting(serviceContext(c), c.req.valid("param").id, requiredVersion(c));
    return c.body(null, 204);
  })
  .openapi(routes.agenda, async (c) => c.json(await getAgenda(serviceContext(c), c.req.valid("param").id), 200))
  .openapi(routes.addItem, async (c) =>
    c.json(await createAgendaItem(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(routes.updateItem, async (c) =>
    c.json(await updateAgendaItem(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json")), 200),
  )
  .openapi(routes.moveItem, async (c) =>
    c.json(await moveAgendaItem(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json")), 200),
  )
  .openapi(routes.removeItem, async (c) =>
    c.json(await removeAgendaItem(serviceContext(c), c.req.valid("param").id, requiredVersion(c)), 200),
  )
  .openapi(routes.invite, async (c) => {
    const invitation = await sendInvitation(serviceContext(c), c.req.valid("param").id, c.req.valid("json"), mailContext(c));
    return c.json(toInvitationView(invitation), 201);
  })
  .openapi(routes.invitations, async (c) => {
    const invitations = await listInvitations(serviceContext(c), c.req.valid("param").id);
    return c.json({ items: invitations.map(toInvitationView) }, 200);
  });
