import { mailContext, serviceContext } from "../http/context";
import { ZIdParam, createRouter, defineRoute, jsonResponse } from "../http/openapi";
import { ZAmendmentDispatch, ZMail, ZMailList, ZMailListQuery, toMailView } from "../schemas/mails";
import { listOutbox, resendMail } from "../services/mail/outbox";
import { sendAmendment } from "../services/meetings/invitations";

const tags = ["Mail"];

const routes = {
  list: defineRoute("secretariat", {
    method: "get",
    path: "/bodies/{id}/outbox",
    tags,
    summary: "The outbox of a body: every mail, newest first, with what became of it (not its text)",
    request: { params: ZIdParam, query: ZMailListQuery },
    responses: { 200: jsonResponse(ZMailList, "The mails, at most 500") },
  }),
  resend: defineRoute("secretariat", {
    method: "post",
    path: "/outbox/{id}/resend",
    tags,
    summary: "Send a mail that was sent or failed once more, as a new mail in the outbox",
    request: { params: ZIdParam },
    responses: { 201: jsonResponse(ZMail, "The new mail, waiting to be sent") },
  }),
  amendment: defineRoute("secretariat", {
    method: "post",
    path: "/meetings/{id}/amendment",
    tags,
    summary: "Mail the agenda changes since the invitation (or the last amendment) to those invited (Nachtrag)",
    request: { params: ZIdParam },
    responses: { 201: jsonResponse(ZAmendmentDispatch, "Put into the outbox") },
  }),
};

export const mailsRouter = createRouter()
  .openapi(routes.list, async (c) => {
    const mails = await listOutbox(serviceContext(c), c.req.valid("param").id, c.req.valid("query"));
    return c.json({ items: mails.map(toMailView), mailServer: Boolean(c.get("deps").mail?.transport) }, 200);
  })
  .openapi(routes.resend, async (c) => c.json(toMailView(await resendMail(serviceContext(c), c.req.valid("param").id)), 201))
  .openapi(routes.amendment, async (c) => {
    const dispatch = await sendAmendment(serviceContext(c), c.req.valid("param").id, mailContext(c));
    return c.json({ ...dispatch, byPost: dispatch.byPost.map(({ personId, name, byPost }) => ({ personId, name, byPost: byPost! })) }, 201);
  });
