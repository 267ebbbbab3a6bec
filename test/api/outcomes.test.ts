import { describe, expect, it } from "vitest";
import { type COMMITTEE_SEATS, type ScenarioOptions, scenario } from "../helpers/scenario";
import { json } from "../helpers/test-app";

/**
 * The scenario's committee with an invited meeting on 10 December 2026 and three items under which votes are
 * taken: two public ones and a non-public one.
 */
async function outcomeSetup(options: ScenarioOptions<keyof typeof COMMITTEE_SEATS> = {}) {
  const t = await scenario(options);
  const clerk = t.as("secretariat");
  const secretariat = (method: string, path: string, bodyJson?: unknown, headers?: Record<string, string>) =>
    t.request(method, path, { token: t.tokens.secretariat, body: bodyJson, ...(headers ? { headers } : {}) });
  const meeting = await clerk.post("/api/v1/meetings", { committeeId: t.committee.id, startsAt: "2026-12-10T18:00:00+01:00" });
  const add = async (title: string, kind: string, isPublic = true) =>
    (await clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { title, kind, isPublic })).itemId as string;
  const items = {
    tie: await add("Antrag auf Verlegung der Sitzungszeit", "resolution"),
    adopted: await add("Förderrichtlinie Migrantenorganisationen", "resolution"),
    secret: await add("Vergabe Integrationsmanagement", "resolution", false),
  };
  await clerk.post(`/api/v1/meetings/${meeting.id}/invitation`, {});
  // What happens in the meeting is recorded from its start on.
  t.clock.now = new Date("2026-12-10T17:00:00Z");
  const attend = (key: keyof typeof COMMITTEE_SEATS, status: string, more: Record<string, unknown> = {}) =>
    secretariat("PUT", `/api/v1/meetings/${meeting.id}/attendance/${t.people[key].id}`, { status, ...more });
  const vote = (itemId: string, bodyJson: Record<string, unknown>) => secretariat("POST", `/api/v1/agenda-items/${itemId}/votes`, bodyJson);
  return { ...t, clerk, secretariat, meeting, items, attend, vote, m3Seat: t.seats.m3 };
}

describe("a meeting run through the API", () => {
  it("§37 (2): refuses a vote without quorum, with the computation, and takes it once quorate", async () => {
    const t = await outcomeSetup();
    await t.attend("chair", "present");
    await t.attend("m2", "excused", { excuseReason: "Dienstreise" });
    await t.attend("m3", "excused", { excuseReason: "Urlaub" });
    const refused = await t.vote(t.items.adopted, { motion: "Zustimmung", counts: { yes: 1, no: 0, abstain: 0 } });
    expect(refused.status).toBe(422);
    const problem = await json(refused);
    expect(problem.quorum).toMatchObject({ quorate: false, required: 2, presentNotRecused: 1, votingMembers: 4 });
    expect(problem.detail).toMatch(/nicht beschlussfähig/);

    const sheet = await json(await t.attend("d3", "present", { standsInForMembershipId: t.m3Seat.id }));
    expect(sheet.quorum.find((q: { itemId: string }) => q.itemId === t.items.adopted)).toMatchObject({
      quorate: true,
      presentNotRecused: 2,
    });
  });

  it("§18, §37 (6): records a recusal, rejects a tie, adopts a resolution and numbers it", async () => {
    const t = await outcomeSetup();
    await t.attend("chair", "present");
    await t.attend("m2", "present");
    await t.attend("m4", "present");
    await t.attend("m3", "excused", { excuseReason: "Urlaub" });
    await t.attend("d3", "present", { standsInForMembershipId: t.m3Seat.id });
    expect(
      (
        await t.secretariat("POST", `/api/v1/agenda-items/${t.items.tie}/recusals`, {
          personId: t.people.m4.id,
          note: "Arbeitgeber betroffen",
        })
      ).status,
    ).toBe(201);

    const tooMany = await t.vote(t.items.tie, { motion: "Verlegung", counts: { yes: 2, no: 2, abstain: 0 } });
    expect(tooMany.status).toBe(422); // only 3 may vote: m4 is recused
    const tie = await json(
      await t.vote(t.items.tie, {
        motion: "Verlegung",
        counts: { yes: 1, no: 1, abstain: 1 },
        resolution: { text: "Die Sitzungen beginnen um 17 Uhr." },
      }),
    );
    expect(tie.vote).toMatchObject({ outcome: "rejected" });
    expect(tie.vote.explanation).toMatch(/Stimmengleichheit/);
    expect(tie.resolution).toBeNull();

    const adopted = await json(
      await t.vote(t.items.adopted, {
        motion: "Zustimmung zur Förderrichtlinie",
        counts: { yes: 3, no: 0, abstain: 1 },
        resolution: { text: "Der Ausschuss stimmt der **Förderrichtlinie** zu." },
      }),
    );
    expect(adopted.resolution).toMatchObject({
      number: "IA/2026/001",
      isPublic: true,
      followUp: "open",
      vote: { yes: 3, no: 0, abstain: 1, outcome: "adopted" },
    });

    const rollCall = await t.vote(t.items.secret, {
      motion: "Vergabe an Träger B",
      kind: "roll_call",
      rollCall: [
        { personId: t.people.chair.id, vote: "yes" },
        { personId: t.people.m2.id, vote: "yes" },
        { personId: t.people.d3.id, vote: "no" },
      ],
      resolution: { text: "Der Auftrag geht an Träger B." },
    });
    expect(await json(rollCall)).toMatchObject({ resolution: { number: "IA/2026/002", isPublic: false } });
    const excusedVoter = await t.vote(t.items.secret, {
      motion: "x",
      kind: "roll_call",
      rollCall: [{ personId: t.people.m3.id, vote: "yes" }],
    });
    expect(excusedVoter.status).toBe(422);
  });

  it("numbers resolutions uniquely when votes race", async () => {
    const t = await outcomeSetup();
    for (const key of ["chair", "m2", "m4"] as const) await t.attend(key, "present");
    const results = await Promise.all(
      [t.items.tie, t.items.adopted, t.items.secret].map((itemId) =>
        t.vote(itemId, { motion: "M", counts: { yes: 3, no: 0, abstain: 0 }, resolution: { text: "Beschluss" } }).then(json),
      ),
    );
    expect(results.map((r) => r.resolution.number).sort()).toEqual(["IA/2026/001", "IA/2026/002", "IA/2026/003"]);
  });

  it("writes vote, resolution and minutes entry together or not at all", async () => {
    let failNext = false;
    const t = await outcomeSetup({
      wrapDatabase: (db) => ({
        ...db,
        batch: (statements) => {
          if (!failNext || statements.length < 4) return db.batch(statements);
          failNext = false;
          const broken = [...statements];
          broken.splice(Math.floor(statements.length / 2), 0, { sql: "INSERT INTO no_such_table VALUES (1)", params: [] });
          return db.batch(broken);
        },
      }),
    });
    for (const key of ["chair", "m2", "m4"] as const) await t.attend(key, "present");
    const original = console.error;
    console.error = () => {};
    failNext = true;
    const response = await t.vote(t.items.adopted, {
      motion: "M",
      counts: { yes: 3, no: 0, abstain: 0 },
      resolution: { text: "Beschluss" },
    });
    console.error = original;
    expect(response.status).toBe(500);
    expect(await t.db.prisma.vote.count()).toBe(0);
    expect(await t.db.prisma.resolution.count()).toBe(0);
    expect(await t.db.prisma.minutesEntry.count()).toBe(0);
    expect(
      (await t.vote(t.items.adopted, { motion: "M", counts: { yes: 3, no: 0, abstain: 0 }, resolution: { text: "Beschluss" } })).status,
    ).toBe(201);
  });

  it("§35 (1): announces a non-public resolution at the next meeting, which makes its wording public", async () => {
    const t = await outcomeSetup();
    for (const key of ["chair", "m2", "m4"] as const) await t.attend(key, "present");
    const secret = await json(
      await t.vote(t.items.secret, {
        motion: "Vergabe",
        counts: { yes: 3, no: 0, abstain: 0 },
        resolution: { text: "Der Auftrag geht an Träger B." },
      }),
    );
    const id = secret.resolution.id;
    expect((await t.request("GET", `/api/v1/resolutions/${id}`)).status).toBe(404);
    expect(JSON.stringify(await json(await t.request("GET", "/api/v1/resolutions")))).not.toContain("Träger B");

    const next = await json(
      await t.secretariat("POST", "/api/v1/meetings", { committeeId: t.committee.id, startsAt: "2027-01-14T18:00:00+01:00" }),
    );
    const memberView = await json(await t.request("GET", `/api/v1/meetings/${next.id}/agenda`, { token: t.tokens.m2 }));
    expect(memberView.announcements).toEqual([
      { resolutionId: id, number: "IA/2026/001", text: "Der Auftrag geht an Träger B.", announced: false },
    ]);
    expect((await json(await t.request("GET", `/api/v1/meetings/${next.id}/agenda`))).announcements).toEqual([]);

    await t.secretariat("POST", `/api/v1/meetings/${next.id}/invitation`, {});
    expect((await t.secretariat("POST", `/api/v1/resolutions/${id}/announcement`, { meetingId: next.id })).status).toBe(201);
    expect((await json(await t.request("GET", `/api/v1/resolutions/${id}`))).text).toBe("Der Auftrag geht an Träger B.");
    expect((await json(await t.request("GET", `/api/v1/meetings/${next.id}/agenda`))).announcements[0]).toMatchObject({ announced: true });
  });
});

/**
 * The meeting held: the chair, m2, the deputy d3 (for m3, excused) and the minute-taker present, m4 absent; a
 * public and a non-public resolution; notes on both items, saved as three revisions.
 */
async function heldMeetingWithNotes() {
  const t = await outcomeSetup();
  await t.attend("chair", "present");
  await t.attend("m2", "present");
  await t.attend("m3", "excused", { excuseReason: "Urlaub" });
  await t.attend("d3", "present", { standsInForMembershipId: t.m3Seat.id });
  await t.attend("m4", "absent");
  await t.attend("clerk", "present");
  await t.clerk.post(`/api/v1/agenda-items/${t.items.adopted}/votes`, {
    motion: "Zustimmung",
    counts: { yes: 3, no: 0, abstain: 0 },
    resolution: { text: "Zugestimmt." },
  });
  await t.clerk.post(`/api/v1/agenda-items/${t.items.secret}/votes`, {
    motion: "Vergabe",
    counts: { yes: 3, no: 0, abstain: 0 },
    resolution: { text: "Geheimer Vergabebeschluss." },
  });
  await t.clerk.post(`/api/v1/meetings/${t.meeting.id}/transitions`, { to: "held" }, { status: 200, headers: { "if-match": '"2"' } });
  const minutesPath = `/api/v1/meetings/${t.meeting.id}/minutes`;
  const save = (itemId: string, notes: string, version: number) =>
    t.secretariat("PUT", `${minutesPath}/items/${itemId}`, { notes }, { "if-match": `"${version}"` });
  const transition = (to: string, version: number) =>
    t.secretariat("POST", `${minutesPath}/transitions`, { to }, { "if-match": `"${version}"` });
  const sign = (token: string, role: string) => t.request("POST", `${minutesPath}/signatures`, { token, body: { role } });
  expect((await save(t.items.adopted, "Die Verwaltung erläutert die Richtlinie.", 0)).status).toBe(200);
  expect((await save(t.items.secret, "Erörterung der Angebote.", 1)).status).toBe(200);
  expect((await save(t.items.adopted, "Die Verwaltung erläutert die Richtlinie ausführlich.", 2)).status).toBe(200);
  return { ...t, minutesPath, save, transition, sign };
}

/** The minutes circulated, signed by all four and final. */
async function finalMinutes() {
  const t = await heldMeetingWithNotes();
  await t.clerk.post(`${t.minutesPath}/transitions`, { to: "circulated" }, { status: 200, headers: { "if-match": '"3"' } });
  await t.as("chair").post(`${t.minutesPath}/signatures`, { role: "chair" });
  await t.as("m2").post(`${t.minutesPath}/signatures`, { role: "member" });
  await t.as("d3").post(`${t.minutesPath}/signatures`, { role: "member" });
  await t.as("clerk").post(`${t.minutesPath}/signatures`, { role: "minute_taker" });
  await t.clerk.post(`${t.minutesPath}/transitions`, { to: "final" }, { status: 200, headers: { "if-match": '"4"' } });
  return t;
}

describe("dates that can be true: nothing of a meeting is recorded before it begins", () => {
  /** Each write that records what happened in the meeting, as the secretariat or the signing member sends it. */
  const writes = {
    attendance: (t: Awaited<ReturnType<typeof outcomeSetup>>) => t.attend("chair", "present"),
    sheet: (t: Awaited<ReturnType<typeof outcomeSetup>>) =>
      t.secretariat("PUT", `/api/v1/meetings/${t.meeting.id}/attendance`, { default: "present" }),
    recusal: (t: Awaited<ReturnType<typeof outcomeSetup>>) =>
      t.secretariat("POST", `/api/v1/agenda-items/${t.items.adopted}/recusals`, { personId: t.people.m4.id }),
    statement: (t: Awaited<ReturnType<typeof outcomeSetup>>) =>
      t.secretariat("POST", `/api/v1/agenda-items/${t.items.adopted}/statements`, { personId: t.people.m2.id, kind: "vote", text: "Nein" }),
    vote: (t: Awaited<ReturnType<typeof outcomeSetup>>) => t.vote(t.items.adopted, { motion: "M", counts: { yes: 0, no: 0, abstain: 0 } }),
    held: (t: Awaited<ReturnType<typeof outcomeSetup>>) =>
      t.secretariat("POST", `/api/v1/meetings/${t.meeting.id}/transitions`, { to: "held" }, { "if-match": '"2"' }),
  };

  it.each(Object.keys(writes) as (keyof typeof writes)[])(
    "refuses %s one minute before the start with 409 and the start time",
    async (name) => {
      const t = await outcomeSetup();
      t.clock.now = new Date("2026-12-10T16:59:00Z");
      const refused = await writes[name](t);
      expect(refused.status).toBe(409);
      expect(await json(refused)).toMatchObject({ startsAt: "2026-12-10T18:00:00+01:00" });
    },
  );

  it.each(Object.keys(writes) as (keyof typeof writes)[])("takes %s at the start", async (name) => {
    const t = await outcomeSetup();
    t.clock.now = new Date("2026-12-10T17:00:00Z");
    if (name === "vote") await t.secretariat("PUT", `/api/v1/meetings/${t.meeting.id}/attendance`, { default: "present" });
    const response = await writes[name](t);
    expect(response.status, await response.clone().text()).toBeLessThan(300);
  });

  it("leaves the written procedure alone: it has no meeting", async () => {
    const t = await scenario({ seats: { a: { givenName: "Anna", familyName: "A" } } });
    const started = await t.as("secretariat").post(`/api/v1/committees/${t.committee.id}/written-procedures`, {
      motion: "Terminverlegung",
      text: "Die Sitzung wird verlegt.",
      deadline: "2026-11-28T12:00:00+01:00",
    });
    expect(started.outcome).toBe("pending");
  });
});

describe("attendance in one step", () => {
  it("records the whole sheet in one call: everyone present by default, with a deputy, an excused and a remote member", async () => {
    const t = await outcomeSetup();
    const sheet = await t.clerk.put(`/api/v1/meetings/${t.meeting.id}/attendance`, {
      default: "present",
      entries: [
        { personId: t.people.m3.id, status: "excused", excuseReason: "Urlaub" },
        { personId: t.people.d3.id, status: "present", standsInForMembershipId: t.m3Seat.id },
        { personId: t.people.m4.id, status: "remote" },
      ],
    });
    const statusOf = (key: string) =>
      sheet.attendance.find((a: { personId: string }) => a.personId === t.people[key as keyof typeof t.people].id)?.status;
    expect(["chair", "m2", "m3", "m4", "d3", "clerk"].map(statusOf)).toEqual([
      "present",
      "present",
      "excused",
      "remote",
      "present",
      "present",
    ]);
    expect(sheet.quorum.every((q: { quorate: boolean; presentNotRecused: number }) => q.quorate && q.presentNotRecused === 4)).toBe(true);

    // The whole sheet again, now without the exceptions: the deputy's record goes, everyone else is present.
    const again = await t.clerk.put(`/api/v1/meetings/${t.meeting.id}/attendance`, { default: "present", entries: [] });
    expect(again.attendance.filter((a: { status: string | null }) => a.status === "present")).toHaveLength(5);
    expect(again.attendance.find((a: { personId: string }) => a.personId === t.people.d3.id).status).toBeNull();
  });

  it("says that attendance is not yet recorded rather than inquorate, and offers each member their deputies", async () => {
    const t = await outcomeSetup();
    const empty = await t.clerk.get(`/api/v1/meetings/${t.meeting.id}/attendance`);
    expect(empty).toMatchObject({ recorded: false, notice: "Anwesenheit noch nicht erfasst", quorum: [] });
    const seatOf = (key: string) =>
      empty.attendance.find((a: { personId: string }) => a.personId === t.people[key as keyof typeof t.people].id);
    expect(seatOf("m3").standIns).toEqual([{ personId: t.people.d3.id, name: "Αθηνά Παπαδοπούλου", membershipId: t.seats.d3.id }]);
    expect(seatOf("m2").standIns).toEqual([]); // d3 is m3's personal deputy only
    expect(seatOf("d3").standIns).toEqual([]);
    const recorded = await t.clerk.put(`/api/v1/meetings/${t.meeting.id}/attendance`, { default: "absent" });
    expect(recorded).toMatchObject({ recorded: true, notice: null });
    expect(recorded.quorum.every((q: { quorate: boolean }) => !q.quorate)).toBe(true);
  });

  it("refuses a sheet with one bad entry whole, naming the entry and the field", async () => {
    const t = await outcomeSetup();
    const refused = await t.clerk.put(
      `/api/v1/meetings/${t.meeting.id}/attendance`,
      {
        default: "present",
        entries: [
          { personId: t.people.m3.id, status: "excused", excuseReason: "Urlaub" },
          { personId: t.people.m2.id, status: "present", standsInForMembershipId: t.m3Seat.id },
        ],
      },
      { status: 422 },
    );
    expect(refused.errors).toEqual([
      { field: "entries.1.standsInForMembershipId", reason: "nur ein Stellvertreter vertritt ein Mitglied" },
    ]);
    const sheet = await t.clerk.get(`/api/v1/meetings/${t.meeting.id}/attendance`);
    expect(sheet.attendance.every((a: { status: string | null }) => a.status === null)).toBe(true);
    const invalid = await t.clerk.put(
      `/api/v1/meetings/${t.meeting.id}/attendance`,
      { entries: [{ personId: t.people.m3.id, status: "excused" }] },
      { status: 400 },
    );
    expect(invalid.errors[0].field).toBe("entries.0.excuseReason");
  });
});

describe("§38 GemO: the minutes", () => {
  it("refuses a stale save of the notes and keeps every revision", async () => {
    const t = await heldMeetingWithNotes();
    expect((await t.save(t.items.adopted, "stale", 1)).status).toBe(412);
    const history = await t.clerk.get(`${t.minutesPath}/revisions`);
    expect(history.revisions).toHaveLength(3);
    expect(history.diff.some((part: { added: boolean; text: string }) => part.added && part.text.includes("ausführlich"))).toBe(true);
  });

  it("names the deputies and for whom, remote members, late arrivals and early departures (§38 (1) GemO)", async () => {
    const t = await outcomeSetup();
    await t.attend("chair", "present");
    await t.attend("m2", "remote", { leftBeforeItemId: t.items.secret });
    await t.attend("m3", "excused", { excuseReason: "Urlaub" });
    await t.attend("d3", "present", { standsInForMembershipId: t.m3Seat.id });
    await t.attend("m4", "present", { arrivedBeforeItemId: t.items.adopted });
    const { header } = await t.clerk.get(`/api/v1/meetings/${t.meeting.id}/minutes`);
    const agenda = await t.clerk.get(`/api/v1/meetings/${t.meeting.id}/agenda`);
    const numberOf = (id: string) => agenda.items.find((i: { id: string }) => i.id === id).number;
    expect(header.deputies).toEqual([{ name: "Αθηνά Παπαδοπούλου", standsInFor: "Жанна Ковальчук" }]);
    expect(header.remote).toEqual(["Şükrü Yıldırım"]);
    expect(header.lateArrivals).toEqual([{ name: "Łucja Wąsik", item: numberOf(t.items.adopted) }]);
    expect(header.earlyDepartures).toEqual([{ name: "Şükrü Yıldırım", item: numberOf(t.items.secret) }]);
  });

  it("tells the public that minutes exist but are not yet published, and says so in every meeting read", async () => {
    const t = await finalMinutes();
    const unpublished = await t.as("public").get(t.minutesPath, { status: 404 });
    expect(unpublished).toMatchObject({ minutesStatus: "not_published", detail: expect.stringMatching(/noch nicht veröffentlicht/) });
    expect((await t.as("public").get(`/api/v1/meetings/${t.meeting.id}`)).hasPublishedMinutes).toBe(false);
    await t.clerk.post(`${t.minutesPath}/transitions`, { to: "published" }, { status: 200, headers: { "if-match": '"5"' } });
    expect((await t.as("public").get(`/api/v1/meetings/${t.meeting.id}`)).hasPublishedMinutes).toBe(true);
    const listed = await t.as("public").get(`/api/v1/meetings?committeeId=${t.committee.id}`);
    expect(listed.items.map((m: { hasPublishedMinutes: boolean }) => m.hasPublishedMinutes)).toEqual([true]);
  });

  it("warns before circulating about items without notes, and stops once every item has its notes", async () => {
    const t = await heldMeetingWithNotes();
    const draft = await t.clerk.get(t.minutesPath);
    const warning = draft.warnings.find((w: string) => w.startsWith("Ohne Notizen"));
    expect(warning).toMatch(/Ö 1 Eröffnung/);
    expect(warning).not.toMatch(/Förderrichtlinie|Vergabe/);
    let version = draft.version;
    for (const item of draft.items.filter((i: { notes: string | null }) => !i.notes)) {
      version = (
        await t.clerk.put(
          `${t.minutesPath}/items/${item.itemId}`,
          { notes: "Ohne Aussprache." },
          { headers: { "if-match": `"${version}"` } },
        )
      ).version;
    }
    expect((await t.clerk.get(t.minutesPath)).warnings).toEqual([]);
  });

  it("computes the draft's header, and shows the draft to the secretariat only", async () => {
    const t = await heldMeetingWithNotes();
    await t.as("public").get(t.minutesPath, { status: 404 });
    await t.as("m2").get(t.minutesPath, { status: 404 });
    const draft = await t.clerk.get(t.minutesPath);
    expect(draft.header).toMatchObject({
      date: "2026-12-10",
      startsAt: "2026-12-10T18:00:00+01:00",
      chair: "Katharina Brenner",
      membersPresent: 3,
    });
    expect(draft.header.absent).toEqual(
      expect.arrayContaining([
        { name: "Жанна Ковальчук", status: "excused", reason: "Urlaub", label: "entschuldigt (Urlaub)" },
        { name: "Łucja Wąsik", status: "absent", reason: null, label: "nicht entschuldigt" },
      ]),
    );
    expect((await t.transition("final", 3)).status).toBe(409);
  });

  it("circulates the full minutes to the committee, whose members object; final waits for the decision", async () => {
    const t = await heldMeetingWithNotes();
    await t.clerk.post(`${t.minutesPath}/transitions`, { to: "circulated" }, { status: 200, headers: { "if-match": '"3"' } });
    expect(JSON.stringify(await t.as("m2").get(t.minutesPath))).toContain("Geheimer Vergabebeschluss");
    await t.as("public").get(t.minutesPath, { status: 404 });

    const objection = await t.as("m2").post(`${t.minutesPath}/objections`, { text: "Meine Wortmeldung fehlt." });
    await t.as("outsider").post(`${t.minutesPath}/objections`, { text: "Ich war nicht da." }, { status: 403 });
    for (const role of ["chair", "m2", "d3"] as const)
      await t.as(role).post(`${t.minutesPath}/signatures`, { role: role === "chair" ? "chair" : "member" });
    await t.as("clerk").post(`${t.minutesPath}/signatures`, { role: "minute_taker" });
    expect((await t.transition("final", 4)).status).toBe(409); // an objection awaits its decision
    await t.clerk.post(`/api/v1/minutes-objections/${objection.objections[0].id}/decision`, {
      decision: "accepted",
      note: "Wird ergänzt.",
    });
    expect((await t.transition("final", 4)).status).toBe(200);
  });

  it("is signed by the chair, two members who took part and the minute-taker, each themselves", async () => {
    const t = await heldMeetingWithNotes();
    await t.clerk.post(`${t.minutesPath}/transitions`, { to: "circulated" }, { status: 200, headers: { "if-match": '"3"' } });
    await t.as("m3").post(`${t.minutesPath}/signatures`, { role: "member" }, { status: 422 }); // absent
    // The secretariat records a signature given on paper only, naming who signed and when.
    const unnamed = await t.as("secretariat").post(`${t.minutesPath}/signatures`, { role: "member" }, { status: 422 });
    expect(unnamed.errors[0].field).toBe("personId");
    await t.as("m2").post(`${t.minutesPath}/signatures`, { role: "chair" }, { status: 422 });
    await t.as("chair").post(`${t.minutesPath}/signatures`, { role: "chair" });
    await t.as("m2").post(`${t.minutesPath}/signatures`, { role: "member" });
    const missing = await t.clerk.post(`${t.minutesPath}/transitions`, { to: "final" }, { status: 422, headers: { "if-match": '"4"' } });
    expect(missing.missingSignatures).toHaveLength(2);
    await t.as("d3").post(`${t.minutesPath}/signatures`, { role: "member" });
    await t.as("clerk").post(`${t.minutesPath}/signatures`, { role: "minute_taker" });
    const final = await t.clerk.post(`${t.minutesPath}/transitions`, { to: "final" }, { status: 200, headers: { "if-match": '"4"' } });
    expect(final.signatures.map((s: { role: string }) => s.role)).toEqual(["chair", "member", "member", "minute_taker"]);
  });

  it("takes signatures given on paper from the secretariat, dated between the meeting and now, and marks them", async () => {
    const t = await heldMeetingWithNotes();
    await t.clerk.post(`${t.minutesPath}/transitions`, { to: "circulated" }, { status: 200, headers: { "if-match": '"3"' } });
    t.clock.now = new Date("2026-12-20T10:00:00Z");
    const paper = (body: Record<string, unknown>, status?: number) =>
      t.clerk.post(`${t.minutesPath}/signatures`, { role: "member", personId: t.people.m2.id, ...body }, status ? { status } : {});
    expect((await paper({ signedAt: "2026-12-10T17:59" }, 422)).errors[0]).toMatchObject({
      field: "signedAt",
      reason: "liegt vor dem Beginn der Sitzung",
    });
    expect((await paper({ signedAt: "2026-12-21T09:00" }, 422)).errors[0]).toMatchObject({
      field: "signedAt",
      reason: "liegt in der Zukunft",
    });
    expect((await paper({}, 422)).errors[0].field).toBe("signedAt");
    await t.as("m2").post(`${t.minutesPath}/signatures`, { role: "chair", personId: t.people.chair.id }, { status: 403 });
    const signed = await paper({ signedAt: "2026-12-15T16:30" });
    expect(signed.signatures).toEqual([{ role: "member", name: "Şükrü Yıldırım", signedAt: "2026-12-15T15:30:00.000Z", onPaper: true }]);
    await t.as("d3").post(`${t.minutesPath}/signatures`, { role: "member" });
    const both = await t.clerk.get(t.minutesPath);
    expect(both.signatures.map((s: { onPaper: boolean }) => s.onPaper)).toEqual([true, false]);
    const log = await t.as("admin").get(`/api/v1/audit-log?entityType=MinutesSignature`);
    expect(log.items.find((e: { after: { onPaper: boolean } }) => e.after.onPaper)).toMatchObject({ actorName: "secretariat test token" });
  });

  it("closes the meeting when final, and final minutes cannot change", async () => {
    const t = await finalMinutes();
    expect((await t.as("public").get(`/api/v1/meetings/${t.meeting.id}`)).state).toBe("closed");
    expect((await t.save(t.items.adopted, "Nachträglich geändert", 5)).status).toBe(409);
  });

  it("publishes the public part only, and search finds the notes exactly where the minutes are readable", async () => {
    const t = await finalMinutes();
    await t.clerk.post(`${t.minutesPath}/transitions`, { to: "published" }, { status: 200, headers: { "if-match": '"5"' } });
    const publicText = JSON.stringify(await t.as("public").get(t.minutesPath));
    expect(publicText).toContain("Zugestimmt.");
    expect(publicText).not.toMatch(/Vergabe|Geheimer|Erörterung der Angebote|Meine Wortmeldung/);
    expect((await t.as("public").get(`${t.minutesPath}?variant=full`)).variant).toBe("public");

    const found = async (q: string, role: "public" | "m2") =>
      (await t.as(role).get(`/api/v1/search?q=${q}&kind=minutes`)).items.map((hit: { url: string }) => hit.url);
    expect(await found("Richtlinie", "public")).toEqual([t.minutesPath]);
    expect(await found("Angebote", "public")).toEqual([]);
    expect(await found("Angebote", "m2")).toEqual([t.minutesPath]);
  });
});

describe("more outcomes", () => {
  it("§37 (7): an election without a majority goes to a run-off, which elects", async () => {
    const t = await outcomeSetup();
    for (const key of ["chair", "m2", "m3", "m4"] as const) await t.attend(key, "present");
    const electionItem = (
      await json(
        await t.secretariat("POST", `/api/v1/meetings/${t.meeting.id}/agenda-items`, {
          title: "Wahl der Stellvertretung",
          kind: "election",
        }),
      )
    ).itemId;
    const first = await json(
      await t.vote(electionItem, { motion: "Wahl", kind: "election", election: { votes: { "Ayşe Demir": 2, "Tomás García": 1 } } }),
    );
    expect(first.vote).toMatchObject({ outcome: "runoff" });
    const runoff = await json(
      await t.vote(electionItem, {
        motion: "Stichwahl",
        kind: "election",
        election: { round: "runoff", votes: { "Ayşe Demir": 3, "Tomás García": 1 } },
        resolution: { text: "Gewählt ist Ayşe Demir." },
      }),
    );
    expect(runoff.vote).toMatchObject({ outcome: "elected" });
    expect(runoff.resolution.text).toBe("Gewählt ist Ayşe Demir.");
    const misc = (
      await json(
        await t.secretariat("POST", `/api/v1/meetings/${t.meeting.id}/agenda-items`, { title: "Verschiedenes", kind: "miscellaneous" }),
      )
    ).itemId;
    expect((await t.vote(misc, { motion: "x", counts: { yes: 4, no: 0, abstain: 0 } })).status).toBe(422);
  });

  it("records the follow-up of a resolution, and its successor", async () => {
    const t = await outcomeSetup();
    for (const key of ["chair", "m2", "m4"] as const) await t.attend(key, "present");
    const first = (
      await json(await t.vote(t.items.adopted, { motion: "M", counts: { yes: 3, no: 0, abstain: 0 }, resolution: { text: "Alt" } }))
    ).resolution;
    const second = (
      await json(await t.vote(t.items.tie, { motion: "M", counts: { yes: 3, no: 0, abstain: 0 }, resolution: { text: "Neu" } }))
    ).resolution;
    const missing = await t.secretariat("PATCH", `/api/v1/resolutions/${first.id}`, { followUp: "superseded" }, { "if-match": '"1"' });
    expect(missing.status).toBe(400);
    const superseded = await json(
      await t.secretariat(
        "PATCH",
        `/api/v1/resolutions/${first.id}`,
        { followUp: "superseded", supersededById: second.id },
        { "if-match": '"1"' },
      ),
    );
    expect(superseded).toMatchObject({ followUp: "superseded", supersededById: second.id, version: 2 });
    expect(
      (
        await t.request("PATCH", `/api/v1/resolutions/${first.id}`, {
          token: t.tokens.m2,
          body: { followUp: "done" },
          headers: { "if-match": '"2"' },
        })
      ).status,
    ).toBe(403);
  });

  it("§37 (1): a written procedure passes only if nobody objects by the deadline", async () => {
    const t = await scenario({ seats: { a: { givenName: "Anna", familyName: "A" }, b: { givenName: "Bernd", familyName: "B" } } });
    const { committee } = t;
    const secretariat = t.tokens.secretariat;
    const memberB = t.tokens.b;
    const start = async () =>
      json(
        await t.request("POST", `/api/v1/committees/${committee.id}/written-procedures`, {
          token: secretariat,
          body: { motion: "Terminverlegung", text: "Die Sitzung wird verlegt.", deadline: "2026-11-28T12:00:00+01:00" },
        }),
      );
    const quiet = await start();
    const objected = await start();
    expect(
      (
        await t.request("POST", `/api/v1/written-procedures/${objected.id}/objections`, {
          token: memberB,
          body: { note: "Bitte in der Sitzung beraten" },
        })
      ).status,
    ).toBe(201);
    // Still open:
    expect((await t.request("POST", `/api/v1/written-procedures/${quiet.id}/conclusion`, { token: secretariat })).status).toBe(409);

    t.clock.now = new Date("2026-11-29T00:00:00Z");
    expect((await t.request("POST", `/api/v1/written-procedures/${quiet.id}/objections`, { token: memberB, body: {} })).status).toBe(409);
    const adopted = await json(await t.request("POST", `/api/v1/written-procedures/${quiet.id}/conclusion`, { token: secretariat }));
    expect(adopted).toMatchObject({ outcome: "adopted", resolutionNumber: "IA/2026/001" });
    const failed = await json(await t.request("POST", `/api/v1/written-procedures/${objected.id}/conclusion`, { token: secretariat }));
    expect(failed).toMatchObject({ outcome: "failed", resolutionNumber: null });
  });

  it("§38 (2): warns when the minutes are not with the committee within one month", async () => {
    const t = await outcomeSetup();
    await t.attend("chair", "present");
    await t.secretariat("POST", `/api/v1/meetings/${t.meeting.id}/transitions`, { to: "held" }, { "if-match": '"2"' });
    await t.secretariat(
      "PUT",
      `/api/v1/meetings/${t.meeting.id}/minutes/items/${t.items.adopted}`,
      { notes: "Notiz" },
      { "if-match": '"0"' },
    );
    const minutes = await json(await t.secretariat("GET", `/api/v1/meetings/${t.meeting.id}/minutes`));
    expect(minutes.dueDate).toBe("2027-01-10");
    expect(minutes.warnings.filter((w: string) => w.includes("§ 38 Abs. 2"))).toEqual([]);
    t.clock.now = new Date("2027-01-11T10:00:00Z");
    const late = await json(await t.secretariat("GET", `/api/v1/meetings/${t.meeting.id}/minutes`));
    expect(late.warnings[0]).toMatch(/bis 2027-01-10 dem Gremium zur Kenntnis zu bringen \(§ 38 Abs\. 2 GemO\)/);
  });
});

describe("outcomes and the public", () => {
  it("shows the attendance sheet to the committee without reasons, with them to the secretariat, and to nobody else", async () => {
    const t = await outcomeSetup();
    await t.attend("chair", "present");
    await t.attend("m3", "excused", { excuseReason: "Krankheit" });
    const sheet = (token?: string) => t.request("GET", `/api/v1/meetings/${t.meeting.id}/attendance`, { token });
    const reasonOf = (body: { attendance: { personId: string; excuseReason: string | null }[] }) =>
      body.attendance.find((a) => a.personId === t.people.m3.id)!.excuseReason;
    const otherBody = await t.f.body({ name: "Stadt Nebenort" });
    const stranger = await t.f.person(otherBody.id, { givenName: "Olga", familyName: "Fremd" });
    const strangerToken = await t.tokenFor("member", { personId: stranger.id });
    for (const token of [t.tokens.outsider, strangerToken]) {
      const refused = await sheet(token);
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain("Krankheit");
    }
    expect((await sheet()).status).toBe(401);
    const forMember = await json(await sheet(t.tokens.m2));
    expect(reasonOf(forMember)).toBeNull();
    expect(forMember.quorum.some((q: { number: string }) => q.number.startsWith("N"))).toBe(true);
    expect(reasonOf(await json(await sheet(t.tokens.secretariat)))).toBe("Krankheit");
    expect(reasonOf(await json(await sheet(t.tokens.admin)))).toBe("Krankheit");
  });
});
