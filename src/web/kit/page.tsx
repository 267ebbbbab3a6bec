/**
 * One way to write a page: `page({ access, load, view })`. The access the page declares is checked before `load`:
 * an anonymous visitor goes to the sign-in page and comes back (`/anmelden?weiter=…`), a signed-in visitor without
 * the right gets a German 403 page. `load` reads through the services (which check every record again), `view`
 * renders. Whatever goes wrong becomes an HTML error page with its status, never a JSON body.
 */
import type { JSX } from "hono/jsx/jsx-runtime";
import { Problem } from "../../errors";
import { serviceContext } from "../../http/context";
import { statusOf, toProblem } from "../../http/problem";
import { mayEnter, type PageAccess } from "../../policies/pages";
import { listBodies } from "../../services/people/bodies";
import type { ServiceContext } from "../../services/context";
import { m } from "../messages";
import { BodiesPage, ErrorPage } from "../portal/views";
import { type Ctx, html, scopeOf } from "./render";
import type { Scope } from "./urls";
import { signInFor } from "./next";

export type BodyScope = Scope & { body: NonNullable<Scope["body"]> };

export interface PageSpec<T> {
  access: PageAccess;
  load: (c: Ctx, scope: BodyScope, ctx: ServiceContext) => Promise<T>;
  view: (data: T, scope: BodyScope) => JSX.Element;
  /** The status of the answer, if not 200: a page that shows a refused filter is a 400. */
  status?: (data: T) => 200 | 400;
  /** A page that changes by the minute (the room's display): no cache keeps it without asking again. */
  fresh?: boolean;
}

/**
 * The visitor's body, if they may enter an area: otherwise the answer to give instead (the choice of body, the
 * sign-in page that comes back here, or 403). Pages and form posts start with it.
 */
export async function enter(c: Ctx, access: PageAccess): Promise<{ scope: BodyScope } | { response: Response }> {
  const scope = await scopeOf(c).catch(() => null);
  if (!scope) return { response: await errorPage(c, 404, { body: null, several: true }) };
  if (!scope.body) return { response: await html(c, <BodiesPage bodies={(await listBodies(serviceContext(c), { limit: 200 })).items} />) };
  const actor = c.get("principal");
  if (mayEnter(actor, access, scope.body.id)) return { scope: scope as BodyScope };
  if (actor.kind !== "anonymous") return { response: await errorPage(c, 403, scope) };
  // A form post comes back to the page that holds the form.
  const url = new URL(c.req.url);
  const back = c.req.method === "GET" ? url.pathname + url.search : url.pathname.split("/").slice(0, 2).join("/");
  return { response: c.redirect(signInFor(back), 303) };
}

export function page<T>(spec: PageSpec<T>) {
  return async (c: Ctx) => {
    const entered = await enter(c, spec.access);
    if ("response" in entered) return entered.response;
    const body = entered.scope;
    try {
      const ctx = serviceContext(c);
      const data = await spec.load(c, body, ctx);
      const response = await html(c, spec.view(data, body), spec.status?.(data) ?? 200);
      if (spec.fresh && response.status === 200) response.headers.set("cache-control", "no-cache");
      return response;
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      return errorPage(c, statusOf(error), body);
    }
  };
}

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 429 | 500 | 503;

const TEXTS: Record<number, { title: string; text: string }> = {
  400: { title: m.errors.badRequest, text: m.errors.badRequestText },
  401: { title: m.errors.unauthenticated, text: m.errors.unauthenticatedText },
  403: { title: m.errors.forbidden, text: m.errors.forbiddenText },
  404: { title: m.errors.notFound, text: m.errors.notFoundText },
  409: { title: m.errors.conflict, text: m.errors.conflictText },
  410: { title: m.errors.gone, text: m.errors.goneText },
  412: { title: m.errors.conflict, text: m.errors.conflictText },
  413: { title: m.errors.tooLarge, text: m.errors.tooLargeText },
  422: { title: m.errors.badRequest, text: m.errors.badRequestText },
  429: { title: m.errors.tooMany, text: m.errors.tooManyText },
  503: { title: m.errors.unavailable, text: m.errors.unavailableText },
};

/** The HTML page of an error status, in the visitor's body where it is known. */
export async function errorPage(c: Ctx, status: number, scope?: Scope) {
  const known = (TEXTS[status] ? status : 500) as ErrorStatus | 412 | 422;
  const { title, text } = TEXTS[known] ?? { title: m.errors.serverError, text: m.errors.serverErrorText };
  const where = scope ?? (await scopeOf(c).catch(() => ({ body: null, several: true })));
  const shown = (known === 412 ? 409 : known === 422 ? 400 : known) as Parameters<typeof html>[2];
  return html(c, <ErrorPage scope={where} title={title} text={text} />, shown);
}

/** An error thrown on a page address (outside `page`, or unexpected): its HTML page. 500s are logged. */
export async function pageError(c: Ctx, error: unknown) {
  const problem = toProblem(error);
  const status = statusOf(problem);
  if (status >= 500) console.error("Unhandled error", c.req.method, c.req.path, error);
  return errorPage(c, status);
}
