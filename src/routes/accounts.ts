import { z } from "@hono/zod-openapi";
import { publicBaseUrl, mailContext, serviceContext } from "../http/context";
import { ZIdParam, createRouter, defineRoute, jsonBody, jsonResponse } from "../http/openapi";
import { ZAccount, ZAccountCreate, toAccountView } from "../schemas/accounts";
import { createAccount, endSessions, getAccount, newPasswordLink, setLocked } from "../services/accounts/accounts";

const tags = ["Accounts"];
const ZAccountWithLink = ZAccount.extend({
  setPasswordUrl: z.string().openapi({ description: "Works once, for 7 days. Hand it over; it is not shown again." }),
}).openapi("AccountWithLink");

const routes = {
  create: defineRoute("secretariat", {
    method: "post",
    path: "/accounts",
    tags,
    summary: "Create a person's account for the HTML front ends, with a one-time link to set its password (shown once, 7 days)",
    request: { body: jsonBody(ZAccountCreate) },
    responses: {
      201: jsonResponse(
        ZAccount.extend({
          setPasswordUrl: z.string().openapi({ description: "Works once, for 7 days. Hand it over; it is not shown again." }),
        }),
        "The account and its set-password link",
      ),
    },
  }),
  get: defineRoute("secretariat", {
    method: "get",
    path: "/accounts/{id}",
    tags,
    summary: "An account (the secretariat: member accounts of its body; admins: all)",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZAccount, "The account") },
  }),
  lock: defineRoute("secretariat", {
    method: "post",
    path: "/accounts/{id}/lock",
    tags,
    summary: "Lock an account: it cannot sign in, and its sessions end",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZAccount, "The locked account") },
  }),
  unlock: defineRoute("secretariat", {
    method: "post",
    path: "/accounts/{id}/unlock",
    tags,
    summary: "Unlock an account",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZAccount, "The unlocked account") },
  }),
  link: defineRoute("secretariat", {
    method: "post",
    path: "/accounts/{id}/password-link",
    tags,
    summary: "A new one-time link to set the password (forgotten password); older links stop working",
    request: { params: ZIdParam },
    responses: { 201: jsonResponse(ZAccountWithLink, "The account and its new link") },
  }),
  endSessions: defineRoute("secretariat", {
    method: "delete",
    path: "/accounts/{id}/sessions",
    tags,
    summary: "End every session of an account",
    request: { params: ZIdParam },
    responses: { 204: { description: "Ended" } },
  }),
};

export const accountsRouter = createRouter()
  .openapi(routes.create, async (c) => {
    const { account, setPasswordPath } = await createAccount(serviceContext(c), c.req.valid("json"), mailContext(c));
    return c.json({ ...toAccountView(account), setPasswordUrl: `${publicBaseUrl(c)}${setPasswordPath}` }, 201);
  })
  .openapi(routes.get, async (c) => c.json(toAccountView(await getAccount(serviceContext(c), c.req.valid("param").id)), 200))
  .openapi(routes.lock, async (c) => c.json(toAccountView(await setLocked(serviceContext(c), c.req.valid("param").id, true)), 200))
  .openapi(routes.unlock, async (c) => c.json(toAccountView(await setLocked(serviceContext(c), c.req.valid("param").id, false)), 200))
  .openapi(routes.link, async (c) => {
    const { account, setPasswordPath } = await newPasswordLink(serviceContext(c), c.req.valid("param").id, mailContext(c));
    return c.json({ ...toAccountView(account), setPasswordUrl: `${publicBaseUrl(c)}${setPasswordPath}` }, 201);
  })
  .openapi(routes.endSessions, async (c) => {
    await endSessions(serviceContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
