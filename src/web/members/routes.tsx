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
import { MemberAreaPage } from "./view";

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
