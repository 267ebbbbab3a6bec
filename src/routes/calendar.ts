import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../http/context";
import { publicBaseUrl, serviceContext } from "../http/context";
import { ZIdParam, createRouter, defineRoute, jsonResponse } from "../http/openapi";
import { ZMeeting, toMeetingView } from "../schemas/meetings";
import { upcomingAnnouncements } from "../services/meetings/announcements";
import { bodyCalendar, committeeCalendar, createPersonalFeed, personalCalendar, revokePersonalFeeds } from "../services/meetings/calendar";

const tags = ["Calendar and announcements"];
const ics = { description: "An iCalendar feed (RFC 5545)", content: { "text/calendar": { schema: { type: "string" as const } } } };

const calendarResponse = (c: Context<AppEnv>, body: string) =>
  c.body(body, 200, {
    "content-type": "text/calendar; charset=utf-8",
    "content-disposition": 'inline; filename="sitzungen.ics"',
    "cache-control": "private, max-age=300",
  });

const committeeFeed = defineRoute("public", {
  method: "get",
  path: "/committees/{id}/calendar.ics",
  tags,
  summary: "Public calendar feed of a committee (public items only)",
  request: { params: ZIdParam },
  responses: { 200: ics },
});

const bodyFeed = defineRoute("public", {
  method: "get",
  path: "/bodies/{id}/calendar.ics",
  tags,
  summary: "Public calendar feed of all committees of a body (public items only)",
  request: { params: ZIdParam },
  responses: { 200: ics },
});

const personalFeed = defineRoute("public", {
  method: "get",
  path: "/calendar-feeds/{token}",
  tags,
  summary: "A member's personal feed, with the non-public item titles of their committees; the URL is the credential",
  request: {
    params: z.object({
      token: z
        .string()
        .regex(/^grm_[A-Za-z0-9_-]{43}\.ics$/, "is not a feed address")
        .openapi({ param: { name: "token", in: "path" } }),
    }),
  },
  responses: { 200: ics, 404: { description: "Unknown or revoked feed" } },
});

const mintFeed = defineRoute("member", {
  method: "post",
  path: "/calendar-feeds",
  tags,
  summary: "Create a personal feed URL for the calling member (shown once)",
  responses: { 201: jsonResponse(z.object({ url: z.string() }), "The feed URL; keep it secret") },
});

const revokeFeeds = defineRoute("member", {
  method: "delete",
  path: "/calendar-feeds",
  tags,
  summary: "Revoke all personal feed URLs of the calling member",
  responses: { 204: { description: "Revoked" } },
});

const ZAnnouncement = z
  .object({
    meeting: ZMeeting,
    agenda: z.array(z.object({ number: z.string(), title: z.string(), paperNumber: z.string().nullable() })),
  })
  .openapi("Announcement");

const announcements = defineRoute("public", {
  method: "get",
  path: "/bodies/{id}/announcements",
  tags,
  summary: "Public announcement of upcoming public meetings: time, place and public agenda",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(ZAnnouncement) }), "Upcoming meetings whose invitation went out") },
});

export const calendarRouter = createRouter()
  .openapi(committeeFeed, async (c) =>
    calendarResponse(c, await committeeCalendar(serviceContext(c), c.req.valid("param").id, publicBaseUrl(c))),
  )
  .openapi(bodyFeed, async (c) => calendarResponse(c, await bodyCalendar(serviceContext(c), c.req.valid("param").id, publicBaseUrl(c))))
  .openapi(personalFeed, async (c) => {
    const secret = c.req.valid("param").token.replace(/\.ics$/, "");
    return calendarResponse(c, await personalCalendar(serviceContext(c), secret, publicBaseUrl(c)));
  })
  .openapi(mintFeed, async (c) => {
    const secret = await createPersonalFeed(serviceContext(c));
    return c.json({ url: `${publicBaseUrl(c)}/api/v1/calendar-feeds/${secret}.ics` }, 201);
  })
  .openapi(revokeFeeds, async (c) => {
    await revokePersonalFeeds(serviceContext(c));
    return c.body(null, 204);
  })
  .openapi(announcements, async (c) => {
    const items = await upcomingAnnouncements(serviceContext(c), c.req.valid("param").id);
    return c.json({ items: items.map(({ meeting, agenda }) => ({ meeting: toMeetingView(meeting), agenda })) }, 200);
  });
