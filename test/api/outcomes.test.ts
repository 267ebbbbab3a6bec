import { describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database";
import { fixtures } from "../helpers/fixtures";
import { createTestApp, json } from "../helpers/test-app";

const NOW = new Date("2026-11-21T10:00:00Z");

/** A committee of four voting members (chair, m2, m3 with a personal deputy d3) and a minute-taker. */
async function outcomeSetup(options: { wrapDatabase?: (db: Database) => Database; now?: () => Date } = {}) {
  const t = createTestApp({ now: () => NOW, ...options });
  const f = fixtures(t.request);
  const body = await f.body();
  const committee = await f.committee(body.id);
  const person = (givenName: string, familyName: string) => f.person(body.id, { givenName, familyName });
  const people = {
    chair: await person("Katharina", "Brenner"),
    m2: await person("Şükrü", "Yıldırım"),
    m3: await person("Жанна", "Ковальчук"),
    m4: await person("Łucja", "Wąsik"),
    d3: await person("Αθηνά", "Παπαδοπούλου"),
    clerk: await person("Jonas", "Albrecht"),
  };
  await f.membership(committee.id, people.chair.id, { role: "chair" });
  await f.membership(committee.id, people.m2.id);
  const m3Seat = await f.membership(committee.id, people.m3.id);
  await f.membership(committee.id, people.m4.id);
  await f.membership(committee.id, people.d3.id, { role: "deputy", deputyForId: m3Seat.id });
  await f.membership(committee.id, people.clerk.id, { role: "minute_taker" });
  const token = async (key: keyof typeof people) => t.tokenFor("member", { personId: people[key].id });
  const tokens = {
    secretariat: await t.tokenFor("secretariat", { bodyId: body.id }),
    chair: await token("chair"),
    m2: await token("m2"),
    m3: await token("m3"),
    d3: await token("d3"),
    clerk: await token("clerk"),
  };
  const secretariat = (method: string, path: string, bodyJson?: unknown, headers?: Record<string, string>) =>
    t.request(method, path, { token: tokens.secretariat, body: bodyJson, headers });
  const meeting = await json(
    await secretariat("POST", "/api/v1/meetings", { committeeId: committee.id, startsAt: "2026-12-10T18:00:00+01:00" }),
  );
  const add = async (title: string, kind: string, isPublic = true) =>
    (await json(await secretariat("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, { title, kind, isPublic }))).itemId as string;
  const items = {
    tie: await add("Antrag auf Verlegung der Sitzungszeit", "resolution"),
    adopted: await add("Förderrichtlinie Migrantenorganisationen", "resolution"),
    secret: await add("Vergabe Integrationsmanagement", "resolution", false),
  };
  expect((await secretariat("POST", `/api/v1/meetings/${meeting.id}/invitation`, {})).status).toBe(201);
  const attend = (key: keyof typeof people, status: string, more: Record<string, unknown> = {}) =>
    secretariat("PUT", `/api/v1/meetings/${meeting.id}/attendance/${people[key].id}`, { status, ...more });
  const vote = (itemId: string, bodyJson: Record<string, unknown>) => secretariat("POST", `/api/v1/agenda-items/${itemId}/votes`, bodyJson);
  return { ...t, f, body, committee, people, m3Seat, tokens, secretariat, meeting, items, attend, vote };
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

  it("§38: takes the minutes from draft through objections and signatures to final and published", async () => {
    const t = await outcomeSetup();
    await t.attend("chair", "present");
    await t.attend("m2", "present");
    await t.attend("m3", "excused", { excuseReason: "Urlaub" });
    await t.attend("d3", "present", { standsInForMembershipId: t.m3Seat.id });
    await t.attend("m4", "absent");
    await t.attend("clerk", "present");
    await t.vote(t.items.adopted, { motion: "Zustimmung", counts: { yes: 3, no: 0, abstain: 0 }, resolution: { text: "Zugestimmt." } });
    await t.vote(t.items.secret, {
      motion: "Vergabe",
      counts: { yes: 3, no: 0, abstain: 0 },
      resolution: { text: "Geheimer Vergabebeschluss." },
    });
    await t.secretariat("POST", `/api/v1/meetings/${t.meeting.id}/transitions`, { to: "held" }, { "if-match": '"2"' });

    const minutesPath = `/api/v1/meetings/${t.meeting.id}/minutes`;
    const save = (itemId: string, notes: string, version: number) =>
      t.secretariat("PUT", `${minutesPath}/items/${itemId}`, { notes }, { "if-match": `"${version}"` });
    expect((await save(t.items.adopted, "Die Verwaltung erläutert die Richtlinie.", 0)).status).toBe(200);
    expect((await save(t.items.secret, "Erörterung der Angebote.", 1)).status).toBe(200);
    expect((await save(t.items.adopted, "stale", 1)).status).toBe(412);
    expect((await save(t.items.adopted, "Die Verwaltung erläutert die Richtlinie ausführlich.", 2)).status).toBe(200);

    // A draft is for the secretariat.
    for (const token of [undefined, t.tokens.m2]) expect((await t.request("GET", minutesPath, { token })).status).toBe(404);
    const draft = await json(await t.request("GET", minutesPath, { token: t.tokens.secretariat }));
    expect(draft.header).toMatchObject({
      date: "2026-12-10",
      startsAt: "2026-12-10T18:00:00+01:00",
      chair: "Katharina Brenner",
      membersPresent: 3,
    });
    expect(draft.header.absent).toEqual(
      expect.arrayContaining([
        { name: "Жанна Ковальчук", reason: "Urlaub" },
        { name: "Łucja Wąsik", reason: "unentschuldigt" },
      ]),
    );

    const transition = (to: string, version: number) =>
      t.secretariat("POST", `${minutesPath}/transitions`, { to }, { "if-match": `"${version}"` });
    expect((await transition("final", 3)).status).toBe(409);
    expect((await transition("circulated", 3)).status).toBe(200);
    const full = await json(await t.request("GET", minutesPath, { token: t.tokens.m2 }));
    expect(JSON.stringify(full)).toContain("Geheimer Vergabebeschluss");
    expect((await t.request("GET", minutesPath)).status).toBe(404);

    const objection = await json(
      await t.request("POST", `${minutesPath}/objections`, { token: t.tokens.m2, body: { text: "Meine Wortmeldung fehlt." } }),
    );
    const objectionId = objection.objections[0].id;
    expect((await transition("final", 4)).status).toBe(409); // an objection awaits its decision
    await t.secretariat("POST", `/api/v1/minutes-objections/${objectionId}/decision`, { decision: "accepted", note: "Wird ergänzt." });

    const sign = (token: string, role: string) => t.request("POST", `${minutesPath}/signatures`, { token, body: { role } });
    expect((await sign(t.tokens.m3, "member")).status).toBe(422); // absent
    expect((await sign(t.tokens.secretariat, "member")).status).toBe(403); // only the signing person
    expect((await sign(t.tokens.m2, "chair")).status).toBe(422);
    expect((await sign(t.tokens.chair, "chair")).status).toBe(201);
    expect((await sign(t.tokens.m2, "member")).status).toBe(201);
    const missing = await transition("final", 4);
    expect(missing.status).toBe(422);
    expect((await json(missing)).missingSignatures).toHaveLength(2);
    await sign(t.tokens.d3, "member");
    await sign(t.tokens.clerk, "minute_taker");

    const final = await transition("final", 4);
    expect(final.status).toBe(200);
    expect((await json(final)).signatures.map((s: { role: string }) => s.role)).toEqual(["chair", "member", "member", "minute_taker"]);
    expect((await json(await t.request("GET", `/api/v1/meetings/${t.meeting.id}`))).state).toBe("closed");
    expect((await save(t.items.adopted, "Nachträglich geändert", 5)).status).toBe(409);

    const history = await json(await t.secretariat("GET", `${minutesPath}/revisions`));
    expect(history.revisions).toHaveLength(3);
    expect(history.diff.some((part: { added: boolean; text: string }) => part.added && part.text.includes("ausführlich"))).toBe(true);

    expect((await transition("published", 5)).status).toBe(200);
    const published = await t.request("GET", minutesPath);
    expect(published.status).toBe(200);
    const publicText = JSON.stringify(await json(published));
    expect(publicText).toContain("Zugestimmt.");
    expect(publicText).not.toMatch(/Vergabe|Geheimer|Erörterung der Angebote|Meine Wortmeldung/);
    const forced = await json(await t.request("GET", `${minutesPath}?variant=full`));
    expect(forced.variant).toBe("public");

    // Search shows the minutes' notes exactly as the minutes do.
    const found = async (q: string, token?: string) =>
      (await json(await t.request("GET", `/api/v1/search?q=${q}&kind=minutes`, { token }))).items.map((hit: { url: string }) => hit.url);
    expect(await found("Richtlinie")).toEqual([minutesPath]);
    expect(await found("Angebote")).toEqual([]);
    expect(await found("Angebote", t.tokens.m2)).toEqual([minutesPath]);
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
    let now = NOW;
    const t = createTestApp({ now: () => now });
    const f = fixtures(t.request);
    const body = await f.body();
    const committee = await f.committee(body.id);
    const a = await f.person(body.id, { familyName: "A" });
    const b = await f.person(body.id, { familyName: "B" });
    await f.membership(committee.id, a.id);
    await f.membership(committee.id, b.id);
    const secretariat = await t.tokenFor("secretariat", { bodyId: body.id });
    const memberB = await t.tokenFor("member", { personId: b.id });
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

    now = new Date("2026-11-29T00:00:00Z");
    expect((await t.request("POST", `/api/v1/written-procedures/${quiet.id}/objections`, { token: memberB, body: {} })).status).toBe(409);
    const adopted = await json(await t.request("POST", `/api/v1/written-procedures/${quiet.id}/conclusion`, { token: secretariat }));
    expect(adopted).toMatchObject({ outcome: "adopted", resolutionNumber: "IA/2026/001" });
    const failed = await json(await t.request("POST", `/api/v1/written-procedures/${objected.id}/conclusion`, { token: secretariat }));
    expect(failed).toMatchObject({ outcome: "failed", resolutionNumber: null });
  });

  it("§38 (2): warns when the minutes are not with the committee within one month", async () => {
    let now = NOW;
    const t = await outcomeSetup({ now: () => now });
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
    expect(minutes.warnings).toEqual([]);
    now = new Date("2027-01-11T10:00:00Z");
    const late = await json(await t.secretariat("GET", `/api/v1/meetings/${t.meeting.id}/minutes`));
    expect(late.warnings[0]).toMatch(/bis 2027-01-10 dem Gremium zur Kenntnis zu bringen \(§ 38 Abs\. 2 GemO\)/);
  });
});

describe("outcomes and the public", () => {
  it("shows members of other committees no trace of non-public items on the attendance sheet", async () => {
    const t = await outcomeSetup();
    const other = await t.f.committee(t.body.id, { name: "Fachgruppe", shortName: "FG", kind: "working_group" });
    const outsider = await t.f.person(t.body.id, { familyName: "Außen" });
    await t.f.membership(other.id, outsider.id);
    const outsiderToken = await t.tokenFor("member", { personId: outsider.id });
    const numbers = async (token: string) =>
      (await json(await t.request("GET", `/api/v1/meetings/${t.meeting.id}/attendance`, { token }))).quorum.map(
        (q: { number: string }) => q.number,
      );
    expect((await numbers(outsiderToken)).some((n: string) => n.startsWith("N"))).toBe(false);
    expect((await numbers(t.tokens.m2)).some((n: string) => n.startsWith("N"))).toBe(true);
    expect((await t.request("GET", `/api/v1/meetings/${t.meeting.id}/attendance`)).status).toBe(401);
  });
});
