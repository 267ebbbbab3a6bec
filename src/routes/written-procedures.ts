import { z } from "@hono/zod-openapi";
import { mailContext, serviceContext } from "../http/context";
import { ZIdParam, createRouter, defineRoute, jsonBody, jsonResponse } from "../http/openapi";
import { ZWrittenObjectionCreate, ZWrittenProcedure, ZWrittenProcedureCreate } from "../schemas/written-procedures";
import {
  concludeWrittenProcedure,
  getWrittenProcedure,
  objectToWrittenProcedure,
  startWrittenProcedure,
} from "../services/meetings/written-procedures";
import { tags } from "./attendance";

const routes = {
  start: defineRoute("secretariat", {
    method: "post",
    path: "/committees/{id}/written-procedures",
    tags,
    summary: "Put a simple motion to the members in writing (§37 (1) GemO)",
    request: { params: ZIdParam, body: jsonBody(ZWrittenProcedureCreate) },
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
    request: { params: ZIdParam, body: jsonBody(ZWrittenObjectionCreate) },
    responses: { 201: jsonResponse(ZWrittenProcedure, "Objected; the motion fails") },
  }),
  conclude: defineRoute("secretariat", {
    method: "post",
    path: "/written-procedures/{id}/conclusion",
    tags,
    summary: "After the deadline: record the resolution if nobody objected",
    request: { params: ZIdParam },
    responses: {
      201: jsonResponse(
        ZWrittenProcedure.extend({ resolutionNumber: z.string().nullable() }).openapi("WrittenProcedureConclusion"),
        "Concluded",
      ),
    },
  }),
};

export const writtenProceduresRouter = createRouter()
  .openapi(routes.start, async (c) =>
    c.json(await startWrittenProcedure(serviceContext(c), c.req.valid("param").id, c.req.valid("json"), mailContext(c)), 201),
  )
  .openapi(routes.get, async (c) => c.json(await getWrittenProcedure(serviceContext(c), c.req.valid("param").id), 200))
  .openapi(routes.object, async (c) => {
    return c.json(await objectToWrittenProcedure(serviceContext(c), c.req.valid("param").id, c.req.valid("json").note ?? undefined), 201);
  })
  .openapi(routes.conclude, async (c) => c.json(await concludeWrittenProcedure(serviceContext(c), c.req.valid("param").id), 201));
