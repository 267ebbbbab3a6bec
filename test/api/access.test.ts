import { describe, expect, it } from "vitest";
import { fixtures } from "../helpers/fixtures";
import { ADMIN_TOKEN, createTestApp, json } from "../helpers/test-app";

type Operation = { method: string; path: string; role: string };

async function operations(request: ReturnType<typeof createTestApp>["request"]): Promise<Operation[]> {
  const doc = await json(await request("GET", "/openapi.json"));
  return Object.entries(doc.paths as Record<string, Record<string, { "x-required-role"?: string }>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, role: op["x-required-role"] ?? "(none)" })),
  );
}

/** Fills path parameters with a real id, so that a request reaches the permission check and beyond. */
const concrete = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);

describe("access control", () => {
  it("declares a required role on every operation", async () => {
    const { request } = createTestApp();
    const ops = await operations(request);
    expect(ops.length).toBeGreaterThan(20);
    for (const op of ops) expect(["public", "member", "secretariat", "admin"], `${op.method} ${op.path}`).toContain(op.role);
    for (const op of ops.filter((o) => o.method !== "GET")) expect(op.role, `${op.method} ${op.path} is a write`).not.toBe("public");
  });

  it("answers 401 to every anonymous write and 403 to a member's attempt at a secretariat or admin operation", async () => {
    const { request, tokenFor } = createTestApp();
    const f = fixtures(request);
    const body = await f.body();
    const person = await f.person(body.id);
    const memberToken = await tokenFor("member", { personId: person.id });
    const ops = await operations(request);

    for (const op of ops.filter((o) => o.role !== "public")) {
      const path = concrete(op.path, person.id);
      const init = { body: op.method === "GET" || op.method === "DELETE" ? undefined : {}, headers: { "if-match": '"1"' } };
      const anonymous = await request(op.method, path, init);
      expect(anonymous.status, `anonymous ${op.method} ${op.path}`).toBe(401);
      if (op.role === "secretariat" || op.role === "admin") {
        const member = await request(op.method, path, { ...init, token: memberToken });
        expect(member.status, `member ${op.method} ${op.path}`).toBe(403);
      }
    }
    // Nothing of the above was written.
    expect((await json(await request("GET", `/api/v1/people/${person.id}`, { token: ADMIN_TOKEN }))).version).toBe(1);
  });

  it("keeps the secretariat to its own body", async () => {
    const { request, tokenFor } = createTestApp();
    const f = fixtures(request);
    const own = await f.body();
    const other = await f.body({ name: "Gemeinde Anderswo" });
    const token = await tokenFor("secretariat", { bodyId: own.id });

    expect(
      (
        await request("POST", "/api/v1/committees", {
          token,
          body: { bodyId: own.id, name: "Integrationsbeirat", shortName: "IBR", kind: "advisory_council" },
        })
      ).status,
    ).toBe(201);
    const foreign = await request("POST", "/api/v1/committees", {
      token,
      body: { bodyId: other.id, name: "Integrationsbeirat", shortName: "IBR", kind: "advisory_council" },
    });
    expect(foreign.status).toBe(403);
    const foreignPerson = await f.person(other.id);
    expect(
      (await request("PATCH", `/api/v1/people/${foreignPerson.id}`, { token, body: { title: "Dr." }, headers: { "if-match": '"1"' } }))
        .status,
    ).toBe(403);
    expect(
      (await request("PATCH", `/api/v1/bodies/${other.id}`, { token, body: { name: "Übernommen" }, headers: { "if-match": '"1"' } }))
        .status,
    ).toBe(403);
    expect(
      (await request("PATCH", `/api/v1/bodies/${own.id}`, { token, body: { shortName: "TH" }, headers: { "if-match": '"1"' } })).status,
    ).toBe(200);
    expect((await request("POST", "/api/v1/bodies", { token, body: { name: "Neu" } })).status).toBe(403);
  });

  it("keeps tokens and the audit log to admins", async () => {
    const { request, tokenFor } = createTestApp();
    const body = await fixtures(request).body();
    const secretariat = await tokenFor("secretariat", { bodyId: body.id });
    expect((await request("GET", "/api/v1/audit-log", { token: secretariat })).status).toBe(403);
    expect((await request("POST", "/api/v1/tokens", { token: secretariat, body: { name: "x", role: "admin" } })).status).toBe(403);
    expect((await request("GET", "/api/v1/audit-log", { token: ADMIN_TOKEN })).status).toBe(200);
  });

  it("mints scoped tokens and validates their scope", async () => {
    const { request } = createTestApp();
    const body = await fixtures(request).body();
    const missing = await request("POST", "/api/v1/tokens", { token: ADMIN_TOKEN, body: { name: "GS", role: "secretariat" } });
    expect(missing.status).toBe(400);
    expect((await json(missing)).errors[0].field).toBe("bodyId");
    const minted = await request("POST", "/api/v1/tokens", {
      token: ADMIN_TOKEN,
      body: { name: "GS", role: "secretariat", bodyId: body.id },
    });
    expect(minted.status).toBe(201);
    const created = await json(minted);
    expect(created.token).toMatch(/^grm_[A-Za-z0-9_-]{43}$/);
    const listed = await json(await request("GET", "/api/v1/tokens", { token: ADMIN_TOKEN }));
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect((await request("GET", "/api/v1/people", { token: created.token })).status).toBe(200);
  });
});
