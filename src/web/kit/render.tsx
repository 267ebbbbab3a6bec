/**
 * What every HTML page shares: its headers (a CSP without script), the visitor's body (scope), and the page's
 * caching and ETag. Pages are written with `page` and `form` (kit/page.tsx, kit/form.tsx).
 */
import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import { secureHeaders } from "hono/secure-headers";
import { serviceContext, type AppEnv } from "../../http/context";
import { getBody, listBodies } from "../../services/people/bodies";
import type { Scope } from "./urls";

export type Ctx = Context<AppEnv>;
export const param = (c: Ctx, name: string) => c.req.param(name) ?? "";

/**
 * The pages that load a script of ours (static/live.js): the live meeting, which saves notes as the clerk types, and
 * the room's display, which refreshes itself. Both work without it.
 */
const SCRIPTED = /^\/(verwaltung\/sitzungen\/[^/]+\/live(\/[^/]+)?|sitzungen\/[^/]+\/anzeige)$/;

/** The Content-Security-Policy of every page: no script but ours where one is needed, styles and images from here only. */
export const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: [(c) => (SCRIPTED.test(c.req.path) ? "'self'" : "'none'")],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  referrerPolicy: "strict-origin-when-cross-origin",
  xFrameOptions: "DENY",
  crossOriginResourcePolicy: "same-origin",
});

type BodyRef = NonNullable<Scope["body"]>;

/**
 * The first two bodies, kept for 30 s per database: every page needs them (the header names the body, and
 * several bodies put it in the addresses), and bodies are rarely added. A new one shows within 30 s.
 */
const bodyCache = new WeakMap<object, { until: number; bodies: BodyRef[] }>();
async function firstBodies(c: Ctx): Promise<BodyRef[]> {
  const deps = c.get("deps");
  const now = Date.now();
  const cached = bodyCache.get(deps.db);
  if (cached && cached.until > now) return cached.bodies;
  const bodies = (await listBodies(serviceContext(c), { limit: 2 })).items.map(({ id, name, shortName }) => ({ id, name, shortName }));
  bodyCache.set(deps.db, { until: now + 30_000, bodies });
  return bodies;
}

/** The body named by the page a same-site request came from (`?k=` in its Referer), if any. */
function bodyOfReferrer(c: Ctx): string | undefined {
  const referrer = c.req.header("referer");
  if (!referrer) return undefined;
  try {
    const from = new URL(referrer);
    return from.origin === new URL(c.req.url).origin ? (from.searchParams.get("k") ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** Which body the visitor is in: named by `?k=`, or the signed-in person's own, or the only one; else none. */
export async function scopeOf(c: Ctx): Promise<Scope> {
  const bodies = await firstBodies(c);
  // The body the address names; else, for a member or the secretariat, their own; else the one of the page the
  // visitor came from (an admin's form post or link in the workspace of one of several bodies); else the only one.
  const actor = c.get("principal");
  const named = c.req.query("k") ?? ("bodyId" in actor ? actor.bodyId : undefined) ?? bodyOfReferrer(c);
  const body = named
    ? (bodies.find((b) => b.id === named) ?? (await getBody(serviceContext(c), named)))
    : bodies.length === 1
      ? bodies[0]
      : undefined;
  return {
    body: body ? { id: body.id, name: body.name, shortName: body.shortName } : null,
    several: bodies.length > 1,
    signedIn: c.get("session") !== undefined,
    ...(c.get("session") && c.get("principal").kind !== "anonymous" ? { role: c.get("principal").kind as NonNullable<Scope["role"]> } : {}),
  };
}

/** A page with its status; a page the browser has (same ETag) is answered 304 without a body. */
export async function html(c: Ctx, page: JSX.Element, status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 500 | 503 = 200) {
  const body = `<!DOCTYPE html>${await page}`;
  if (status !== 200) {
    c.header("cache-control", "no-store");
    return c.html(body, status);
  }
  const tag = `W/"${contentHash(body)}"`;
  c.header("etag", tag);
  // A page for anyone identified (a session, or a bearer token) is theirs alone; a shared cache keeps only what the
  // public sees, and keys it on what could identify someone.
  const personal = c.get("session") !== undefined || c.get("principal").kind !== "anonymous";
  c.header("cache-control", personal ? "private, no-cache" : "public, max-age=60");
  c.header("vary", "Cookie, Authorization");
  if (
    c.req
      .header("if-none-match")
      ?.split(/\s*,\s*/)
      .includes(tag)
  )
    return c.body(null, 304);
  return c.html(body, 200);
}

/**
 * A SHA-1 of a page, for its weak ETag: a validator, not a security measure. Native on Node and on Workers
 * (nodejs_compat): twice as fast as hashing the string in JavaScript.
 */
function contentHash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}
