import { describe, expect, it } from "vitest";
import { fixtures } from "../helpers/fixtures";
import { ADMIN_TOKEN, createTestApp, json } from "../helpers/test-app";

describe("people", () => {
  it("creates a person with 201, an ETag and the name in any script", async () => {
    const { request } = createTestApp();
    const body = await fixtures(request).body();
    const response = await request("POST", "/api/v1/people", {
      token: ADMIN_TOKEN,
      body: { bodyId: body.id, givenName: "Αθηνά", familyName: "Παπαδοπούλου", formOfAddress: "Frau", email: "athina@example.org" },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("etag")).toBe('"1"');
    const person = await json(response);
    expect(person).toMatchObject({ givenName: "Αθηνά", familyName: "Παπαδοπούλου", version: 1, email: "athina@example.org" });
    const read = await json(await request("GET", `/api/v1/people/${person.id}`, { token: ADMIN_TOKEN }));
    expect(read.familyName).toBe("Παπαδοπούλου");
  });

  it("refuses an invalid body with 400 problem+json naming each field", async () => {
    const { request } = createTestApp();
    const body = await fixtures(request).body();
    const response = await request("POST", "/api/v1/people", {
      token: ADMIN_TOKEN,
      body: { bodyId: body.id, givenName: "  ", email: "not-an-email" },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = await json(response);
    expect(problem).toMatchObject({ status: 400, title: "Invalid request" });
    const fields = problem.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["givenName", "familyName", "email"]));
    expect(problem.errors.find((e: { field: string }) => e.field === "email").reason).toMatch(/E-Mail/);
  });

  it("refuses unknown fields instead of ignoring them", async () => {
    const { request } = createTestApp();
    const body = await fixtures(request).body();
    const response = await request("POST", "/api/v1/people", {
      token: ADMIN_TOKEN,
      body: { bodyId: body.id, givenName: "A", familyName: "B", migrationBackground: true },
    });
    expect(response.status).toBe(400);
  });

  it("answers 422 on bodyId when the body does not exist", async () => {
    const { request } = createTestApp();
    const response = await request("POST", "/api/v1/people", {
      token: ADMIN_TOKEN,
      body: { bodyId: "nope", givenName: "A", familyName: "B" },
    });
    expect(response.status).toBe(422);
    expect((await json(response)).errors).toEqual([{ field: "bodyId", reason: "nennt keine bestehende Körperschaft" }]);
  });

  it("shows contact data to the body's secretariat and admins only", async () => {
    const { request, tokenFor } = createTestApp();
    const f = fixtures(request);
    const body = await f.body();
    const other = await f.body({ name: "Gemeinde Anderswo" });
    const person = await f.person(body.id);
    await f.membership((await f.committee(body.id)).id, person.id);
    const viewers = {
      anonymous: undefined,
      member: await tokenFor("member", { personId: person.id }),
      otherSecretariat: await tokenFor("secretariat", { bodyId: other.id }),
      secretariat: await tokenFor("secretariat", { bodyId: body.id }),
      admin: ADMIN_TOKEN,
    };
    for (const [viewer, token] of Object.entries(viewers)) {
      const single = await json(await request("GET", `/api/v1/people/${person.id}`, { token }));
      const listed = (await json(await request("GET", `/api/v1/people?bodyId=${body.id}`, { token }))).items[0];
      const sees = viewer === "secretariat" || viewer === "admin";
      for (const view of [single, listed]) {
        expect(view.familyName, viewer).toBe("Yıldırım");
        expect("email" in view, viewer).toBe(sees);
        expect("phone" in view, viewer).toBe(sees);
      }
    }
  });

  it("requires If-Match for updates: 428 without, 412 when stale, 200 with the current ETag", async () => {
    const { request } = createTestApp();
    const f = fixtures(request);
    const person = await f.person((await f.body()).id);
    const path = `/api/v1/people/${person.id}`;

    expect((await request("PATCH", path, { token: ADMIN_TOKEN, body: { title: "Dr." } })).status).toBe(428);
    const fresh = await request("PATCH", path, { token: ADMIN_TOKEN, body: { title: "Dr." }, headers: { "if-match": '"1"' } });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("etag")).toBe('"2"');
    const stale = await request("PATCH", path, { token: ADMIN_TOKEN, body: { title: "Prof." }, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(412);
    expect((await json(stale)).currentVersion).toBe(2);
    expect((await json(await request("GET", path, { token: ADMIN_TOKEN }))).title).toBe("Dr.");
  });

  it("lets exactly one of two concurrent updates with the same ETag win", async () => {
    const { request } = createTestApp();
    const f = fixtures(request);
    const person = await f.person((await f.body()).id);
    const update = (organisation: string) =>
      request("PATCH", `/api/v1/people/${person.id}`, { token: ADMIN_TOKEN, body: { organisation }, headers: { "if-match": '"1"' } });
    const statuses = (await Promise.all([update("Verein A"), update("Verein B")])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412]);
    const audit = await json(await request("GET", `/api/v1/audit-log?entityId=${person.id}`, { token: ADMIN_TOKEN }));
    expect(audit.items.filter((e: { action: string }) => e.action === "update")).toHaveLength(1);
  });

  it("clears an optional field with null", async () => {
    const { request } = createTestApp();
    const f = fixtures(request);
    const person = await f.person((await f.body()).id);
    const response = await request("PATCH", `/api/v1/people/${person.id}`, {
      token: ADMIN_TOKEN,
      body: { phone: null },
      headers: { "if-match": '"1"' },
    });
    expect((await json(response)).phone).toBeNull();
  });

  it("soft-deletes a person without current seats, and refuses while they hold one", async () => {
    const { request } = createTestApp();
    const f = fixtures(request);
    const body = await f.body();
    const committee = await f.committee(body.id);
    const seated = await f.person(body.id);
    const free = await f.person(body.id, { givenName: "Ștefan", familyName: "Mureșan" });
    await f.membership(committee.id, seated.id);

    const refused = await request("DELETE", `/api/v1/people/${seated.id}`, { token: ADMIN_TOKEN, headers: { "if-match": '"1"' } });
    expect(refused.status).toBe(409);
    expect((await request("DELETE", `/api/v1/people/${free.id}`, { token: ADMIN_TOKEN, headers: { "if-match": '"1"' } })).status).toBe(204);
    expect((await request("GET", `/api/v1/people/${free.id}`, { token: ADMIN_TOKEN })).status).toBe(404);
    const names = (await json(await request("GET", `/api/v1/people?bodyId=${body.id}`, { token: ADMIN_TOKEN }))).items.map(
      (p: { familyName: string }) => p.familyName,
    );
    expect(names).toEqual(["Yıldırım"]);
  });

  it("pages through a list with a cursor, each person exactly once, by family name", async () => {
    const { request } = createTestApp();
    const f = fixtures(request);
    const body = await f.body();
    const familyNames = ["Wąsik", "Ковальчук", "Abebe", "Çelik", "Müller"];
    for (const familyName of familyNames) await f.person(body.id, { familyName });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const pageResponse: { items: { familyName: string }[]; nextCursor: string | null } = await json(
        await request("GET", `/api/v1/people?bodyId=${body.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { token: ADMIN_TOKEN }),
      );
      expect(pageResponse.items.length).toBeLessThanOrEqual(2);
      seen.push(...pageResponse.items.map((p) => p.familyName));
      cursor = pageResponse.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(familyNames));
    expect(seen[0]).toBe("Abebe");
  });

  it("shows people who hold no seat only to the secretariat and admins", async () => {
    const { request, tokenFor } = createTestApp();
    const f = fixtures(request);
    const body = await f.body();
    const member = await f.person(body.id, { familyName: "Wąsik" });
    const staff = await f.person(body.id, { familyName: "Albrecht", organisation: "Stabsstelle Integration" });
    await f.membership((await f.committee(body.id)).id, member.id);
    const memberToken = await tokenFor("member", { personId: member.id });
    for (const token of [undefined, memberToken]) {
      const names = (await json(await request("GET", `/api/v1/people?bodyId=${body.id}`, { token }))).items.map(
        (p: { familyName: string }) => p.familyName,
      );
      expect(names).toEqual(["Wąsik"]);
      expect((await request("GET", `/api/v1/people/${staff.id}`, { token })).status).toBe(404);
    }
    const secretariat = await tokenFor("secretariat", { bodyId: body.id });
    const all = (await json(await request("GET", `/api/v1/people?bodyId=${body.id}`, { token: secretariat }))).items.map(
      (p: { familyName: string }) => p.familyName,
    );
    expect(all).toEqual(["Albrecht", "Wąsik"]);
  });

  it("filters by name", async () => {
    const { request } = createTestApp();
    const f = fixtures(request);
    const body = await f.body();
    await f.person(body.id, { givenName: "Жанна", familyName: "Ковальчук" });
    await f.person(body.id, { givenName: "Łucja", familyName: "Wąsik" });
    const found = await json(await request("GET", `/api/v1/people?q=${encodeURIComponent("Wąs")}`, { token: ADMIN_TOKEN }));
    expect(found.items.map((p: { givenName: string }) => p.givenName)).toEqual(["Łucja"]);
  });
});
