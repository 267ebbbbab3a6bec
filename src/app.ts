import { compress } from "hono/compress";
import { HashingSlots } from "./auth/passwords";
import type { Statement } from "./db/database";
import { queuesMail } from "./db/queries/outbox";
import type { AppDeps } from "./deps";
import { authenticate } from "./http/authenticate";
import { publicBaseUrl, type AppEnv } from "./http/context";
import { createRouter, requestSizeLimit } from "./http/openapi";
import { Problem } from "./errors";
import { handleError, problemResponse } from "./http/problem";
import { apiRouter } from "./routes";
import { healthRouter } from "./routes/health";
import { oparlFallback, oparlRouter } from "./routes/oparl";
import { portal } from "./web/portal/routes";

import { errorPage, pageError } from "./web/kit/page";
import { accountPages } from "./web/account/routes";
import { memberPages } from "./web/members/routes";
import { workspacePages } from "./web/workspace/routes";
import { sessionPrincipal } from "./web/kit/session";
import { apiReference } from "./web/portal/docs";
import type { OpenApiDocument } from "./web/portal/api-reference";
import type { Context } from "hono";
import { staticFiles } from "./web/kit/static";

/** Request bodies above this size are refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Where a request gets its dependencies: the same for every request (Node, tests), or made from the
 * request's environment bindings (Workers, where the D1 binding arrives with the request).
 */
export type DepsSource = AppDeps | ((env: unknown) => AppDeps);

/**
 * Builds the HTTP app; it runs unchanged on Node and on Workers. It is built once (per process, or per
 * Worker isolate); each request gets its dependencies from the source, as Unkey's `init` middleware does.
 * `hashingConcurrency` bounds the password checks that run at once (see `HashingSlots`).
 */
export function createApp(source: DepsSource, options: { hashingConcurrency?: number } = {}) {
  const depsOf = typeof source === "function" ? source : () => source;
  const app = createRouter();

  // The API and its documents answer problem+json; every other address is a page, and its errors are HTML pages.
  const isApi = (path: string) => /^\/(api|openapi\.json|health|static|oparl)(\/|$)/.test(path);
  app.onError((error, c) => (isApi(c.req.path) ? handleError(error, c) : pageError(c, error)));
  app.notFound((c) =>
    isApi(c.req.path)
      ? problemResponse(new Problem("not_found", `Unter ${c.req.method} ${c.req.path} gibt es nichts.`), c.req.path)
      : errorPage(c, 404),
  );

  // No browser may guess another type than the one declared: for JSON, PDFs, feeds and files as for pages.
  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set("x-content-type-options", "nosniff");
  });
  const hashing = new HashingSlots(options.hashingConcurrency);
  app.use("*", async (c, next) => {
    const deps = depsOf(c.env);
    c.set("hashing", hashing);
    const { wakeSender, wakeOparl } = deps;
    if (!wakeSender && !wakeOparl) {
      c.set("deps", deps);
      return next();
    }
    // A request whose write put mail into the outbox wakes the sender after it, rather than at its next round; one
    // that wrote anything wakes the OParl view's work.
    let queued = false;
    let wrote = false;
    const db = {
      ...deps.db,
      batch(statements: Statement[]) {
        queued ||= queuesMail(statements);
        wrote = true;
        return deps.db.batch(statements);
      },
    };
    c.set("deps", { ...deps, db });
    await next();
    if (queued) wakeSender?.(c);
    if (wrote) wakeOparl?.(c, "write");
  });
  // Pages, JSON, CSS, OParl and feeds travel compressed where the client accepts it (gzip or deflate, with the
  // runtime's CompressionStream). PDFs, fonts and attachments are compressed already: their types are not on the
  // list, so they keep their Content-Length. Workers compress at Cloudflare's edge; there the app leaves it.
  const compressor = compress();
  app.use("*", (c, next) => (c.get("deps").runtimeCompresses ? next() : compressor(c, next)));
  // OParl is public and read-only: no token, no session, no request body.
  app.route("/oparl/v1.1", oparlRouter);
  app.get("/oparl", (c) => c.redirect("/oparl/v1.1/system", 301));
  app.route("/oparl", oparlFallback);
  // File uploads set their own, larger limit on their route.
  const jsonLimit = requestSizeLimit(MAX_BODY_BYTES);
  const isUpload = (method: string, path: string) =>
    (method === "POST" &&
      /^\/(api\/v1\/papers\/[^/]+\/attachments|verwaltung\/vorlagen\/[^/]+\/anlagen|verwaltung\/dokumente\/logo)$/.test(path)) ||
    (method === "PUT" && path.endsWith("/logo"));
  app.use("*", (c, next) => (isUpload(c.req.method, c.req.path) ? next() : jsonLimit(c, next)));
  app.use("*", authenticate());

  app.route("/", healthRouter);
  app.route("/api/v1", apiRouter);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API token minted by an admin (POST /api/v1/tokens or `npm run token`), or ADMIN_TOKEN.",
  });
  const openApi = (c: Context<AppEnv>) => ({
    openapi: "3.1.0",
    info: {
      title: "Gremium API",
      version: c.get("deps").version,
      description:
        "Committees, members, meetings and resolutions of German municipalities. Errors are application/problem+json (RFC 9457). " +
        "Updates and deletes require If-Match with the ETag from GET; a stale one gets 412.",
    },
    servers: [{ url: publicBaseUrl(c) }],
  });
  app.doc31("/openapi.json", openApi);
  app.route("/", staticFiles);
  // Pages accept the sign-in session (the API does not: bearer tokens only).
  const pageSession = sessionPrincipal();
  app.use("*", (c, next) => (/^\/(api|openapi\.json|health|static)(\/|$)/.test(c.req.path) ? next() : pageSession(c, next)));
  app.route("/", accountPages);
  app.route("/", memberPages);
  app.route("/", workspacePages);
  app.route(
    "/",
    apiReference((c) => app.getOpenAPI31Document(openApi(c)) as unknown as OpenApiDocument),
  );
  // The public portal answers every other address, last, so that it never shadows the API.
  app.route("/", portal);

  return app;
}

export type App = ReturnType<typeof createApp>;
