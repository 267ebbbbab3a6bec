import { describe, expect, it } from "vitest";
import { createApp, MAX_BODY_BYTES } from "../../src/app";
import type { Database } from "../../src/db/database";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { fixtures } from "../helpers/fixtures";
import { ADMIN_TOKEN, createTestApp, json, jsonClient } from "../helpers/test-app";

const isProblem = (response: Response) => expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);

describe("errors are application/problem+json", () => {
  it("answers an unknown route with 404", async () => {
    const { request } = createTestApp();
    const response = await request("GET", "/api/v1/nothing-here");
    expect(response.status).toBe(404);
    isProblem(response);
    expect(await json(response)).toMatchObject({ status: 404, title: "Not found", type: expect.stringContaining("not_found") });
  });

  it("says in German what went wrong, whichever layer refuses", async () => {
    const { request } = createTestApp();
    const responses = [
      await request("GET", "/api/v1/nothing-here"),
      await request("GET", "/api/v1/committees/x"),
      await request("POST", "/api/v1/bodies", {
        token: ADMIN_TOKEN,
        body: '{"name": "Stadt',
        headers: { "content-type": "application/json" },
      }),
      await request("POST", "/api/v1/bodies", { token: ADMIN_TOKEN, body: "name=Stadt", headers: { "content-type": "text/plain" } }),
      await request("POST", "/api/v1/bodies", { token: ADMIN_TOKEN }),
      await request("POST", "/api/v1/bodies", { token: "unknown", body: { name: "Stadt" } }),
      await request("GET", "/api/v1/meetings?limit=abc"),
    ];
    for (const response of responses) {
      const { detail, errors } = await json(response);
      const texts = [detail, ...(errors ?? []).map((e: { reason: string }) => e.reason)];
      for (const text of texts) expect(text, `${response.status}: ${text}`).not.toMatch(/\b(the|is|does|must|not|cannot|required)\b/);
      expect(detail).toMatch(/[äöüß]|\b(die|der|das|ist|eine?|gibt|nicht)\b/i);
    }
  });

  it("answers an unknown id with 404", async () => {
    const { request } = createTestApp();
    for (const path of [
      "/api/v1/bodies/x",
      "/api/v1/committees/x",
      "/api/v1/people/x",
      "/api/v1/memberships/x",
      "/api/v1/terms/x",
      "/api/v1/committees/x/members",
    ]) {
      const response = await request("GET", path);
      expect(response.status, path).toBe(404);
      isProblem(response);
    }
  });

  it("answers malformed JSON with 400", async () => {
    const { request } = createTestApp();
    const response = await request("POST", "/api/v1/bodies", {
      token: ADMIN_TOKEN,
      body: '{"name": "Stadt',
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    isProblem(response);
    expect((await json(response)).title).toBe("Malformed JSON");
  });

  it("answers a body that is not JSON with 415", async () => {
    const { request } = createTestApp();
    const response = await request("POST", "/api/v1/bodies", {
      token: ADMIN_TOKEN,
      body: "name=Stadt",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(415);
    isProblem(response);
  });

  it("answers a missing body with 400 naming the required fields", async () => {
    const { request } = createTestApp();
    const response = await request("POST", "/api/v1/bodies", { token: ADMIN_TOKEN });
    expect(response.status).toBe(400);
    isProblem(response);
    expect((await json(response)).errors).toEqual([{ field: "name", reason: "ist erforderlich" }]);
  });

  it("answers a body over the size limit with 413 and writes nothing", async () => {
    const { request } = createTestApp();
    const response = await request("POST", "/api/v1/bodies", { token: ADMIN_TOKEN, body: { name: "x".repeat(MAX_BODY_BYTES + 10) } });
    expect(response.status).toBe(413);
    isProblem(response);
    expect((await json(await request("GET", "/api/v1/bodies"))).items).toEqual([]);
  });

  it("answers a bad query parameter with 400 naming it", async () => {
    const { request } = createTestApp();
    const response = await request("GET", "/api/v1/people?limit=5000");
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].field).toBe("query.limit");
  });

  it("refuses an unknown or malformed bearer token with 401", async () => {
    const { request } = createTestApp();
    for (const headers of [{ authorization: "Bearer grm_unknown" }, { authorization: "Basic abc" }]) {
      const response = await request("GET", "/api/v1/bodies", { headers });
      expect(response.status).toBe(401);
      isProblem(response);
    }
  });

  it("refuses an expired or revoked token", async () => {
    let now = new Date("2026-01-01T00:00:00Z");
    const { request } = createTestApp({ now: () => now });
    const minted = await json(
      await request("POST", "/api/v1/tokens", { token: ADMIN_TOKEN, body: { name: "kurz", role: "admin", expiresInDays: 1 } }),
    );
    expect((await request("GET", "/api/v1/tokens", { token: minted.token })).status).toBe(200);
    now = new Date("2026-01-03T00:00:00Z");
    expect((await request("GET", "/api/v1/tokens", { token: minted.token })).status).toBe(401);

    const other = await json(await request("POST", "/api/v1/tokens", { token: ADMIN_TOKEN, body: { name: "widerrufen", role: "admin" } }));
    expect((await request("DELETE", `/api/v1/tokens/${other.id}`, { token: ADMIN_TOKEN })).status).toBe(204);
    expect((await request("GET", "/api/v1/tokens", { token: other.token })).status).toBe(401);
  });

  it("reveals nothing internal in a 500", async () => {
    const broken = {
      prisma: new Proxy(
        {},
        {
          get: () => {
            throw new Error("SQLITE_CORRUPT at /srv/secret/path.db");
          },
        },
      ),
      batch: () => Promise.reject(new Error("secret")),
      query: () => Promise.reject(new Error("SQLITE_CORRUPT at /srv/secret/path.db")),
      queryAll: () => Promise.reject(new Error("SQLITE_CORRUPT at /srv/secret/path.db")),
    } as unknown as Database;
    const app = createApp({
      db: broken,
      attachments: { put: async () => {}, get: async () => null },
      documents: loadDocumentAssets(),
      version: "test",
    });
    const request = jsonClient((path, init) => Promise.resolve(app.request(path, init)));
    const original = console.error;
    console.error = () => {};
    try {
      const response = await request("GET", "/api/v1/bodies");
      expect(response.status).toBe(500);
      isProblem(response);
      const text = await response.text();
      expect(text).not.toMatch(/SQLITE|secret|stack|\.ts/);
      expect(JSON.parse(text)).toMatchObject({ status: 500, title: "Internal server error" });
      const health = await request("GET", "/health");
      expect(health.status).toBe(503);
      expect((await json(health)).database.status).toBe("unavailable");
    } finally {
      console.error = original;
    }
  });

  it("leaves nothing behind when a batch fails in the middle", async () => {
    const { db, request } = createTestApp();
    const body = await fixtures(request).body();
    await expect(
      db.batch([
        {
          sql: `INSERT INTO "Person" ("id","bodyId","givenName","familyName","version","createdAt","updatedAt") VALUES ('p1',
            ?, 'A', 'B', 1, '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')`,
          params: [body.id],
        },
        {
          sql: `INSERT INTO "Person" ("id","bodyId","givenName","familyName","version","createdAt","updatedAt") VALUES ('p2',
            'no-such-body', 'A', 'B', 1, '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')`,
          params: [],
        },
      ]),
    ).rejects.toThrow(/constraint/i);
    expect(await db.prisma.person.count()).toBe(0);
  });
});
