import type { Context } from "hono";
import type { Principal } from "../auth/principal";
import type { AppDeps } from "../deps";
import type { ServiceContext } from "../services/context";

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    principal: Principal;
  };
}

/** The service context of a request. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const deps = c.get("deps");
  return { db: deps.db, actor: c.get("principal"), now: deps.now?.() ?? new Date() };
}
