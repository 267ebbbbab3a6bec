import { describe, expect, it } from "vitest";
import { fixtures } from "../helpers/fixtures";
import { ADMIN_TOKEN, createTestApp, json } from "../helpers/test-app";

describe("audit log", () => {
  it("records every write with who, when, what, before and after", async () => {
    const at = new Date("2026-11-21T10:15:00Z");
    const { request, tokenFor } = createTestApp({ now: () => at });
    const body = await fixtures(request).body();
    const secretariat = await tokenFor("secretariat", { bodyId: body.id });
    const created = await json(
      await request("POST", "/api/v1/people", {
        token: secretariat,
        body: { bodyId: body.id, givenName: "Жанна", familyName: "Ковальчук" },
      }),
    );
    await request("PATCH", `/api/v1/people/${created.id}`, { token: secretariat, body: { title: "Dr." }, headers: { "if-match": '"1"' } });
    await request("DELETE", `/api/v1/people/${created.id}`, { token: secretariat, headers: { "if-match": '"2"' } });

    const log = await json(await request("GET", `/api/v1/audit-log?entityType=Person&entityId=${created.id}`, { token: ADMIN_TOKEN }));
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(["delete", "update", "create"]);
    const [deleted, updated, inserted] = log.items;
    expect(inserted).toMatchObject({ actorName: "secretariat test token", before: null, after: { familyName: "Ковальчук", version: 1 } });
    expect(updated.before).toMatchObject({ title: null, version: 1 });
    expect(updated.after).toMatchObject({ title: "Dr.", version: 2 });
    expect(deleted.after.deletedAt).toBe("2026-11-21T10:15:00.000Z");
    expect(log.items.map((e: { at: string }) => e.at)).toEqual(Array(3).fill("2026-11-21T10:15:00.000Z"));
    const tokens = await json(await request("GET", "/api/v1/tokens", { token: ADMIN_TOKEN }));
    expect(updated.actorId).toBe(tokens.items.find((token: { name: string }) => token.name === "secretariat test token").id);
  });

  it("records refused writes nowhere", async () => {
    const { request } = createTestApp();
    const person = await fixtures(request).person((await fixtures(request).body()).id);
    await request("PATCH", `/api/v1/people/${person.id}`, { token: ADMIN_TOKEN, body: { title: "Dr." }, headers: { "if-match": '"7"' } });
    const log = await json(await request("GET", `/api/v1/audit-log?entityId=${person.id}`, { token: ADMIN_TOKEN }));
    expect(log.items).toHaveLength(1);
  });

  it("never stores a token's hash", async () => {
    const { request } = createTestApp();
    await request("POST", "/api/v1/tokens", { token: ADMIN_TOKEN, body: { name: "Automation", role: "admin" } });
    const log = await json(await request("GET", "/api/v1/audit-log?entityType=ApiToken", { token: ADMIN_TOKEN }));
    expect(log.items).toHaveLength(1);
    expect(log.items[0].after.name).toBe("Automation");
    expect(log.items[0].after.tokenHash).toBeUndefined();
  });
});
