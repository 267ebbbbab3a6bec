import type { Context } from "hono";
import type { HashingSlots } from "../auth/passwords";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";
import { createServiceContext, type ServiceContext } from "../services/context";

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** The password checks this process or isolate may run at once (one per app). */
    hashing: HashingSlots;
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

/**
 * The client's address, for counting sign-in failures and the audit log: as the entry knows it (the socket's, or
 * a trusted proxy's header on Node; Cloudflare's on Workers), never a header anyone may set.
 */
export const clientAddress = (c: Context<AppEnv>): string => c.get("deps").clientAddress?.(c) || "unbekannt";

/** The public address of the service: configured, or the origin the request came to. */
export const publicBaseUrl = (c: Context<AppEnv>) => c.get("deps").publicBaseUrl ?? new URL(c.req.url).origin;

/** The runtime's document dependencies, with the public address that each PDF prints for its pages. */
export const documentDeps = (c: Context<AppEnv>) => ({ ...c.get("deps"), baseUrl: publicBaseUrl(c) });

/** What a service needs to compose the mails an action sends: the templates and the address links point to. */
export const mailContext = (c: Context<AppEnv>) => ({ templates: c.get("deps").documents.templates, baseUrl: publicBaseUrl(c) });
