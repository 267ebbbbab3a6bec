import type { Context } from "hono";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";
import { createServiceContext, type ServiceContext } from "../services/context";

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    principal: Principal;
    serviceContext?: ServiceContext;
    /** The sign-in session of a page request, when there is one. */
    session?: { id: string; accountId: string };
    /** A session signed in with the password that waits for its second factor: it grants nothing yet. */
    pendingSession?: { id: string; accountId: string };
  };
}

/** The service context of a request, made once and kept on the request. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  let ctx = c.get("serviceContext");
  if (!ctx) {
    const deps = c.get("deps");
    ctx = createServiceContext(deps.db, c.get("principal"), deps.now?.() ?? new Date());
    c.set("serviceContext", ctx);
  }
  return ctx;
}

/** The public address of the service: configured, or the origin the request came to. */
export const publicBaseUrl = (c: Context<AppEnv>) => c.get("deps").publicBaseUrl ?? new URL(c.req.url).origin;
