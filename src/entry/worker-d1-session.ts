/**
 * D1's Sessions API on Workers: with read replication, a read may go to a replica that has not seen the latest
 * write. A request runs in a session; after a write, the client gets the session's bookmark (a cookie for browsers,
 * a header for API clients) and its next requests start their session there, so that a user always reads their own
 * writes while reads of others may go to a replica. Without a bookmark, a read takes any copy
 * ("first-unconstrained"), a write starts at the primary ("first-primary").
 */
import type { D1Database, D1DatabaseSession } from "@cloudflare/workers-types";

export const BOOKMARK_COOKIE = "gremium-d1";
export const BOOKMARK_HEADER = "gremium-d1-bookmark";
/** What a D1 bookmark looks like: hex groups separated by dashes. Anything else is ignored, not passed to D1. */
const BOOKMARK = /^[0-9a-f]+(?:-[0-9a-f]+){2,}$/i;

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The bookmark a request carries, in its header or its cookie, if it is well-formed. */
export function bookmarkOf(request: Request): string | undefined {
  const given =
    request.headers.get(BOOKMARK_HEADER) ??
    new RegExp(`(?:^|;\\s*)${BOOKMARK_COOKIE}=([^;]+)`).exec(request.headers.get("cookie") ?? "")?.[1];
  return given && given.length <= 200 && BOOKMARK.test(given) ? given : undefined;
}

/** The session a request runs in; null where the binding has none (older runtimes, test doubles). */
export function sessionFor(db: D1Database, request: Request): D1DatabaseSession | null {
  if (typeof db.withSession !== "function") return null;
  return db.withSession(bookmarkOf(request) ?? (READS.has(request.method) ? "first-unconstrained" : "first-primary"));
}

/**
 * The response with the session's bookmark after a write: as a cookie (HttpOnly, for the pages) and a header (for
 * API clients). Reads set nothing, so that public pages stay free of cookies and cacheable.
 */
export function withBookmark(request: Request, response: Response, session: D1DatabaseSession | null): Response {
  const bookmark = session?.getBookmark();
  if (!bookmark || READS.has(request.method)) return response;
  const answered = new Response(response.body, response);
  answered.headers.set(BOOKMARK_HEADER, bookmark);
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  answered.headers.append("set-cookie", `${BOOKMARK_COOKIE}=${bookmark}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600${secure}`);
  return answered;
}
