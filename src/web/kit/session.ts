/**
 * The sign-in session of the HTML front ends: a random 256-bit secret in the cookie `__Host-gremium_session`
 * (HttpOnly, Secure, SameSite=Lax, Path=/), only its SHA-256 in the database. The JSON API ignores the cookie and
 * accepts bearer tokens only, so it needs no CSRF protection; every form post of the pages is checked by hono/csrf.
 *
 * Over plain HTTP on localhost the cookie still works: browsers treat http://localhost and loopback addresses as
 * potentially trustworthy origins (W3C Secure Contexts, §3.1) and keep Secure and __Host- cookies from them.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "../../http/context";
import { DEFAULT_SESSION_TIMES, principalOfAccount, sessionOf } from "../../services/accounts/accounts";

const NAME = "gremium_session";
const ATTRIBUTES = { path: "/", secure: true, httpOnly: true, sameSite: "Lax", prefix: "host" } as const;

export const sessionTimes = (c: Context<AppEnv>) => c.get("deps").sessionTimes ?? DEFAULT_SESSION_TIMES;

/** Sets the cookie of a new session; it lives as long as the session can. */
export function setSessionCookie(c: Context<AppEnv>, secret: string) {
  setCookie(c, NAME, secret, { ...ATTRIBUTES, maxAge: sessionTimes(c).maxDays * 86_400 });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, NAME, ATTRIBUTES);
}

/**
 * Makes the session's account the actor of a page request. A cookie without a live session is cleared, and the
 * visitor is anonymous.
 */
export function sessionPrincipal(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secret = getCookie(c, NAME, "host");
    if (secret && c.get("principal").kind === "anonymous") {
      const deps = c.get("deps");
      const session = await sessionOf(deps.db, secret, deps.now?.() ?? new Date(), sessionTimes(c));
      if (session?.secondFactorPending) {
        c.set("pendingSession", { id: session.id, accountId: session.accountId });
      } else if (session) {
        // With REQUIRE_ADMIN_2FA, an admin without two-factor sign-in reaches their account page, and nothing more.
        const withheld = session.account.role === "admin" && deps.requireAdmin2fa && session.account.totpEnabledAt === null;
        if (!withheld) c.set("principal", principalOfAccount(session.account, session.id));
        c.set("session", { id: session.id, accountId: session.accountId });
      } else {
        clearSessionCookie(c);
      }
    }
    await next();
  };
}
