import { describe, expect, it } from "vitest";
import { BOOKMARK_COOKIE, BOOKMARK_HEADER, bookmarkOf, sessionFor, withBookmark } from "../src/entry/worker-d1-session";

const BOOKMARK = "00000000-00000019-00000000-3f1c5e0b9a7d2c4e";

/** A D1 binding that records the constraint or bookmark each session starts at, and answers a bookmark. */
function fakeD1() {
  const started: string[] = [];
  return {
    started,
    db: {
      withSession(at: string) {
        started.push(at);
        return { getBookmark: () => BOOKMARK, prepare() {}, batch() {} };
      },
    } as never,
  };
}

describe("D1 sessions on the Worker", () => {
  it("start reads anywhere, writes at the primary, and both at the client's bookmark when it carries one", () => {
    const d1 = fakeD1();
    sessionFor(d1.db, new Request("https://g.example/sitzungen"));
    sessionFor(d1.db, new Request("https://g.example/api/v1/bodies", { method: "POST" }));
    sessionFor(d1.db, new Request("https://g.example/sitzungen", { headers: { cookie: `a=b; ${BOOKMARK_COOKIE}=${BOOKMARK}` } }));
    sessionFor(d1.db, new Request("https://g.example/api/v1/meetings", { headers: { [BOOKMARK_HEADER]: BOOKMARK } }));
    expect(d1.started).toEqual(["first-unconstrained", "first-primary", BOOKMARK, BOOKMARK]);
  });

  it("ignore a bookmark that is not one, and bindings without sessions", () => {
    for (const bad of ["not-a-bookmark", "x".repeat(300), "00000000-0000;drop", `${"0-".repeat(150)}0`]) {
      expect(bookmarkOf(new Request("https://g.example/", { headers: { [BOOKMARK_HEADER]: bad } }))).toBeUndefined();
    }
    expect(sessionFor({} as never, new Request("https://g.example/"))).toBeNull();
  });

  it("hand the bookmark back after a write only, as an HttpOnly cookie and a header", async () => {
    const session = { getBookmark: () => BOOKMARK } as never;
    const read = withBookmark(new Request("https://g.example/sitzungen"), new Response("ok"), session);
    expect(read.headers.get("set-cookie")).toBeNull();
    const write = withBookmark(
      new Request("https://g.example/verwaltung/sitzungen", { method: "POST" }),
      new Response(null, { status: 303, headers: { location: "/x", "set-cookie": "gremium-session=s; HttpOnly" } }),
      session,
    );
    expect(write.status).toBe(303);
    expect(write.headers.get(BOOKMARK_HEADER)).toBe(BOOKMARK);
    expect(write.headers.getSetCookie()).toEqual([
      "gremium-session=s; HttpOnly",
      `${BOOKMARK_COOKIE}=${BOOKMARK}; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600; Secure`,
    ]);
  });
});
