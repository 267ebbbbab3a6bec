import { describe, expect, it } from "vitest";
import { scenario } from "../helpers/scenario";
import { ADMIN_TOKEN, json } from "../helpers/test-app";

/** A committee without seats, and a person of the body to give one. */
async function setup() {
  const t = await scenario({ seats: {} });
  const person = await t.f.person(t.body.id);
  return { ...t, person };
}

const post = (t: Awaited<ReturnType<typeof setup>>, body: Record<string, unknown>) =>
  t.request("POST", "/api/v1/memberships", {
    token: ADMIN_TOKEN,
    body: { committeeId: t.committee.id, personId: t.person.id, role: "member", ...body },
  });

describe("memberships", () => {
  it("creates a membership with the role's default voting right", async () => {
    const t = await setup();
    const member = await json(
      await post(t, { startDate: "2024-07-01", seatCategory: "sachkundige Einwohner", onBehalfOf: "Griechische Gemeinde" }),
    );
    expect(member).toMatchObject({
      role: "member",
      votingRight: true,
      endDate: null,
      seatCategory: "sachkundige Einwohner",
      onBehalfOf: "Griechische Gemeinde",
    });
    const other = await t.f.person(t.body.id, { familyName: "Ковальчук" });
    const advisory = await json(await post(t, { personId: other.id, role: "advisory_member", startDate: "2024-07-01" }));
    expect(advisory.votingRight).toBe(false);
  });

  it("refuses an end before the start, naming endDate", async () => {
    const t = await setup();
    const response = await post(t, { startDate: "2024-07-01", endDate: "2024-06-30" });
    expect(response.status).toBe(400);
    expect((await json(response)).errors).toEqual([{ field: "endDate", reason: "darf nicht vor startDate liegen" }]);
  });

  it("refuses impossible dates", async () => {
    const t = await setup();
    const response = await post(t, { startDate: "2025-02-29" });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].field).toBe("startDate");
  });

  it("refuses a voting right for an advisory member", async () => {
    const t = await setup();
    const response = await post(t, { role: "advisory_member", votingRight: true, startDate: "2024-07-01" });
    expect(response.status).toBe(422);
    expect((await json(response)).errors[0].field).toBe("votingRight");
  });

  it("refuses overlapping memberships of one person in one committee, and allows adjacent ones", async () => {
    const t = await setup();
    expect((await post(t, { startDate: "2019-07-01", endDate: "2024-06-30" })).status).toBe(201);
    const overlap = await post(t, { startDate: "2024-06-30" });
    expect(overlap.status).toBe(409);
    expect((await json(overlap)).errors[0].field).toBe("startDate");
    expect((await post(t, { startDate: "2024-07-01" })).status).toBe(201);
    const inside = await post(t, { startDate: "2020-01-01", endDate: "2020-12-31" });
    expect(inside.status).toBe(409);
  });

  it("creates only one of two concurrent overlapping memberships", async () => {
    const t = await setup();
    const statuses = (await Promise.all([post(t, { startDate: "2024-07-01" }), post(t, { startDate: "2025-01-01" })]))
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([201, 409]);
    const listed = await json(await t.request("GET", `/api/v1/memberships?personId=${t.person.id}`));
    expect(listed.items).toHaveLength(1);
  });

  it("refuses an update that would make two seats overlap", async () => {
    const t = await setup();
    await post(t, { startDate: "2019-07-01", endDate: "2024-06-30" });
    const later = await json(await post(t, { startDate: "2024-07-01" }));
    const response = await t.request("PATCH", `/api/v1/memberships/${later.id}`, {
      token: ADMIN_TOKEN,
      body: { startDate: "2024-01-01" },
      headers: { "if-match": '"1"' },
    });
    expect(response.status).toBe(409);
    expect((await json(await t.request("GET", `/api/v1/memberships/${later.id}`))).startDate).toBe("2024-07-01");
  });

  it("requires a deputy to stand in for a member of the same committee", async () => {
    const t = await setup();
    const seat = await json(await post(t, { startDate: "2024-07-01" }));
    const deputy = await t.f.person(t.body.id, { givenName: "Łucja", familyName: "Wąsik" });
    const otherCommittee = await t.f.committee(t.body.id, { name: "Fachgruppe Zuwanderung", shortName: "FGZ", kind: "working_group" });
    const foreignSeat = await t.f.membership(otherCommittee.id, t.person.id);

    const wrongCommittee = await post(t, { personId: deputy.id, role: "deputy", startDate: "2024-07-01", deputyForId: foreignSeat.id });
    expect(wrongCommittee.status).toBe(422);
    expect((await json(wrongCommittee)).errors).toEqual([
      { field: "deputyForId", reason: "muss die Mitgliedschaft eines Mitglieds desselben Gremiums nennen" },
    ]);

    const notADeputy = await post(t, { personId: deputy.id, role: "member", startDate: "2024-07-01", deputyForId: seat.id });
    expect(notADeputy.status).toBe(422);

    const ok = await post(t, { personId: deputy.id, role: "deputy", startDate: "2024-07-01", deputyForId: seat.id });
    expect(ok.status).toBe(201);
    expect(await json(ok)).toMatchObject({ deputyForId: seat.id, votingRight: false });
  });

  it("lists the composition on a date, chair first, with deputies", async () => {
    const t = await setup();
    const chairPerson = await t.f.person(t.body.id, { givenName: "Katharina", familyName: "Brenner" });
    const formerPerson = await t.f.person(t.body.id, { givenName: "Ștefan", familyName: "Mureșan" });
    const deputyPerson = await t.f.person(t.body.id, { givenName: "Жанна", familyName: "Ковальчук" });
    const seat = await json(await post(t, { startDate: "2024-07-01" }));
    await post(t, { personId: chairPerson.id, role: "chair", startDate: "2024-07-01" });
    await post(t, { personId: formerPerson.id, startDate: "2019-07-01", endDate: "2024-06-30" });
    await post(t, { personId: deputyPerson.id, role: "deputy", startDate: "2024-07-01", deputyForId: seat.id });

    const now = await json(await t.request("GET", `/api/v1/committees/${t.committee.id}/members?at=2025-03-01`));
    expect(now.items.map((m: { person: { name: string } }) => m.person.name)).toEqual([
      "Katharina Brenner",
      "Şükrü Yıldırım",
      "Жанна Ковальчук",
    ]);
    expect(now).toMatchObject({ at: "2025-03-01", seats: 3, votingMembers: 2 });
    expect(now.items[2].deputyFor).toMatchObject({ membershipId: seat.id, person: { name: "Şükrü Yıldırım" } });
    expect(JSON.stringify(now)).not.toContain("example.org");

    const before = await json(await t.request("GET", `/api/v1/committees/${t.committee.id}/members?at=2020-01-01`));
    expect(before.items.map((m: { person: { name: string } }) => m.person.name)).toEqual(["Ștefan Mureșan"]);

    const today = await json(await t.request("GET", `/api/v1/committees/${t.committee.id}/members`));
    expect(today.at).toBe("2026-11-21");
  });

  it("ends a membership on DELETE instead of deleting it", async () => {
    const t = await setup();
    const seat = await json(await post(t, { startDate: "2024-07-01" }));
    const ended = await t.request("DELETE", `/api/v1/memberships/${seat.id}`, { token: ADMIN_TOKEN, headers: { "if-match": '"1"' } });
    expect(ended.status).toBe(204);
    const after = await json(await t.request("GET", `/api/v1/memberships/${seat.id}`));
    expect(after).toMatchObject({ endDate: "2026-11-21", version: 2 });
    const again = await t.request("DELETE", `/api/v1/memberships/${seat.id}`, { token: ADMIN_TOKEN, headers: { "if-match": '"2"' } });
    expect(again.status).toBe(409);
  });

  it("refuses a person of another body", async () => {
    const t = await setup();
    const elsewhere = await t.f.body({ name: "Gemeinde Anderswo" });
    const stranger = await t.f.person(elsewhere.id);
    const response = await post(t, { personId: stranger.id, startDate: "2024-07-01" });
    expect(response.status).toBe(422);
    expect((await json(response)).errors[0]).toEqual({ field: "personId", reason: "gehört zu einer anderen Körperschaft als das Gremium" });
  });
});
