/**
 * What every form of the pages shares: a post from another site (no same Origin, no Sec-Fetch-Site: same-origin)
 * is refused with a German 403 page (hono/csrf).
 */
import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../../http/context";
import { m } from "../messages";
import { ErrorPage } from "../portal/views";
import { html, scopeOf } from "./render";

const checkOrigin = csrf();

export const sameOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  try {
    return await checkOrigin(c, next);
  } catch (error) {
    if (!(error instanceof HTTPException && error.status === 403)) throw error;
    const scope = await scopeOf(c).catch(() => ({ body: null, several: true }));
    return html(c, <ErrorPage scope={scope} title={m.account.crossSite} text={m.account.crossSiteText} />, 403);
  }
};
