import { describe, expect, it } from "vitest";
import { ONE_MEMBER, scenario } from "../helpers/scenario";
import { json } from "../helpers/test-app";

type Item = { id: string; number: string; title: string; version: number; isPublic: boolean; withdrawn: boolean };
const numbers = (agenda: { items: Item[] }) => agenda.items.map((i) => `${i.number} ${i.title}`);

describe("meetings", () => {
  it("plans a meeting with the next sequence number, shown in Berlin time", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const first = await t.createMeeting();
    const second = await t.createMeeting({ startsAt: "2026-12-17T17:00:00Z" });
    expect(first).toMatchObject({
      sequenceNumber: 1,
      label: "1. Sitzung",
      state: "planned",
      startsAt: "2026-12-10T17:00:00.000Z",
      startsAtBerlin: "2026-12-10T18:00:00+01:00",
    });
    expect(second.sequenceNumber).toBe(2);
    expect(second.title).toBe("2. Sitzung Integrationsausschuss");
  });

  it("numbers meetings by their dates within the committee's year, and never renumbers an invited one", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const clerk = t.as("secretariat");
    const numbersOf = async () =>
      (await t.as("public").get(`/api/v1/meetings?committeeId=${t.committee.id}`)).items.map(
        (m: { startsAt: string; sequenceNumber: number; numberYear: number; title: string }) =>
          `${m.startsAt.slice(0, 10)} ${m.numberYear}/${m.sequenceNumber} ${m.title}`,
      );
    const june = await t.createMeeting({ startsAt: "2027-06-17T18:00" });
    const march = await t.createMeeting({ startsAt: "2027-03-11T18:00" });
    await t.createMeeting({ startsAt: "2026-12-10T18:00" });
    expect(await numbersOf()).toEqual([
      "2026-12-10 2026/1 1. Sitzung Integrationsausschuss",
      "2027-03-11 2027/1 1. Sitzung Integrationsausschuss",
      "2027-06-17 2027/2 2. Sitzung Integrationsausschuss",
    ]);
    // Renumbering is a change of the record: its version goes up, so a form opened before is stale.
    expect((await clerk.get(`/api/v1/meetings/${june.id}`)).version).toBe(2);

    await clerk.post(`/api/v1/meetings/${march.id}/invitation`, {});
    await clerk.post(`/api/v1/meetings/${june.id}/invitation`, {});
    const february = await t.createMeeting({ startsAt: "2027-02-04T18:00", title: "Sondersitzung" });
    const may = await t.createMeeting({ startsAt: "2027-05-06T18:00" });
    const september = await t.createMeeting({ startsAt: "2027-09-23T18:00" });
    expect(await numbersOf()).toEqual([
      "2026-12-10 2026/1 1. Sitzung Integrationsausschuss",
      "2027-02-04 2027/3 Sondersitzung", // 1 and 2 went out with their invitations
      "2027-03-11 2027/1 1. Sitzung Integrationsausschuss",
      "2027-05-06 2027/4 4. Sitzung Integrationsausschuss",
      "2027-06-17 2027/2 2. Sitzung Integrationsausschuss",
      "2027-09-23 2027/5 5. Sitzung Integrationsausschuss",
    ]);

    // A planned meeting moved to another date takes its place in the order; the others close ranks.
    const moved = await clerk.patch(
      `/api/v1/meetings/${september.id}`,
      { startsAt: "2027-04-08T18:00" },
      { headers: { "if-match": '"1"' } },
    );
    expect(moved).toMatchObject({ sequenceNumber: 4, title: "4. Sitzung Integrationsausschuss" });
    expect((await clerk.get(`/api/v1/meetings/${may.id}`)).title).toBe("5. Sitzung Integrationsausschuss");
    // Deleting a planned meeting closes the gap it leaves.
    await clerk.delete(`/api/v1/meetings/${february.id}`, { headers: { "if-match": '"1"' } });
    expect(await numbersOf()).toEqual([
      "2026-12-10 2026/1 1. Sitzung Integrationsausschuss",
      "2027-03-11 2027/1 1. Sitzung Integrationsausschuss",
      "2027-04-08 2027/3 3. Sitzung Integrationsausschuss",
      "2027-05-06 2027/4 4. Sitzung Integrationsausschuss",
      "2027-06-17 2027/2 2. Sitzung Integrationsausschuss",
    ]);
  });

  it("gives concurrent new meetings distinct numbers in date order", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const dates = ["2027-05-06", "2027-02-04", "2027-09-23", "2027-03-11", "2027-07-15"];
    await Promise.all(dates.map((date) => t.createMeeting({ startsAt: `${date}T18:00` })));
    const items = (await t.as("public").get(`/api/v1/meetings?committeeId=${t.committee.id}`)).items;
    expect(items.map((m: { sequenceNumber: number }) => m.sequenceNumber)).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads a date-time without offset as Berlin time, honours Z and offsets, and filters by plain dates", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const winter = await t.createMeeting({ startsAt: "2026-12-16T18:00" });
    expect(winter).toMatchObject({ startsAt: "2026-12-16T17:00:00.000Z", startsAtBerlin: "2026-12-16T18:00:00+01:00" });
    const summer = await t.createMeeting({ startsAt: "2027-06-17T18:00:00" });
    expect(summer.startsAt).toBe("2027-06-17T16:00:00.000Z");
    expect((await t.createMeeting({ startsAt: "2027-01-14T17:00:00Z" })).startsAtBerlin).toBe("2027-01-14T18:00:00+01:00");
    for (const bad of ["2026-12-16T25:00", "2026-02-30T18:00", "16.12.2026 18:00", "2026-12-16"]) {
      const refused = await t.as("secretariat").post("/api/v1/meetings", { committeeId: t.committee.id, startsAt: bad }, { status: 400 });
      expect(refused.errors[0]).toMatchObject({ field: "startsAt", reason: expect.stringMatching(/^muss ein Zeitpunkt wie/) });
    }
    const inDecember = await t.as("public").get(`/api/v1/meetings?committeeId=${t.committee.id}&from=2026-12-01&to=2026-12-16`);
    expect(inDecember.items.map((m: { id: string }) => m.id)).toEqual([winter.id]);
    const missingNothing = await t.as("public").get(`/api/v1/meetings?committeeId=${t.committee.id}&from=2026-12-17&to=2027-06-17`);
    expect(missingNothing.items.map((m: { id: string }) => m.id)).toHaveLength(2);
  });

  it("says plainly what is wrong with a value, without the validator's internals", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const page = await t.as("public").get("/api/v1/meetings?limit=abc", { status: 400 });
    expect(page.errors).toEqual([{ field: "query.limit", reason: "muss eine Zahl sein" }]);
    const state = await t.as("public").get("/api/v1/meetings?state=vertagt", { status: 400 });
    expect(state.errors[0].reason).toBe("muss einer dieser Werte sein: planned, invited, held, closed, cancelled");
    const missing = await t.as("secretariat").post("/api/v1/meetings", {}, { status: 400 });
    expect(missing.errors).toEqual(
      expect.arrayContaining([
        { field: "committeeId", reason: "ist erforderlich" },
        { field: "startsAt", reason: "ist erforderlich" },
      ]),
    );
    expect(JSON.stringify([page, state, missing])).not.toMatch(/NaN|Invalid option|received/i);
  });

  it("refuses a meeting that ends before it starts", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const ends = await t.request("POST", "/api/v1/meetings", {
      token: t.tokens.secretariat,
      body: { committeeId: t.committee.id, startsAt: "2026-12-10T18:00:00+01:00", endsAt: "2026-12-10T17:00:00+01:00" },
    });
    expect(ends.status).toBe(400);
    expect((await json(ends)).errors[0].field).toBe("endsAt");
  });

  it("follows planned → invited → held → closed and says why anything else is refused", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    const transition = (to: string, version: number, reason?: string) =>
      t.request("POST", `/api/v1/meetings/${meeting.id}/transitions`, {
        token: t.tokens.secretariat,
        body: { to, ...(reason ? { reason } : {}) },
        headers: { "if-match": `"${version}"` },
      });

    const early = await transition("held", 1);
    expect(early.status).toBe(409);
    expect((await json(early)).detail).toMatch(/kann nicht „durchgeführt“ werden/);
    expect((await transition("cancelled", 1)).status).toBe(400); // reason required

    expect((await t.request("POST", `/api/v1/meetings/${meeting.id}/invitation`, { token: t.tokens.secretariat, body: {} })).status).toBe(
      201,
    );
    // A meeting is held from its start on (10 December 2026, 18:00 in Berlin), not a minute earlier.
    t.clock.now = new Date("2026-12-10T16:59:00Z");
    const tooEarly = await transition("held", 2);
    expect(tooEarly.status).toBe(409);
    expect(await json(tooEarly)).toMatchObject({
      startsAt: "2026-12-10T18:00:00+01:00",
      detail: expect.stringMatching(/beginnt erst am Donnerstag, 10\. Dezember 2026 um 18:00 Uhr/),
    });
    t.clock.now = new Date("2026-12-10T17:00:00Z");
    expect((await json(await transition("held", 2))).state).toBe("held");
    const cancel = await transition("cancelled", 3, "Raum nicht verfügbar");
    expect(cancel.status).toBe(409);
    expect((await json(cancel)).detail).toMatch(/abgesagt wird nur eine geplante oder einberufene Sitzung/);
    const closed = await transition("closed", 3);
    expect(closed.status).toBe(409);
    expect((await json(closed)).detail).toMatch(/wenn ihre Niederschrift endgültig ist/);
  });

  it("deletes a planned meeting that was never invited, with its agenda; an invited one is cancelled instead", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const clerk = t.as("secretariat");
    const planned = await t.createMeeting();
    await clerk.post(`/api/v1/meetings/${planned.id}/agenda-items`, {
      kind: "information",
      title: "Unterpunkt",
      parentId: planned.agenda.items[0].id,
    });
    await clerk.delete(`/api/v1/meetings/${planned.id}`, { status: 428 });
    await clerk.delete(`/api/v1/meetings/${planned.id}`, { status: 412, headers: { "if-match": '"7"' } });
    await t.as("member").delete(`/api/v1/meetings/${planned.id}`, { status: 403, headers: { "if-match": '"1"' } });
    await clerk.delete(`/api/v1/meetings/${planned.id}`, { headers: { "if-match": '"1"' } });
    await t.as("public").get(`/api/v1/meetings/${planned.id}`, { status: 404 });
    expect(await t.db.prisma.agendaItem.count({ where: { meetingId: planned.id } })).toBe(0);
    const log = await t.as("admin").get(`/api/v1/audit-log?entityType=Meeting&entityId=${planned.id}`);
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(["delete", "create"]);

    const invited = await t.createMeeting({ startsAt: "2027-01-14T18:00" });
    await clerk.post(`/api/v1/meetings/${invited.id}/invitation`, {});
    const refused = await clerk.delete(`/api/v1/meetings/${invited.id}`, { status: 409, headers: { "if-match": '"2"' } });
    expect(refused.detail).toMatch(/stattdessen absagen/);
  });

  it("records when a held meeting actually began and ended, and its interruptions, for the minutes", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const clerk = t.as("secretariat");
    const meeting = await t.createMeeting();
    await clerk.post(`/api/v1/meetings/${meeting.id}/invitation`, {});
    const course = {
      startedAt: "2026-12-10T18:07",
      endedAt: "2026-12-10T20:31",
      interruptions: [{ from: "2026-12-10T19:15", to: "2026-12-10T19:30", reason: "Pause" }],
    };
    await clerk.put(`/api/v1/meetings/${meeting.id}/course`, course, { status: 409, headers: { "if-match": '"2"' } }); // not yet held
    t.clock.now = new Date("2026-12-10T17:00:00Z");
    await clerk.post(`/api/v1/meetings/${meeting.id}/transitions`, { to: "held" }, { status: 200, headers: { "if-match": '"2"' } });
    const early = await clerk.put(`/api/v1/meetings/${meeting.id}/course`, course, { status: 422, headers: { "if-match": '"3"' } });
    expect(early.errors[0]).toEqual({ field: "startedAt", reason: "liegt in der Zukunft" });
    t.clock.now = new Date("2026-12-10T21:00:00Z");
    const outside = { ...course, interruptions: [{ from: "2026-12-10T20:00", to: "2026-12-10T21:00" }] };
    expect(
      (await clerk.put(`/api/v1/meetings/${meeting.id}/course`, outside, { status: 422, headers: { "if-match": '"3"' } })).errors[0].field,
    ).toBe("interruptions.0");
    const recorded = await clerk.put(`/api/v1/meetings/${meeting.id}/course`, course, { headers: { "if-match": '"3"' } });
    expect(recorded.course).toEqual({
      startedAt: "2026-12-10T17:07:00.000Z",
      endedAt: "2026-12-10T19:31:00.000Z",
      interruptions: [{ from: "2026-12-10T18:15:00.000Z", to: "2026-12-10T18:30:00.000Z", reason: "Pause" }],
    });
    const minutes = await clerk.get(`/api/v1/meetings/${meeting.id}/minutes`);
    expect(minutes.header).toMatchObject({
      startsAt: "2026-12-10T18:07:00+01:00",
      endsAt: "2026-12-10T20:31:00+01:00",
      interruptions: [{ from: "2026-12-10T19:15:00+01:00", to: "2026-12-10T19:30:00+01:00", reason: "Pause" }],
    });
  });

  it("cancels with a recorded reason and raises the calendar sequence", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    const response = await t.request("POST", `/api/v1/meetings/${meeting.id}/transitions`, {
      token: t.tokens.secretariat,
      body: { to: "cancelled", reason: "Beschlussunfähig" },
      headers: { "if-match": '"1"' },
    });
    expect(await json(response)).toMatchObject({ state: "cancelled", cancelledReason: "Beschlussunfähig" });
    const again = await t.request("PATCH", `/api/v1/meetings/${meeting.id}`, {
      token: t.tokens.secretariat,
      body: { locationRoom: "2.01" },
      headers: { "if-match": '"2"' },
    });
    expect(again.status).toBe(409);
  });
});

describe("agenda", () => {
  it("starts from the standard frame, public part first, and answers the new meeting with its agenda", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    await t.createMeeting();
    const second = await t.createMeeting({ startsAt: "2027-01-14T18:00:00+01:00" });
    expect(second.agenda.items.map((i: Item) => i.number)).toEqual(["Ö 1", "Ö 2", "Ö 3", "Ö 4", "Ö 5", "N 1", "N 2"]);
    expect(second.agenda.items[1].title).toBe("Niederschrift der letzten Sitzung");
    expect(second.agenda.items[2].title).toMatch(/Bekanntgabe von Beschlüssen aus nichtöffentlicher Sitzung/);
    expect(second.agenda).toEqual(
      await t
        .as("secretariat")
        .get(`/api/v1/meetings/${second.id}/agenda`)
        .then(({ meetingId: _, ...a }) => a),
    );
  });

  it("gives a committee's first meeting no item on the previous minutes, since there are none", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const first = await t.createMeeting({ startsAt: "2026-12-10T18:00:00+01:00" });
    const later = await t.createMeeting({ startsAt: "2027-01-14T18:00:00+01:00" });
    expect(later.agenda.items.map((i: Item) => i.title)).toContain("Niederschrift der letzten Sitzung");
    // Planned for a date before every other meeting, this one is the committee's first, too.
    const earliest = await t.createMeeting({ startsAt: "2026-11-30T18:00:00+01:00" });
    expect(earliest.agenda.items.map((i: Item) => i.title)).not.toContain("Niederschrift der letzten Sitzung");
    expect(first.agenda.items.map((i: Item) => `${i.number} ${i.title}`)).toEqual([
      "Ö 1 Eröffnung, Feststellung der ordnungsgemäßen Einladung und der Beschlussfähigkeit",
      "Ö 2 Bekanntgabe von Beschlüssen aus nichtöffentlicher Sitzung",
      "Ö 3 Fragen der Einwohnerinnen und Einwohner",
      "Ö 4 Verschiedenes, Anfragen",
      "N 1 Verschiedenes (nichtöffentlich)",
    ]);
  });

  it("puts a new item before the closing items of its part, unless a position is given", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    const clerk = t.as("secretariat");
    const add = (body: Record<string, unknown>) =>
      clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { kind: "discussion", ...body });
    await add({ title: "Sprachkurse" });
    await add({ title: "Personalsache", isPublic: false });
    const last = await add({ title: "Ganz am Ende", position: 99 });
    expect(numbers(last)).toEqual([
      "Ö 1 Eröffnung, Feststellung der ordnungsgemäßen Einladung und der Beschlussfähigkeit",
      "Ö 2 Bekanntgabe von Beschlüssen aus nichtöffentlicher Sitzung",
      "Ö 3 Fragen der Einwohnerinnen und Einwohner",
      "Ö 4 Sprachkurse",
      "Ö 5 Verschiedenes, Anfragen",
      "Ö 6 Ganz am Ende",
      "N 1 Personalsache",
      "N 2 Verschiedenes (nichtöffentlich)",
    ]);
  });

  it("renumbers when items are inserted, nested, moved and removed", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting({ standardFrame: false });
    const add = async (body: Record<string, unknown>) =>
      json(
        await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
          token: t.tokens.secretariat,
          body: { kind: "discussion", ...body },
        }),
      );
    const a = await add({ title: "A" });
    const b = await add({ title: "B" });
    await add({ title: "Geheim", isPublic: false });
    const first = await add({ title: "Vorne", position: 0 });
    expect(numbers(first)).toEqual(["Ö 1 Vorne", "Ö 2 A", "Ö 3 B", "N 1 Geheim"]);

    const nested = await add({ title: "B.1", parentId: b.itemId, isPublic: false });
    expect(numbers(nested)).toContain("Ö 3.1 B.1"); // a sub-item takes its parent's part
    const item = (agenda: { items: Item[] }, title: string) => agenda.items.find((i) => i.title === title)!;

    const moved = await json(
      await t.request("POST", `/api/v1/agenda-items/${item(nested, "B").id}/move`, {
        token: t.tokens.secretariat,
        body: { position: 0 },
        headers: { "if-match": `"${item(nested, "B").version}"` },
      }),
    );
    expect(numbers(moved)).toEqual(["Ö 1 B", "Ö 1.1 B.1", "Ö 2 Vorne", "Ö 3 A", "N 1 Geheim"]);

    const intoPrivate = await json(
      await t.request("POST", `/api/v1/agenda-items/${a.itemId}/move`, {
        token: t.tokens.secretariat,
        body: { position: 0, isPublic: false },
        headers: { "if-match": `"${item(moved, "A").version}"` },
      }),
    );
    expect(numbers(intoPrivate)).toEqual(["Ö 1 B", "Ö 1.1 B.1", "Ö 2 Vorne", "N 1 A", "N 2 Geheim"]);

    const removed = await json(
      await t.request("DELETE", `/api/v1/agenda-items/${item(intoPrivate, "B").id}`, {
        token: t.tokens.secretariat,
        headers: { "if-match": `"${item(intoPrivate, "B").version}"` },
      }),
    );
    expect(numbers(removed)).toEqual(["Ö 1 Vorne", "N 1 A", "N 2 Geheim"]);
  });

  it("refuses to nest an item under itself or its sub-items, and a stale ETag", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting({ standardFrame: false });
    const add = async (body: Record<string, unknown>) =>
      json(
        await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
          token: t.tokens.secretariat,
          body: { kind: "discussion", ...body },
        }),
      );
    const parent = await add({ title: "Eltern" });
    const child = await add({ title: "Kind", parentId: parent.itemId });
    const cycle = await t.request("POST", `/api/v1/agenda-items/${parent.itemId}/move`, {
      token: t.tokens.secretariat,
      body: { parentId: child.itemId, position: 0 },
      headers: { "if-match": '"1"' },
    });
    expect(cycle.status).toBe(422);
    const stale = await t.request("PATCH", `/api/v1/agenda-items/${parent.itemId}`, {
      token: t.tokens.secretariat,
      body: { title: "Neu" },
      headers: { "if-match": '"9"' },
    });
    expect(stale.status).toBe(412);
  });

  it("shows anonymous callers and outsiders the public part only, members all of it", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
      token: t.tokens.secretariat,
      body: { kind: "resolution", title: "Grundstücksangelegenheit Müller", isPublic: false },
    });
    const view = async (token?: string) => json(await t.request("GET", `/api/v1/meetings/${meeting.id}/agenda`, { token }));

    for (const token of [undefined, t.tokens.outsider]) {
      const agenda = await view(token);
      expect(agenda.items.map((i: Item) => i.number)).toEqual(["Ö 1", "Ö 2", "Ö 3", "Ö 4"]);
      expect(JSON.stringify(agenda)).not.toMatch(/Müller|nichtöffentliche Sitzung|\(nichtöffentlich\)/);
    }
    for (const token of [t.tokens.member, t.tokens.secretariat, t.tokens.admin]) {
      expect(JSON.stringify(await view(token))).toContain("Grundstücksangelegenheit Müller");
    }
  });

  it("reads a meeting with its agenda in one request, in the caller's view", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
      token: t.tokens.secretariat,
      body: { kind: "resolution", title: "Grundstücksangelegenheit Müller", isPublic: false },
    });
    const read = async (token?: string) => t.request("GET", `/api/v1/meetings/${meeting.id}`, { token });

    const anonymous = await read();
    expect(anonymous.headers.get("etag")).toBe(`"${meeting.version}"`);
    const body = await json(anonymous);
    expect(body.title).toBe(meeting.title);
    expect(body.agenda).toEqual(
      await json(await t.request("GET", `/api/v1/meetings/${meeting.id}/agenda`)).then(({ meetingId: _id, ...agenda }) => agenda),
    );
    expect(body.agenda.items.map((i: Item) => i.number)).toEqual(["Ö 1", "Ö 2", "Ö 3", "Ö 4"]);
    expect(JSON.stringify(body)).not.toContain("Müller");
    expect(JSON.stringify(await json(await read(t.tokens.member)))).toContain("Grundstücksangelegenheit Müller");
  });

  it("records changes after the invitation as amendments, and keeps withdrawn items visible", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    await t.request("POST", `/api/v1/meetings/${meeting.id}/invitation`, { token: t.tokens.secretariat, body: {} });
    const added = await json(
      await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
        token: t.tokens.secretariat,
        body: { kind: "information", title: "Nachtrag: Sprachkurse", position: 3 },
      }),
    );
    await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
      token: t.tokens.secretariat,
      body: { kind: "discussion", title: "Personalsache", isPublic: false },
    });
    const residents = added.items.find((i: Item) => i.title.startsWith("Fragen der Einwohner"));
    const withdrawn = await json(
      await t.request("DELETE", `/api/v1/agenda-items/${residents.id}`, {
        token: t.tokens.secretariat,
        headers: { "if-match": `"${residents.version}"` },
      }),
    );

    expect(withdrawn.items.find((i: Item) => i.id === residents.id)).toMatchObject({ withdrawn: true, number: "Ö 3" });
    expect(withdrawn.amendments.map((a: { action: string }) => a.action)).toEqual(["added", "added", "withdrawn"]);
    expect(withdrawn.amendments[0]).toMatchObject({
      actorName: "secretariat test token",
      summary: "Neu aufgenommen: Nachtrag: Sprachkurse",
    });

    const anonymous = await json(await t.request("GET", `/api/v1/meetings/${meeting.id}/agenda`));
    expect(anonymous.amendments.map((a: { action: string }) => a.action)).toEqual(["added", "withdrawn"]);
    expect(JSON.stringify(anonymous)).not.toContain("Personalsache");
  });

  it("keeps the agenda of a held meeting fixed", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    await t.request("POST", `/api/v1/meetings/${meeting.id}/invitation`, { token: t.tokens.secretariat, body: {} });
    t.clock.now = new Date("2026-12-10T17:00:00Z");
    await t
      .as("secretariat")
      .post(`/api/v1/meetings/${meeting.id}/transitions`, { to: "held" }, { status: 200, headers: { "if-match": '"2"' } });
    const response = await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
      token: t.tokens.secretariat,
      body: { kind: "information", title: "Zu spät" },
    });
    expect(response.status).toBe(409);
  });

  it("lets only the secretariat of the body write", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    for (const token of [t.tokens.member, undefined]) {
      const response = await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
        token,
        body: { kind: "information", title: "X" },
      });
      expect(response.status).toBe(token ? 403 : 401);
    }
  });
});

describe("invitation (§34 (1) GemO)", () => {
  it("refuses a late dispatch with the deadline and the gap, and sends with a recorded reason", async () => {
    const t = await scenario({ seats: ONE_MEMBER }); // now: 2026-11-21
    const meeting = await t.createMeeting({ startsAt: "2026-11-25T18:00:00+01:00" });
    const late = await t.request("POST", `/api/v1/meetings/${meeting.id}/invitation`, {
      token: t.tokens.secretariat,
      body: { channel: "email" },
    });
    expect(late.status).toBe(422);
    expect(await json(late)).toMatchObject({
      deadline: "2026-11-18",
      daysBeforeMeeting: 4,
      daysShort: 3,
      noticeDays: 7,
      errors: [{ field: "lateReason" }],
    });
    expect((await json(await t.request("GET", `/api/v1/meetings/${meeting.id}`))).state).toBe("planned");

    const sent = await t.request("POST", `/api/v1/meetings/${meeting.id}/invitation`, {
      token: t.tokens.secretariat,
      body: { channel: "email", lateReason: "Dringende Stellungnahme zum Haushalt" },
    });
    expect(sent.status).toBe(201);
    const invitation = await json(sent);
    expect(invitation).toMatchObject({
      lateReason: "Dringende Stellungnahme zum Haushalt",
      notice: { late: true, daysBeforeMeeting: 4, daysShort: 3 },
    });
    expect(invitation.recipients.map((r: { name: string }) => r.name)).toEqual(["Αθηνά Παπαδοπούλου"]);
    expect((await json(await t.request("GET", `/api/v1/meetings/${meeting.id}`))).state).toBe("invited");
    expect((await t.request("POST", `/api/v1/meetings/${meeting.id}/invitation`, { token: t.tokens.secretariat, body: {} })).status).toBe(
      409,
    );
  });

  it("lets an emergency meeting go without notice period", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting({ startsAt: "2026-11-23T18:00:00+01:00", emergencyReason: "Unaufschiebbare Stellungnahme" });
    await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
      token: t.tokens.secretariat,
      body: { kind: "resolution", title: "Stellungnahme" },
    });
    const sent = await t.request("POST", `/api/v1/meetings/${meeting.id}/invitation`, { token: t.tokens.secretariat, body: {} });
    expect(sent.status).toBe(201);
    expect((await json(sent)).lateReason).toBeNull();
  });

  it("refuses an empty agenda, and one without the previous minutes after a held meeting", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const empty = await t.createMeeting({ standardFrame: false });
    const refused = await t.request("POST", `/api/v1/meetings/${empty.id}/invitation`, { token: t.tokens.secretariat, body: {} });
    expect(refused.status).toBe(422);
    expect((await json(refused)).errors).toEqual([{ field: "agenda", reason: "hat keine Punkte" }]);

    const past = await t.createMeeting({ startsAt: "2026-12-01T18:00:00+01:00" });
    await t.request("POST", `/api/v1/meetings/${past.id}/invitation`, { token: t.tokens.secretariat, body: {} });
    t.clock.now = new Date("2026-12-01T17:00:00Z");
    await t
      .as("secretariat")
      .post(`/api/v1/meetings/${past.id}/transitions`, { to: "held" }, { status: 200, headers: { "if-match": '"2"' } });
    await t.request("POST", `/api/v1/meetings/${empty.id}/agenda-items`, {
      token: t.tokens.secretariat,
      body: { kind: "discussion", title: "Thema" },
    });
    const noMinutes = await t.request("POST", `/api/v1/meetings/${empty.id}/invitation`, { token: t.tokens.secretariat, body: {} });
    expect(noMinutes.status).toBe(422);
    expect((await json(noMinutes)).errors[0].reason).toMatch(/minutes_approval/);
  });
});
