/**
 * The API reference at /docs, rendered on the server from the same OpenAPI document that /openapi.json serves.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { ApiReferencePage, type OpenApiDocument } from "./api-reference";
import { type Ctx, html, pageHeaders, scopeOf } from "../kit/render";

export const apiReference = (document: (c: Ctx) => OpenApiDocument) =>
  new Hono<AppEnv>()
    .use("/docs", pageHeaders)
    .get("/docs", async (c) => html(c, <ApiReferencePage scope={await scopeOf(c)} document={document(c)} />));
