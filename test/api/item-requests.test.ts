import { describe, expect, it } from "vitest";
import { ONE_MEMBER, scenario } from "../helpers/scenario";
import { json } from "../helpers/test-app";

/** A parliamentary group's demand for an item, received on 20 November 2026. */
const GROUP_DEMAND = {
  subject: "Dolmetscherpool für Elterngespräche",
  requestedBy: "Fraktion Bündnis Vielfalt",
  basis: "group",
  receivedOn: "2026-11-20",
};

describe("demanded items (§34 (1) GemO)", () => {
  it("shows the next-but-one meeting as due and warns while its agenda lacks the subject", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const first = await t.createMeeting({ startsAt: "2026-12-10T18:00:00+01:00" });
    const second = await t.createMeeting({ startsAt: "2027-01-14T18:00:00+01:00" });
    const request = await t.as("secretariat").post(`/api/v1/committees/${t.committee.id}/item-requests`, GROUP_DEMAND);
    // The first meeting of 2027: numbers count within the year.
    expect(request).toMatchObject({ status: "open", dueMeeting: { id: second.id, label: "1. Sitzung" } });

    const agendaOf = async (id: string) => json(await t.request("GET", `/api/v1/meetings/${id}/agenda`, { token: t.tokens.secretariat }));
    expect((await agendaOf(first.id)).warnings).toEqual([]);
    expect((await agendaOf(second.id)).warnings[0]).toMatch(/Dolmetscherpool.*§ 34 Abs\. 1 GemO/);
    // The public sees no internal warnings.
    expect((await json(await t.request("GET", `/api/v1/meetings/${second.id}/agenda`))).warnings).toEqual([]);

    const added = await json(
      await t.request("POST", `/api/v1/meetings/${second.id}/agenda-items`, {
        token: t.tokens.secretariat,
        body: { kind: "discussion", title: "Dolmetscherpool" },
      }),
    );
    const linked = await t.request("PATCH", `/api/v1/item-requests/${request.id}`, {
      token: t.tokens.secretariat,
      body: { agendaItemId: added.itemId },
      headers: { "if-match": '"1"' },
    });
    expect((await json(linked)).status).toBe("scheduled");
    expect((await agendaOf(second.id)).warnings).toEqual([]);
  });

  it("needs a sixth of the voting members unless a group demands it", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    for (let i = 0; i < 6; i++) await t.f.membership(t.committee.id, (await t.f.person(t.body.id, { familyName: `Mitglied ${i}` })).id);
    // 7 voting members: 2 supporters are needed (2 × 6 ≥ 7).
    const demand = (supporters: number) =>
      t.request("POST", `/api/v1/committees/${t.committee.id}/item-requests`, {
        token: t.tokens.secretariat,
        body: { subject: "Thema", requestedBy: "Mitglieder", basis: "members", supporters, receivedOn: "2026-11-20" },
      });
    const refused = await demand(1);
    expect(refused.status).toBe(422);
    expect((await json(refused)).errors[0]).toEqual({
      field: "supporters",
      reason: "ein Sechstel der 7 stimmberechtigten Mitglieder ist nötig: mindestens 2",
    });
    expect((await demand(2)).status).toBe(201);
  });

  it("is read by members and written by the secretariat", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    expect((await t.request("GET", `/api/v1/committees/${t.committee.id}/item-requests`)).status).toBe(401);
    expect((await t.request("GET", `/api/v1/committees/${t.committee.id}/item-requests`, { token: t.tokens.member })).status).toBe(200);
    const write = await t.request("POST", `/api/v1/committees/${t.committee.id}/item-requests`, {
      token: t.tokens.member,
      body: { subject: "X", requestedBy: "Y", basis: "group", receivedOn: "2026-11-20" },
    });
    expect(write.status).toBe(403);
  });
});

describe("who reads the demanded items of a committee", () => {
  it("keeps them from members of other committees and the public", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const path = `/api/v1/committees/${t.committee.id}/item-requests`;
    await t.as("secretariat").post(path, GROUP_DEMAND);
    expect((await t.request("GET", path, { token: t.tokens.member })).status).toBe(200);
    expect((await t.request("GET", path, { token: t.tokens.secretariat })).status).toBe(200);
    // The outsider holds a seat in another committee of the same body only.
    const outsider = await t.request("GET", path, { token: t.tokens.outsider });
    expect(outsider.status).toBe(403);
    expect(await outsider.text()).not.toContain("Dolmetscherpool");
    expect((await t.request("GET", path)).status).toBe(401);
  });
});
