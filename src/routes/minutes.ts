import { z } from "@hono/zod-openapi";
import { mailContext, serviceContext } from "../http/context";
import { ZIdParam, ZIfMatchHeader, createRouter, defineRoute, jsonBody, jsonResponse, recordResponse } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { MINUTES_STATES } from "../rules/minutes";
import { ZId, ZInstant, ZOptionalText, ZText } from "../schemas/common";
import { ZMinutes, ZMinutesHistory } from "../schemas/minutes";
import { getMinutes, minutesHistory, saveItemNotes, transitionMinutes } from "../services/minutes/minutes";
import { decideObjection, fileObjection, signMinutes } from "../services/minutes/minutes-approval";

const tags = ["Minutes"];
const ZItemParam = z.object({
  id: ZIdParam.shape.id,
  itemId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "itemId", in: "path" } }),
});

const routes = {
  minutes: defineRoute("public", {
    method: "get",
    path: "/meetings/{id}/minutes",
    tags,
    summary: "The minutes: the public variant for everyone once published; the full one for the committee once circulated",
    request: { params: ZIdParam, query: z.object({ variant: z.enum(["full", "public"]).default("full") }) },
    responses: { 200: recordResponse(ZMinutes, "The minutes") },
  }),
  notes: defineRoute("secretariat", {
    method: "put",
    path: "/meetings/{id}/minutes/items/{itemId}",
    tags,
    summary: 'Save the notes on an item (Markdown); If-Match is the minutes\' ETag ("0" before they exist)',
    request: { params: ZItemParam, headers: ZIfMatchHeader, body: jsonBody(z.object({ notes: z.string().max(100_000) }).strict()) },
    responses: { 200: recordResponse(ZMinutes, "The minutes") },
  }),
  transition: defineRoute("secretariat", {
    method: "post",
    path: "/meetings/{id}/minutes/transitions",
    tags,
    summary: "Circulate, finalise (objections decided, four signatures) or publish the minutes",
    request: {
      params: ZIdParam,
      headers: ZIfMatchHeader,
      body: jsonBody(
        z
          .object({
            to: z.enum(MINUTES_STATES),
            signers: z
              .array(ZId)
              .min(1)
              .max(10)
              .optional()
              .openapi({
                description:
                  "On circulation: the members who took part and are asked to sign (§38 (2) GemO: two). " +
                  "Without it, everyone who took part is asked.",
              }),
          })
          .strict(),
      ),
    },
    responses: { 200: recordResponse(ZMinutes, "The minutes") },
  }),
  objection: defineRoute("member", {
    method: "post",
    path: "/meetings/{id}/minutes/objections",
    tags,
    summary: "File an objection to circulated minutes (members of the committee)",
    request: { params: ZIdParam, body: jsonBody(z.object({ text: ZText(5000) }).strict()) },
    responses: { 201: jsonResponse(ZMinutes, "The minutes") },
  }),
  decision: defineRoute("secretariat", {
    method: "post",
    path: "/minutes-objections/{id}/decision",
    tags,
    summary: "Record the committee's decision on an objection",
    request: {
      params: ZIdParam,
      body: jsonBody(z.object({ decision: z.enum(["accepted", "rejected"]), note: ZOptionalText(5000) }).strict()),
    },
    responses: { 201: jsonResponse(ZMinutes, "The minutes") },
  }),
  sign: defineRoute("member", {
    method: "post",
    path: "/meetings/{id}/minutes/signatures",
    tags,
    summary:
      "Sign the minutes as chair, member or minute-taker: a member signs themselves, with their own token; the secretariat " +
      "records a signature given on paper, with personId and signedAt",
    request: {
      params: ZIdParam,
      body: jsonBody(
        z
          .object({
            role: z.enum(["chair", "member", "minute_taker"]),
            personId: ZId.optional().openapi({ description: "For a signature on paper: who signed." }),
            signedAt: ZInstant.optional().openapi({ description: "For a signature on paper: when it was given." }),
          })
          .strict(),
      ),
    },
    responses: { 201: jsonResponse(ZMinutes, "The minutes") },
  }),
  history: defineRoute("secretariat", {
    method: "get",
    path: "/meetings/{id}/minutes/revisions",
    tags,
    summary: "Every saved state of the notes, and the diff from the first draft to the current text",
    request: { params: ZIdParam },
    responses: { 200: jsonResponse(ZMinutesHistory, "History") },
  }),
};

export const minutesRouter = createRouter()
  .openapi(routes.minutes, async (c) => {
    const minutes = await getMinutes(serviceContext(c), c.req.valid("param").id, c.req.valid("query").variant);
    return c.json(withEtag(c, minutes), 200);
  })
  .openapi(routes.notes, async (c) => {
    const { id, itemId } = c.req.valid("param");
    return c.json(withEtag(c, await saveItemNotes(serviceContext(c), id, itemId, requiredVersion(c), c.req.valid("json").notes)), 200);
  })
  .openapi(routes.transition, async (c) => {
    const minutes = await transitionMinutes(
      serviceContext(c),
      c.req.valid("param").id,
      requiredVersion(c),
      c.req.valid("json").to,
      mailContext(c),
      c.req.valid("json").signers,
    );
    return c.json(withEtag(c, minutes), 200);
  })
  .openapi(routes.objection, async (c) =>
    c.json(await fileObjection(serviceContext(c), c.req.valid("param").id, c.req.valid("json").text), 201),
  )
  .openapi(routes.decision, async (c) => {
    const { decision, note } = c.req.valid("json");
    return c.json(await decideObjection(serviceContext(c), c.req.valid("param").id, decision, note ?? undefined), 201);
  })
  .openapi(routes.sign, async (c) => c.json(await signMinutes(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 201))
  .openapi(routes.history, async (c) => c.json(await minutesHistory(serviceContext(c), c.req.valid("param").id), 200));
