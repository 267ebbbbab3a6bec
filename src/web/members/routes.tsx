/**
 * The members' area under /mitglieder, for members with a seat: their meetings and seats, and their personal
 * calendar subscription. The meetings' pages and documents are the portal's, which show a member what the policies
 * let them read.
 */
import { Hono } from "hono";
import { publicBaseUrl, serviceContext, type AppEnv } from "../../http/context";
import { createPersonalFeed, revokePersonalFeeds } from "../../services/meetings/calendar";
import { memberArea } from "../../services/members";
import { sameOrigin } from "../kit/forms";
import { enter, page } from "../kit/page";
import { m } from "../messages";
import { html, pageHeaders } from "../kit/render";
import { MemberAreaPage, MemberMinutesPage, ProcedurePage } from "./view";
import { z } from "zod";
import { form } from "../kit/form";
import type { Ctx } from "../kit/render";
import type { ServiceContext } from "../../services/context";
import { fileObjection, minutesForMember, signMinutes } from "../../services/minutes/minutes-approval";
import { getWrittenProcedure, objectToWrittenProcedure } from "../../services/meetings/written-procedures";

const minutesConfirmations = { eingewandt: m.members.minutesPage.filed, unterschrieben: m.members.minutesPage.signed };
const loadMinutes = (c: Ctx, _scope: unknown, ctx: ServiceContext) => minutesForMember(ctx, c.req.param("id") ?? "");

const objection = form({
  access: "member",
  schema: z.object({ text: z.string().trim().min(1).max(5000) }),
  labels: { text: m.members.minutesPage.objection },
  load: loadMinutes,
  view: ({ scope, data, values, errors, confirmation, notice }) => (
    <MemberMinutesPage scope={scope} data={data} values={values} errors={errors} notice={confirmation ?? notice} />
  ),
  confirmations: minutesConfirmations,
  submit: ({ text }, ctx, _scope, data) => fileObjection(ctx, data.meeting.id, text),
  done: (minutes) => `/mitglieder/niederschriften/${minutes.meetingId}?eingewandt`,
});

const signature = form({
  access: "member",
  schema: z.object({ role: z.enum(["chair", "member", "minute_taker"]) }),
  labels: { role: m.members.minutesPage.signAs },
  load: loadMinutes,
  view: ({ scope, data, values, errors }) => <MemberMinutesPage scope={scope} data={data} values={values} errors={errors} />,
  submit: ({ role }, ctx, _scope, data) => signMinutes(ctx, data.meeting.id, { role }),
  done: (minutes) => `/mitglieder/niederschriften/${minutes.meetingId}?unterschrieben`,
});

const procedureObjection = form({
  access: "member",
  schema: z.object({ note: z.string().trim().max(2000).optional() }),
  labels: { note: m.members.procedure.note },
  load: (c, _scope, ctx) => getWrittenProcedure(ctx, c.req.param("id") ?? ""),
  view: (props) => <ProcedurePage {...props} />,
  confirmations: { widersprochen: m.members.procedure.objected },
  submit: ({ note }, ctx, _scope, data) => objectToWrittenProcedure(ctx, data.id, note),
  done: (procedure) => `/mitglieder/umlaufverfahren/${procedure.id}?widersprochen`,
});

export const memberPages = new Hono<AppEnv>()
  .use("/mitglieder", pageHeaders)
  .use("/mitglieder/*", pageHeaders)
  .post("/mitglieder/*", sameOrigin)
  .get(
    "/mitglieder",
    page({
      access: "member",
      load: async (c, _scope, ctx) => ({ area: await memberArea(ctx), revoked: c.req.query("widerrufen") !== undefined }),
      view: ({ area, revoked }, scope) => (
        <MemberAreaPage scope={scope} area={area} notice={revoked ? m.members.feedsRevoked : undefined} />
      ),
    }),
  )
  .get("/mitglieder/niederschriften/:id", objection.get)
  .post("/mitglieder/niederschriften/:id/einwand", objection.post)
  .post("/mitglieder/niederschriften/:id/unterschreiben", signature.post)
  .get("/mitglieder/umlaufverfahren/:id", procedureObjection.get)
  .post("/mitglieder/umlaufverfahren/:id", procedureObjection.post)
  // The new feed's address is shown once, in the answer to the post: it is a secret, so it goes in no redirect.
  .post("/mitglieder/kalender", async (c) => {
    const entered = await enter(c, "member");
    if ("response" in entered) return entered.response;
    const { scope } = entered;
    const ctx = serviceContext(c);
    const secret = await createPersonalFeed(ctx);
    const https = `${publicBaseUrl(c)}/api/v1/calendar-feeds/${secret}.ics`;
    const response = await html(
      c,
      <MemberAreaPage
        scope={scope}
        area={await memberArea(ctx)}
        notice={m.members.feedCreated}
        feed={{ https, webcal: https.replace(/^https?:/, "webcal:") }}
      />,
    );
    // The answer holds a secret: no cache keeps it.
    response.headers.set("cache-control", "no-store");
    return response;
  })
  .post("/mitglieder/kalender/widerrufen", async (c) => {
    const entered = await enter(c, "member");
    if ("response" in entered) return entered.response;
    await revokePersonalFeeds(serviceContext(c));
    return c.redirect("/mitglieder?widerrufen", 303);
  });
