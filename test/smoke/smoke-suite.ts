import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { json, type TestFetch } from "../helpers/test-app";

/** Checks a PDF with qpdf and returns its text (poppler's pdftotext). */
function pdfToText(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-smoke-")), "doc.pdf");
  writeFileSync(file, bytes);
  execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
  return execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
}

export interface SmokeTarget {
  request: TestFetch;
  adminToken: string;
}

/** POSTs as the admin (or with another token) and expects 201, failing with the answer's body; answers its JSON. */
function creator({ request, adminToken }: SmokeTarget) {
  return async (path: string, body: unknown, token = adminToken) => {
    const response = await request("POST", path, { token, body });
    expect(response.status, `POST ${path}: ${await response.clone().text()}`).toBe(201);
    return json(response);
  };
}

/** A new body with an Integrationsbeirat and one person with an address (not yet seated), as the admin makes them. */
export async function seedBeirat(target: SmokeTarget) {
  const { request, adminToken: token } = target;
  const post = creator(target);
  const body = await post("/api/v1/bodies", { name: `Stadt ${crypto.randomUUID().slice(0, 8)}` });
  const committee = await post("/api/v1/committees", {
    bodyId: body.id,
    name: "Integrationsbeirat",
    shortName: "IBR",
    kind: "advisory_council",
  });
  const person = await post("/api/v1/people", {
    bodyId: body.id,
    givenName: "Жанна",
    familyName: "Ковальчук",
    email: "zhanna@example.org",
  });
  return { request, token, post, body, committee, person };
}

/**
 * The main routes end to end, run against each runtime: Node with better-sqlite3 and the Worker build
 * on workerd with a local D1. Every test creates its own body, so the tests share a database safely.
 */
export function smokeSuite(runtime: string, target: () => SmokeTarget) {
  describe(`smoke: ${runtime}`, () => {
    const seed = () => seedBeirat(target());

    it("creates an account, sets its password through the link, signs in with the session cookie and signs out", async () => {
      const { request, post, person } = await seed();
      const account = await post("/api/v1/accounts", { email: `z${crypto.randomUUID().slice(0, 8)}@example.org`, personId: person.id });
      const form = (fields: Record<string, string>, cookie?: string) => ({
        body: new URLSearchParams(fields).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", ...(cookie ? { cookie } : {}) },
      });
      const password = "Brücke über die Rems 2026";
      const link = new URL(account.setPasswordUrl).pathname;
      expect((await request("POST", link, form({ password, repeat: password }))).status).toBe(303);
      expect((await request("POST", "/anmelden", form({ email: account.email, password: "falsch falsch falsch" }))).status).toBe(401);
      const signedIn = await request("POST", "/anmelden", form({ email: account.email, password }));
      expect(signedIn.status).toBe(303);
      const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
      expect(cookie).toMatch(/^__Host-gremium_session=/);
      const konto = await request("GET", "/konto", { headers: { cookie } });
      expect(konto.status).toBe(200);
      expect(await konto.text()).toContain(account.email);
      expect((await request("POST", "/abmelden", form({}, cookie))).status).toBe(303);
      expect((await request("GET", "/konto", { headers: { cookie } })).headers.get("location")).toBe("/anmelden");
    });

    it("reports health with the database check", async () => {
      const response = await target().request("GET", "/health");
      expect(response.status).toBe(200);
      expect(await json(response)).toMatchObject({ status: "ok", database: { status: "ok" } });
    });

    it("serves the OpenAPI document and the reference", async () => {
      const { request } = target();
      expect((await json(await request("GET", "/openapi.json"))).openapi).toBe("3.1.0");
      expect((await request("GET", "/docs")).status).toBe(200);
    });

    it("answers errors with problem+json", async () => {
      const { request, adminToken } = target();
      const unknown = await request("GET", "/api/v1/nope");
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get("content-type")).toContain("application/problem+json");
      expect((await request("POST", "/api/v1/people", { body: {} })).status).toBe(401);
      expect(
        (await request("POST", "/api/v1/bodies", { token: adminToken, body: "{oops", headers: { "content-type": "application/json" } }))
          .status,
      ).toBe(400);
      expect(
        (await request("POST", "/api/v1/bodies", { token: adminToken, body: "a=b", headers: { "content-type": "text/plain" } })).status,
      ).toBe(415);
    });

    it("validates, versions and audits a person", async () => {
      const { request, token, body, person } = await seed();
      const invalid = await request("POST", "/api/v1/people", { token, body: { bodyId: body.id, givenName: "Ștefan" } });
      expect(invalid.status).toBe(400);
      expect((await json(invalid)).errors.map((e: { field: string }) => e.field)).toContain("familyName");

      const path = `/api/v1/people/${person.id}`;
      const read = await request("GET", path, { token });
      expect(read.headers.get("etag")).toBe('"1"');
      expect(await json(read)).toMatchObject({ familyName: "Ковальчук", email: "zhanna@example.org" });

      const update = (title: string) => request("PATCH", path, { token, body: { title }, headers: { "if-match": '"1"' } });
      const statuses = (await Promise.all([update("Dr."), update("Prof.")])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 412]);
      expect((await update("Dr. Dr.")).status).toBe(412);

      const audit = await json(await request("GET", `/api/v1/audit-log?entityId=${person.id}`, { token }));
      expect(audit.items.map((e: { action: string }) => e.action)).toEqual(["update", "create"]);
    });

    it("keeps memberships from overlapping, also when requests race", async () => {
      const { request, token, committee, person } = await seed();
      const create = (startDate: string) =>
        request("POST", "/api/v1/memberships", {
          token,
          body: { committeeId: committee.id, personId: person.id, role: "member", startDate },
        });
      const statuses = (await Promise.all([create("2024-07-01"), create("2025-01-01")])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const composition = await json(await request("GET", `/api/v1/committees/${committee.id}/members?at=2025-06-01`));
      expect(composition).toMatchObject({ seats: 1, votingMembers: 1 });
      expect(composition.items[0].person.name).toBe("Жанна Ковальчук");
    });

    it("lists committees anonymously and shows a member's contact data to no one but the secretariat", async () => {
      const { request, token, post, body, committee, person } = await seed();
      await post("/api/v1/memberships", { committeeId: committee.id, personId: person.id, role: "member", startDate: "2024-07-01" });
      const minted = await json(
        await request("POST", "/api/v1/tokens", { token, body: { name: "Mitglied", role: "member", personId: person.id } }),
      );
      for (const viewer of [undefined, minted.token]) {
        const view = await json(await request("GET", `/api/v1/people/${person.id}`, { token: viewer }));
        expect(view.familyName).toBe("Ковальчук");
        expect(view.email).toBeUndefined();
      }
      const today = await json(await request("GET", `/api/v1/committees/${committee.id}/members`));
      expect(today.at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(today.seats).toBe(1);
      const committees = await json(await request("GET", `/api/v1/committees?bodyId=${body.id}`));
      expect(committees.items.map((c: { shortName: string }) => c.shortName)).toEqual(["IBR"]);
    });
  });
}

/** Meetings, agendas, papers, invitations and feeds, end to end on each runtime. */
export function meetingsSmokeSuite(runtime: string, target: () => SmokeTarget) {
  describe(`smoke: meetings on ${runtime}`, () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

    async function setup() {
      const { request } = target();
      const post = creator(target());
      const body = await post("/api/v1/bodies", { name: `Stadt ${crypto.randomUUID().slice(0, 8)}` });
      const committee = await post("/api/v1/committees", {
        bodyId: body.id,
        name: "Integrationsausschuss",
        shortName: "IA",
        kind: "advisory_committee",
      });
      const person = await post("/api/v1/people", { bodyId: body.id, givenName: "Şükrü", familyName: "Yıldırım" });
      await post("/api/v1/memberships", { committeeId: committee.id, personId: person.id, role: "member", startDate: "2024-01-01" });
      const secretariat = (await post("/api/v1/tokens", { name: "Geschäftsstelle", role: "secretariat", bodyId: body.id })).token as string;
      const member = (await post("/api/v1/tokens", { name: "Mitglied", role: "member", personId: person.id })).token as string;
      return { request, post, body, committee, secretariat, member };
    }

    it("runs a meeting from the standard frame to the invitation, with a paper and its PDF", async () => {
      const { request, post, body, committee, secretariat, member } = await setup();
      const meeting = await post(
        "/api/v1/meetings",
        { committeeId: committee.id, startsAt: inDays(3), locationName: "Rathaus" },
        secretariat,
      );
      const paper = await post(
        "/api/v1/papers",
        {
          bodyId: body.id,
          title: "Sprachförderung",
          type: "proposal",
          proposedResolution: "Zustimmung",
          financialEffects: "Zuschuss von 25.000 € für die Sprach-Kita; Anfragen per E-Mail.",
        },
        secretariat,
      );

      const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
      const upload = await request("POST", `/api/v1/papers/${paper.id}/attachments?filename=Anlage.pdf`, {
        token: secretariat,
        body: pdf,
        headers: { "content-type": "application/pdf" },
      });
      expect(upload.status).toBe(201);
      const attachment = (await json(upload)).attachments[0];
      const download = await request("GET", attachment.url);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
      expect(download.headers.get("repr-digest")).toMatch(/^sha-512=:/);

      const topic = await post(
        `/api/v1/meetings/${meeting.id}/agenda-items`,
        { kind: "resolution", title: "Sprachförderung", paperId: paper.id, position: 3 },
        secretariat,
      );
      const nested = await post(
        `/api/v1/meetings/${meeting.id}/agenda-items`,
        { kind: "information", title: "Bericht der Kitas", parentId: topic.itemId },
        secretariat,
      );
      await post(
        `/api/v1/meetings/${meeting.id}/agenda-items`,
        { kind: "discussion", title: "Vertragsangelegenheit", isPublic: false },
        secretariat,
      );
      expect(nested.items.map((i: { number: string; title: string }) => `${i.number} ${i.title}`)).toContain("Ö 4.1 Bericht der Kitas");

      // Search finds register numbers, word forms and agenda items, with the agenda's visibility.
      const search = async (q: string, token?: string) =>
        (await json(await request("GET", `/api/v1/search?q=${encodeURIComponent(q)}`, { token }))).items.map(
          (hit: { kind: string; id: string }) => `${hit.kind}:${hit.id}`,
        );
      for (const q of [paper.number, "25.000 €", "Sprach-Kita", "E-Mail", "Sprachförder"])
        expect(await search(q), q).toContain(`paper:${paper.id}`);
      expect(await search("Kita")).toContain(`item:${nested.itemId}`);
      expect(await search("Vertragsangelegenheit")).toEqual([]);
      expect(await search("Vertragsangelegenheit", secretariat)).toHaveLength(1);

      const late = await request("POST", `/api/v1/meetings/${meeting.id}/invitation`, { token: secretariat, body: {} });
      expect(late.status).toBe(422);
      expect(await json(late)).toMatchObject({ daysBeforeMeeting: 3, daysShort: 4, noticeDays: 7 });
      const sent = await request("POST", `/api/v1/meetings/${meeting.id}/invitation`, {
        token: secretariat,
        body: { lateReason: "Eilbedürftig" },
      });
      expect(sent.status).toBe(201);

      const amended = await post(
        `/api/v1/meetings/${meeting.id}/agenda-items`,
        { kind: "information", title: "Nachtrag", position: 0 },
        secretariat,
      );
      expect(amended.amendments).toHaveLength(1);

      const anonymous = await json(await request("GET", `/api/v1/meetings/${meeting.id}/agenda`));
      const asMember = await json(await request("GET", `/api/v1/meetings/${meeting.id}/agenda`, { token: member }));
      expect(JSON.stringify(anonymous)).not.toContain("Vertragsangelegenheit");
      expect(asMember.items.filter((i: { isPublic: boolean }) => !i.isPublic).map((i: { title: string }) => i.title)).toContain(
        "Vertragsangelegenheit",
      );
      expect(asMember.items.filter((i: { isPublic: boolean }) => i.isPublic)).toEqual(anonymous.items);

      const invitationPdf = await request("GET", `/api/v1/meetings/${meeting.id}/invitation.pdf`, { token: member });
      expect(invitationPdf.headers.get("content-type")).toBe("application/pdf");
      const pdfText = pdfToText(new Uint8Array(await invitationPdf.arrayBuffer()));
      expect(pdfText).toContain("Vertragsangelegenheit");
      expect(pdfText).toContain("Şükrü Yıldırım");

      const feed = await request("GET", `/api/v1/committees/${committee.id}/calendar.ics`);
      const text = await feed.text();
      expect(text).toContain(`UID:${meeting.id}@gremium`);
      expect(text).not.toContain("Vertragsangelegenheit");

      // The portal page of the meeting, in the body's scope: the public agenda, the paper, no non-public title.
      const page = await request("GET", `/sitzungen/${meeting.id}?k=${body.id}`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      expect(page.headers.get("content-security-policy")).toContain("script-src 'none'");
      const html = await page.text();
      expect(html).toMatch(/^<!DOCTYPE html><html lang="de"/);
      expect(html).toContain("Bericht der Kitas");
      expect(html).toContain(`${paper.number}: Sprachförderung`);
      expect(html).toContain("nichtöffentlichen Teil");
      expect(html).not.toContain("Vertragsangelegenheit");
      const css = await request("GET", "/static/kern/kern.min.css?v=1");
      expect(css.status).toBe(200);
      expect(css.headers.get("content-type")).toMatch(/^text\/css/);
      expect((await css.text()).length).toBeGreaterThan(100_000);
      expect((await request("GET", `/gibt-es-nicht?k=${body.id}`)).status).toBe(404);
    });
  });
}

/** Attendance, quorum, votes, resolutions and minutes, end to end on each runtime. */
/**
 * A committee of three members, with a meeting that began an hour ago (the suites run on the real clock: outcomes are
 * recorded from the start on), its items to decide, and its late invitation.
 */
async function runningMeeting(target: SmokeTarget, itemSpecs: (readonly [string, boolean])[]) {
  const post = creator(target);
  const body = await post("/api/v1/bodies", { name: `Stadt ${crypto.randomUUID().slice(0, 8)}` });
  const committee = await post("/api/v1/committees", {
    bodyId: body.id,
    name: "Integrationsbeirat",
    shortName: "IBR",
    kind: "advisory_council",
  });
  const people: { id: string }[] = [];
  for (const familyName of ["Yıldırım", "Ковальчук", "Παπαδοπούλου"]) {
    const person = await post("/api/v1/people", { bodyId: body.id, givenName: "X", familyName });
    await post("/api/v1/memberships", { committeeId: committee.id, personId: person.id, role: "member", startDate: "2024-01-01" });
    people.push(person);
  }
  const meeting = await post("/api/v1/meetings", {
    committeeId: committee.id,
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    standardFrame: false,
  });
  const items: string[] = [];
  for (const [title, isPublic] of itemSpecs)
    items.push((await post(`/api/v1/meetings/${meeting.id}/agenda-items`, { title, kind: "resolution", isPublic })).itemId);
  await post(`/api/v1/meetings/${meeting.id}/invitation`, { lateReason: "Kurzfristig einberufen" });
  return { body, committee, people, meeting, items };
}

export function outcomesSmokeSuite(runtime: string, target: () => SmokeTarget) {
  describe(`smoke: outcomes on ${runtime}`, () => {
    it("refuses a vote without quorum, numbers racing resolutions uniquely, and keeps non-public ones hidden", async () => {
      const { request, adminToken } = target();
      const { committee, people, meeting, items } = await runningMeeting(target(), [
        ["Empfehlung A", true],
        ["Empfehlung B", true],
        ["Vertraulich", false],
      ]);
      const attend = (index: number) =>
        request("PUT", `/api/v1/meetings/${meeting.id}/attendance/${people[index]!.id}`, {
          token: adminToken,
          body: { status: "present" },
        });
      await attend(0);
      const refused = await request("POST", `/api/v1/agenda-items/${items[0]}/votes`, {
        token: adminToken,
        body: { motion: "M", counts: { yes: 1, no: 0, abstain: 0 } },
      });
      expect(refused.status).toBe(422);
      expect((await json(refused)).quorum).toMatchObject({ quorate: false, required: 2 });
      await attend(1);

      const vote = (itemId: string) =>
        request("POST", `/api/v1/agenda-items/${itemId}/votes`, {
          token: adminToken,
          body: {
            motion: "M",
            counts: { yes: 2, no: 0, abstain: 0 },
            resolution: { text: `Beschluss ${itemId}`, kind: "recommendation", recipientBody: "Gemeinderat" },
          },
        }).then(json);
      const results = await Promise.all(items.map(vote));
      const year = new Date().getUTCFullYear();
      expect(results.map((r) => r.resolution.number).sort()).toEqual([1, 2, 3].map((n) => `IBR/${year}/00${n}`));
      const secret = results.find((r) => !r.resolution.isPublic).resolution;
      expect((await request("GET", `/api/v1/resolutions/${secret.id}`)).status).toBe(404);
      const listed = await json(await request("GET", `/api/v1/resolutions?committeeId=${committee.id}`));
      expect(listed.items).toHaveLength(2);
    });
  });
}

/** The integration plan: import, search and trace, end to end on each runtime. */
export function planSmokeSuite(runtime: string, target: () => SmokeTarget) {
  describe(`smoke: integration plan on ${runtime}`, () => {
    it("imports a catalogue all or nothing, finds a measure by a word of its description, and traces it", async () => {
      const { request, adminToken } = target();
      const post = creator(target());
      const body = await post("/api/v1/bodies", { name: `Stadt ${crypto.randomUUID().slice(0, 8)}` });
      const plan = await post("/api/v1/plans", { bodyId: body.id, title: "Integrationsplan" });
      const word = `Kletterwand${crypto.randomUUID().slice(0, 6)}`;
      const rows = [
        { code: "1.1", actionField: 1, actionFieldTitle: "Sprache", title: "Sprachcafé", description: "Treffen zum Üben" },
        { code: "4.3", actionField: 4, actionFieldTitle: "Sport", title: "Sport für alle", description: `Eine ${word} im Jugendhaus` },
      ];
      const bad = await request("POST", `/api/v1/plans/${plan.id}/measures/import`, {
        token: adminToken,
        body: [...rows, { code: "x", actionField: 1, title: "" }],
      });
      expect(bad.status).toBe(422);
      expect((await json(await request("GET", `/api/v1/plans/${plan.id}/measures`))).items).toEqual([]);
      const imported = await request("POST", `/api/v1/plans/${plan.id}/measures/import`, { token: adminToken, body: rows });
      expect(await json(imported)).toEqual({ created: 2, updated: 0, unchanged: 0 });

      const hits = await json(await request("GET", `/api/v1/search?q=${word}`));
      expect(hits.items.map((h: { kind: string; title: string }) => `${h.kind} ${h.title}`)).toEqual(["measure 4.3 Sport für alle"]);
      // A stray quote is no error: the words are searched.
      const stray = await json(await request("GET", `/api/v1/search?q=${encodeURIComponent(`"${word}`)}`));
      expect(stray.items.map((h: { title: string }) => h.title)).toEqual(["4.3 Sport für alle"]);

      const measure = (await json(await request("GET", `/api/v1/plans/${plan.id}/measures?actionField=4`))).items[0];
      const trace = await json(await request("GET", `/api/v1/measures/${measure.id}/trace`));
      expect(trace).toMatchObject({ measure: { code: "4.3" }, trace: [] });
    });

    it("imports figures all or nothing, keeps an internal one from the public, and renders the report with its charts as PDF", async () => {
      const { request, adminToken } = target();
      const post = creator(target());
      const body = await post("/api/v1/bodies", { name: `Stadt ${crypto.randomUUID().slice(0, 8)}` });
      const plan = await post("/api/v1/plans", { bodyId: body.id, title: "Integrationsplan" });
      const withField = await post(`/api/v1/plans/${plan.id}/action-fields`, { number: 1, title: "Sprache" });
      const figure = (key: string, published: boolean) =>
        post(`/api/v1/bodies/${body.id}/figures`, {
          kind: "indicator",
          key,
          name: key === "kurse" ? "Teilnehmende an Sprachkursen" : "Ungeprüfte Zahl",
          unit: "Personen",
          direction: "up",
          actionFieldId: withField.actionFields[0].id,
          baselineValue: 412,
          baselinePeriod: "2019",
          targetValue: 700,
          targetPeriod: "2028",
          published,
        });
      await figure("kurse", true);
      await figure("intern", false);
      const csv = (lines: string[]) =>
        request("POST", `/api/v1/bodies/${body.id}/figures/import`, {
          token: adminToken,
          body: ["period,figure,value", ...lines].join("\n"),
          headers: { "content-type": "text/csv" },
        });
      const refused = await csv(["2025,kurse,631", "2025,nix,1", "20x5,intern,2"]);
      expect(refused.status).toBe(422);
      expect((await json(refused)).errors.map((e: { field: string }) => e.field)).toEqual(["Zeile 3: figure", "Zeile 4: period"]);
      expect(await json(await csv(["2019,kurse,412", "2025,kurse,631", "2025,intern,99"]))).toEqual({
        created: 3,
        corrected: 0,
        unchanged: 0,
      });
      const figures = await json(await request("GET", `/api/v1/bodies/${body.id}/figures`));
      expect(figures.items.map((f: { key: string }) => f.key)).toEqual(["kurse"]);

      const saved = await request("PUT", `/api/v1/bodies/${body.id}/integration-reports/2025`, {
        token: adminToken,
        body: {
          title: "Integrationsbericht 2025",
          published: true,
          sections: [{ kind: "action_field", actionFieldId: withField.actionFields[0].id, markdown: "Mehr Kurse." }],
        },
      });
      expect(saved.status).toBe(200);
      const pdf = await request("GET", `/api/v1/bodies/${body.id}/integration-report.pdf?year=2025`);
      expect(pdf.status).toBe(200);
      const text = pdfToText(new Uint8Array(await pdf.arrayBuffer()));
      expect(text).toContain("2019: 412, 2025: 631, Ziel 2028: 700 (Personen)");
      expect(text).not.toContain("Ungeprüfte Zahl");
    });
  });
}

/**
 * The live meeting on the pages, on each runtime: the secretariat signs in, records attendance and a vote (with the
 * result shown first), the notes save as typed, the room's display shows the result, and the sitting is closed.
 */
export function liveSmokeSuite(runtime: string, target: () => SmokeTarget) {
  describe(`smoke: the live meeting on ${runtime}`, () => {
    it("runs an item from the live screen and shows it on the room's display", async () => {
      const { request } = target();
      const post = creator(target());
      const { body, meeting, items } = await runningMeeting(target(), [["Sprachcafé", true]]);
      const itemId = items[0]!;

      // The secretariat signs in on the pages.
      const email = `gs${crypto.randomUUID().slice(0, 8)}@example.org`;
      const account = await post("/api/v1/accounts", { email, role: "secretariat", bodyId: body.id });
      let cookie = "";
      const form = (fields: Record<string, string>) => ({
        body: new URLSearchParams(fields).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", ...(cookie ? { cookie } : {}) },
      });
      const password = "Brücke über die Rems 2026";
      await request("POST", new URL(account.setPasswordUrl).pathname, form({ password, repeat: password }));
      cookie = (await request("POST", "/anmelden", form({ email, password }))).headers.get("set-cookie")!.split(";")[0]!;
      const page = async (path: string) => {
        const response = await request("GET", path, { headers: { cookie } });
        expect(response.status, path).toBe(200);
        return response.text();
      };
      const field = (html: string, name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? "";

      const live = `/verwaltung/sitzungen/${meeting.id}/live`;
      const sheet = await page(live);
      const statuses = Object.fromEntries([...sheet.matchAll(/<select[^>]*id="(s-[^"]+)"/g)].map(([, id]) => [id!, "present"]));
      expect((await request("POST", live, form({ version: field(sheet, "version"), ...statuses }))).status).toBe(303);
      const item = await page(`${live}/${itemId}`);
      const vote = { version: field(item, "version"), noteVersion: "0", kind: "open", yes: "2", no: "1", abstain: "0" };
      const preview = await request("POST", `${live}/${itemId}`, form({ ...vote, vorschau: "ja" }));
      expect(await preview.text()).toContain("2 Ja, 1 Nein, 0 Enthaltungen: angenommen");
      expect((await request("POST", `${live}/${itemId}`, form(vote))).status).toBe(303);
      const notes = await request("POST", `${live}/${itemId}/notizen`, form({ notes: "Aussprache", noteVersion: "0" }));
      expect(await json(notes)).toMatchObject({ version: 1 });
      const display = await request("GET", `/sitzungen/${meeting.id}/anzeige?k=${body.id}`);
      expect(display.headers.get("content-security-policy")).toContain("script-src 'self'");
      const shown = await display.text();
      expect(shown).toContain("Sprachcafé");
      expect(shown).toContain("angenommen");
      expect((await request("GET", "/static/live.js")).status).toBe(200);
      const closed = await request(
        "POST",
        `${live}/schliessen`,
        form({ version: String((await json(await request("GET", `/api/v1/meetings/${meeting.id}`))).version) }),
      );
      expect(closed.status).toBe(303);
      expect(await page(`/verwaltung/sitzungen/${meeting.id}/niederschrift?k=${body.id}`)).toContain("Aussprache");
    });
  });
}
