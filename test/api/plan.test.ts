import { describe, expect, it } from "vitest";
import { catalogueCsv, catalogueRows } from "../helpers/catalogue";
import { scenario } from "../helpers/scenario";
import { json } from "../helpers/test-app";

/** Three members of the committee, all present at every meeting; a plan of the body. */
async function planSetup() {
  const t = await scenario({
    seats: {
      brenner: { givenName: "Şükrü", familyName: "Brenner" },
      yildirim: { givenName: "Şükrü", familyName: "Yıldırım" },
      kovalchuk: { givenName: "Şükrü", familyName: "Ковальчук" },
    },
  });
  const { body, committee } = t;
  const members = Object.values(t.people) as { id: string }[];
  const secretariat = t.tokens.secretariat;
  const member = t.tokens.brenner;
  const as = (token: string | undefined) => (method: string, path: string, bodyJson?: unknown, headers?: Record<string, string>) =>
    t.request(method, path, { token, body: bodyJson, headers });
  const staff = as(secretariat);
  const plan = await json(
    await staff("POST", "/api/v1/plans", { bodyId: body.id, title: "Integrationsplan 2019", adoptedOn: "2019-04-11" }),
  );
  const importCsv = (csv: string) => staff("POST", `/api/v1/plans/${plan.id}/measures/import`, csv, { "content-type": "text/csv" });

  /** A meeting with the given items, all members present; answers the item ids. */
  async function meeting(startsAt: string, items: { title: string; isPublic: boolean }[]) {
    const m = await json(await staff("POST", "/api/v1/meetings", { committeeId: committee.id, startsAt, standardFrame: false }));
    const ids: string[] = [];
    for (const item of items)
      ids.push((await json(await staff("POST", `/api/v1/meetings/${m.id}/agenda-items`, { kind: "resolution", ...item }))).itemId);
    await staff("POST", `/api/v1/meetings/${m.id}/invitation`, {});
    t.clock.now = new Date(startsAt); // outcomes are recorded from the meeting's start on
    for (const person of members) await staff("PUT", `/api/v1/meetings/${m.id}/attendance/${person.id}`, { status: "present" });
    return { id: m.id, items: ids };
  }
  const resolve = async (itemId: string, text: string) =>
    (
      await json(
        await staff("POST", `/api/v1/agenda-items/${itemId}/votes`, {
          motion: text,
          counts: { yes: 3, no: 0, abstain: 0 },
          resolution: { text },
        }),
      )
    ).resolution;
  return { ...t, body, committee, members, secretariat, member, staff, tokenAs: as, plan, importCsv, meeting, resolve };
}

describe("measure catalogue import", () => {
  it("imports 40 measures in 5 action fields; re-importing changes nothing; an updated file updates by code", async () => {
    const t = await planSetup();
    const first = await t.importCsv(catalogueCsv());
    expect(first.status).toBe(200);
    expect(await json(first)).toEqual({ created: 40, updated: 0, unchanged: 0 });
    const plan = await json(await t.request("GET", `/api/v1/plans/${t.plan.id}`));
    expect(plan.actionFields.map((f: { number: number }) => f.number)).toEqual([1, 2, 3, 4, 5]);
    expect(await json(await t.importCsv(catalogueCsv()))).toEqual({ created: 0, updated: 0, unchanged: 40 });

    const rows = catalogueRows();
    rows[17]!.status = "in_progress";
    rows[17]!.progress = 30;
    expect(await json(await t.importCsv(catalogueCsv(rows)))).toEqual({ created: 0, updated: 1, unchanged: 39 });
    const measures = (await json(await t.request("GET", `/api/v1/plans/${t.plan.id}/measures`))).items;
    expect(measures).toHaveLength(40);
    expect(measures.slice(0, 3).map((m: { code: string }) => m.code)).toEqual(["1.1", "1.2", "1.3"]);
    const changed = measures.find((m: { code: string }) => m.code === rows[17]!.code);
    expect(changed).toMatchObject({ status: "in_progress", progress: 30 });
    const history = (await json(await t.request("GET", `/api/v1/measures/${changed.id}/history`))).items;
    expect(history.at(-1)).toMatchObject({ fromStatus: "planned", toStatus: "in_progress", toProgress: 30, source: "import" });
  });

  it("reports every bad row by line and field and imports nothing", async () => {
    const t = await planSetup();
    const rows = catalogueRows(10);
    (rows[2] as { status: string }).status = "fertig";
    rows[6]!.progress = 140;
    rows[8]!.code = rows[1]!.code;
    const response = await t.importCsv(catalogueCsv(rows));
    expect(response.status).toBe(422);
    const problem = await json(response);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: "Zeile 4: status", reason: expect.stringMatching(/planned/) },
        { field: "Zeile 8: progress", reason: "muss zwischen 0 und 100 liegen" },
        { field: "Zeile 10: code", reason: `${rows[1]!.code} steht schon in Zeile 3` },
      ]),
    );
    expect(await t.db.prisma.measure.count()).toBe(0);
    expect(await t.db.prisma.actionField.count()).toBe(0);
  });

  it("imports JSON too, and exports CSV that imports back unchanged", async () => {
    const t = await planSetup();
    const json1 = await t.staff("POST", `/api/v1/plans/${t.plan.id}/measures/import`, catalogueRows(5));
    expect(await json(json1)).toEqual({ created: 5, updated: 0, unchanged: 0 });
    const csv = await (await t.request("GET", `/api/v1/plans/${t.plan.id}/measures.csv`)).text();
    expect(csv.split("\r\n")[0]).toBe(
      "code,actionField,actionFieldTitle,title,description,responsible,partners,status,progress,startDate,targetDate,indicators,evidence",
    );
    expect(await json(await t.importCsv(csv))).toEqual({ created: 0, updated: 0, unchanged: 5 });
    // For German Excel: UTF-8 with a byte order mark and semicolons; it imports back the same.
    const excel = await t.request("GET", `/api/v1/plans/${t.plan.id}/measures.csv?format=excel`);
    const bytes = new Uint8Array(await excel.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const excelText = await excel.text();
    expect(excelText.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "code;actionField;actionFieldTitle;title;description;responsible;partners;status;progress;startDate;targetDate;indicators;evidence",
    );
    expect(await json(await t.importCsv(excelText))).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(
      (await t.staff("POST", `/api/v1/plans/${t.plan.id}/measures/import`, "code;title", { "content-type": "text/plain" })).status,
    ).toBe(415);
  });
});

describe("trace from resolutions to measures and back", () => {
  it(
    "shows three resolutions of two meetings in order, with status change and progress; the public sees no trace of the " +
      "non-public one",
    async () => {
      const t = await planSetup();
      await t.importCsv(catalogueCsv());
      const measure = (await json(await t.request("GET", `/api/v1/plans/${t.plan.id}/measures?actionField=4`))).items.find(
        (m: { code: string }) => m.code === "4.3",
      );

      const spring = await t.meeting("2026-12-03T18:00:00+01:00", [
        { title: "Schwimmkurse starten", isPublic: true },
        { title: "Vergabe Schwimmhalle", isPublic: false },
      ]);
      const start = await t.resolve(spring.items[0]!, "Die Schwimmkurse beginnen im Frühjahr.");
      const secret = await t.resolve(spring.items[1]!, "Die Hallenzeiten gehen an den Verein Delfin.");
      const autumn = await t.meeting("2027-01-14T18:00:00+01:00", [{ title: "Sachstand Schwimmkurse", isPublic: true }]);
      const report = await t.resolve(autumn.items[0]!, "Der Ausschuss nimmt den Sachstand zur Kenntnis.");

      const link = (resolutionId: string, body: Record<string, unknown>) =>
        t.staff("POST", `/api/v1/resolutions/${resolutionId}/measures`, { measureId: measure.id, ...body });
      expect((await link(start.id, { relation: "initiates" })).status).toBe(201);
      expect((await link(secret.id, { relation: "changes", note: "Hallenzeiten vergeben" })).status).toBe(201);
      expect((await link(report.id, { relation: "reports_progress", progress: 60 })).status).toBe(201);
      expect((await link(report.id, { relation: "reports_progress", progress: 70 })).status).toBe(409);

      const after = await json(await t.request("GET", `/api/v1/measures/${measure.id}`));
      expect(after).toMatchObject({ status: "in_progress", progress: 60 });

      const full = await json(await t.request("GET", `/api/v1/measures/${measure.id}/trace`, { token: t.member }));
      expect(full.trace.map((e: { resolution: { number: string }; relation: string }) => `${e.resolution.number} ${e.relation}`)).toEqual([
        "IA/2026/001 initiates",
        "IA/2026/002 changes",
        "IA/2027/001 reports_progress",
      ]);
      expect(full.trace[0]).toMatchObject({
        itemNumber: "Ö 1",
        meeting: { date: "2026-12-03" },
        vote: { outcome: "adopted", yes: 3 },
        statusChange: { fromStatus: "planned", toStatus: "in_progress" },
      });
      expect(full.trace[2].statusChange).toMatchObject({ fromProgress: 0, toProgress: 60 });

      const anonymous = await json(await t.request("GET", `/api/v1/measures/${measure.id}/trace`));
      expect(anonymous.trace).toHaveLength(2);
      expect(JSON.stringify(anonymous)).not.toMatch(/Delfin|Hallenzeiten|IA\/2026\/002/);

      const back = await json(await t.request("GET", `/api/v1/resolutions/${start.id}/measures`));
      expect(back.measures).toEqual([expect.objectContaining({ code: "4.3", relation: "initiates", newStatus: "in_progress" })]);
      expect((await t.request("GET", `/api/v1/resolutions/${secret.id}/measures`)).status).toBe(404);
    },
  );

  it("gives the counts by status per action field and the measures without activity", async () => {
    const t = await planSetup();
    await t.importCsv(catalogueCsv(catalogueRows(10)));
    t.clock.now = new Date("2027-08-01T10:00:00Z");
    const measures = (await json(await t.request("GET", `/api/v1/plans/${t.plan.id}/measures`))).items;
    const touched = measures.find((m: { code: string }) => m.code === "2.1");
    const patched = await t.staff(
      "PATCH",
      `/api/v1/measures/${touched.id}`,
      { status: "in_progress", progress: 10, reason: "Start mit zwei Trägern" },
      { "if-match": `"${touched.version}"` },
    );
    expect(patched.status, await patched.clone().text()).toBe(200);
    const overview = await json(await t.request("GET", `/api/v1/plans/${t.plan.id}/overview?staleMonths=6`));
    expect(overview.actionFields.find((f: { number: number }) => f.number === 2).counts).toMatchObject({ planned: 1, in_progress: 1 });
    expect(overview.actionFields.map((f: { total: number }) => f.total)).toEqual([2, 2, 2, 2, 2]);
    expect(overview.staleSince).toBe("2027-02-01");
    expect(overview.stale.map((m: { code: string }) => m.code)).toEqual(["1.1", "1.2", "2.2", "3.1", "3.2", "4.1", "4.2", "5.1", "5.2"]);
  });
});

describe("search", () => {
  it("finds a measure by a word in its description, ranked, and hides what the caller may not see", async () => {
    const t = await planSetup();
    await t.importCsv(catalogueCsv());
    const hits = await json(await t.request("GET", `/api/v1/search?q=${encodeURIComponent("Schwimmkurse")}`));
    expect(hits.items[0]).toMatchObject({ kind: "measure", title: expect.stringMatching(/^4\.3 /) });
    expect(hits.items[0].snippet).toContain("«Schwimmkurse»");
    expect((await json(await t.request("GET", "/api/v1/search?q=schwimm*"))).items.length).toBeGreaterThan(0);
    expect((await json(await t.request("GET", "/api/v1/search?q=ubungsleiterinnen"))).items).toHaveLength(1); // diacritics folded

    const meeting = await t.meeting("2026-12-03T18:00:00+01:00", [{ title: "Vertraulich", isPublic: false }]);
    await t.resolve(meeting.items[0]!, "Der Zuschlag geht an die Firma Wasserläufer.");
    expect((await json(await t.request("GET", "/api/v1/search?q=Wasserläufer"))).items).toEqual([]);
    expect((await json(await t.request("GET", "/api/v1/search?q=Wasserläufer", { token: t.member }))).items).toHaveLength(1);
  });

  it("reads further windows when hidden hits fill the first, and ranks titles above text", async () => {
    const t = await planSetup();
    // 15 non-public resolutions rank above the one public hit (shorter texts); with limit 1 the first window holds 12.
    const hidden = await t.meeting(
      "2026-12-03T18:00:00+01:00",
      Array.from({ length: 15 }, (_, i) => ({ title: `Vertraulich ${i + 1}`, isPublic: false })),
    );
    for (const itemId of hidden.items) await t.resolve(itemId, "Zuschuss Ruderverein.");
    const open = await t.meeting("2026-12-10T18:00:00+01:00", [{ title: "Sport", isPublic: true }]);
    const visible = await t.resolve(
      open.items[0]!,
      "Der Ausschuss bewilligt dem Ruderverein einen Zuschuss für Schwimmkurse mit Kindern aus den Unterkünften.",
    );

    const anonymous = await json(await t.request("GET", "/api/v1/search?q=Ruderverein&limit=1"));
    expect(anonymous.items.map((hit: { id: string }) => hit.id)).toEqual([visible.id]);
    const member = await json(await t.request("GET", "/api/v1/search?q=Ruderverein&limit=20", { token: t.member }));
    expect(member.items).toHaveLength(16);
    expect(member.items.at(-1).id).toBe(visible.id);
  });

  it("searches whatever is typed: stray quotes, brackets, operators and punctuation are no error", async () => {
    const t = await planSetup();
    for (const q of ['"unbalanced', "AND OR", "(x", "foo:bar", "25.000 €", "E-Mail", "IA/2026/003", "§ 35", "x NOT", "((a)"]) {
      expect((await t.request("GET", `/api/v1/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
  });

  it("finds what clerks type: register numbers, hyphenated words, amounts, word forms and agenda items", async () => {
    const t = await planSetup();
    const paper = await t.as("secretariat").post("/api/v1/papers", {
      bodyId: t.body.id,
      title: "Sprach-Kitas und die Beratung Geflüchteter",
      type: "proposal",
      financialEffects: "Zuschuss von 25.000 € im Jahr; Anfragen per E-Mail an die Stabsstelle.",
    });
    const meeting = await t.meeting("2026-12-03T18:00:00+01:00", [{ title: "Dolmetscherpool für Elterngespräche", isPublic: true }]);
    const resolution = await t.resolve(meeting.items[0]!, "Der Ausschuss richtet einen Dolmetscherpool ein.");
    const secret = await t.meeting("2026-12-10T18:00:00+01:00", [{ title: "Personalsache Wasserläufer", isPublic: false }]);
    const found = async (q: string, role: "public" | "brenner" = "public") =>
      (await t.as(role).get(`/api/v1/search?q=${encodeURIComponent(q)}`)).items.map(
        (hit: { kind: string; id: string }) => `${hit.kind}:${hit.id}`,
      );
    for (const q of [paper.number, "Sprach-Kita", "E-Mail", "25.000 €", "Kita", "Geflüchtete", "geflüchtete"]) {
      expect(await found(q), q).toContain(`paper:${paper.id}`);
    }
    expect(await found(resolution.number)).toContain(`resolution:${resolution.id}`);
    expect(await found("Dolmetscherpool")).toContain(`item:${meeting.items[0]}`);
    // A non-public item's title is for the committee only.
    expect(await found("Wasserläufer")).toEqual([]);
    expect(await found("Wasserläufer", "brenner")).toEqual([`item:${secret.items[0]}`]);
  });
});

describe("recommendations, forum ideas, plan updates and the progress report", () => {
  it("follows a recommendation of the advisory council up with the committee's resolution", async () => {
    const t = await planSetup();
    const council = await t.f.committee(t.body.id, {
      name: "Integrationsbeirat",
      shortName: "IBR",
      kind: "advisory_council",
    });
    for (const person of t.members) await t.f.membership(council.id, person.id);
    const councilMeeting = await json(
      await t.staff("POST", "/api/v1/meetings", { committeeId: council.id, startsAt: "2026-12-01T18:00:00+01:00", standardFrame: false }),
    );
    const item = (
      await json(
        await t.staff("POST", `/api/v1/meetings/${councilMeeting.id}/agenda-items`, {
          kind: "resolution",
          title: "Empfehlung Schwimmkurse",
        }),
      )
    ).itemId;
    await t.staff("POST", `/api/v1/meetings/${councilMeeting.id}/invitation`, {});
    t.clock.now = new Date("2026-12-01T17:00:00Z");
    for (const person of t.members)
      await t.staff("PUT", `/api/v1/meetings/${councilMeeting.id}/attendance/${person.id}`, { status: "present" });
    const recommendation = (
      await json(
        await t.staff("POST", `/api/v1/agenda-items/${item}/votes`, {
          motion: "M",
          counts: { yes: 3, no: 0, abstain: 0 },
          resolution: { text: "Der Beirat empfiehlt Schwimmkurse.", kind: "recommendation", recipientBody: "Integrationsausschuss" },
        }),
      )
    ).resolution;
    expect((await json(await t.request("GET", `/api/v1/resolutions/${recommendation.id}/follow-up`))).handling).toBe("pending");

    const committeeMeeting = await t.meeting("2026-12-10T18:00:00+01:00", [{ title: "Schwimmkurse", isPublic: true }]);
    const decision = await t.resolve(committeeMeeting.items[0]!, "Der Ausschuss beschließt die Schwimmkurse mit Änderungen.");
    const recorded = await t.staff("PUT", `/api/v1/resolutions/${recommendation.id}/follow-up`, {
      handling: "changed",
      receivingResolutionId: decision.id,
      note: "Nur für Mädchen",
    });
    expect(await json(recorded)).toMatchObject({
      number: "IBR/2026/001",
      handling: "changed",
      version: 1,
      receivingResolution: { number: "IA/2026/001" },
    });
    expect((await t.staff("PUT", `/api/v1/resolutions/${recommendation.id}/follow-up`, { handling: "adopted" })).status).toBe(428);
    // Not a recommendation:
    expect((await t.staff("PUT", `/api/v1/resolutions/${decision.id}/follow-up`, { handling: "adopted" })).status).toBe(409);
  });

  it("captures forum ideas and turns one into a measure", async () => {
    const t = await planSetup();
    await t.importCsv(catalogueCsv(catalogueRows(10)));
    const idea = await json(
      await t.staff("POST", `/api/v1/bodies/${t.body.id}/forum-ideas`, {
        forum: "Integrationsforum 2026",
        forumDate: "2026-06-20",
        proposedBy: "Arbeitsgruppe Sport",
        text: "Vereinsschnuppertage für Neuzugewanderte",
      }),
    );
    expect(idea).toMatchObject({ status: "new", measureId: null });
    const measure = (await json(await t.request("GET", `/api/v1/plans/${t.plan.id}/measures?actionField=4`))).items[0];
    const adopted = await t.staff(
      "PATCH",
      `/api/v1/forum-ideas/${idea.id}`,
      { status: "adopted", measureId: measure.id },
      { "if-match": '"1"' },
    );
    expect(await json(adopted)).toMatchObject({ status: "adopted", measureId: measure.id, version: 2 });
    expect((await json(await t.request("GET", `/api/v1/bodies/${t.body.id}/forum-ideas`))).items).toHaveLength(1);
  });

  it("records plan updates and reports progress for a period", async () => {
    const t = await planSetup();
    await t.importCsv(catalogueCsv(catalogueRows(10)));
    const meeting = await t.meeting("2026-12-03T18:00:00+01:00", [{ title: "Fortschreibung", isPublic: true }]);
    const resolution = await t.resolve(meeting.items[0]!, "Der Integrationsplan wird fortgeschrieben.");
    const updated = await json(
      await t.staff("POST", `/api/v1/plans/${t.plan.id}/updates`, {
        date: "2026-12-03",
        resolutionId: resolution.id,
        note: "Fortschreibung 2026",
      }),
    );
    expect(updated.updates).toEqual([{ date: "2026-12-03", resolutionId: resolution.id, note: "Fortschreibung 2026" }]);
    const measure = (await json(await t.request("GET", `/api/v1/plans/${t.plan.id}/measures?actionField=1`))).items[0];
    await t.staff("POST", `/api/v1/resolutions/${resolution.id}/measures`, { measureId: measure.id, relation: "completes" });

    const report = await json(
      await t.request("GET", `/api/v1/plans/${t.plan.id}/progress-report?from=2026-11-01&to=2026-12-31&actionField=1`),
    );
    expect(report.byStatus).toMatchObject({ implemented: 1, planned: 1 });
    const completed = report.measures.find((m: { code: string }) => m.code === measure.code);
    expect(completed.resolutions).toEqual([expect.objectContaining({ number: "IA/2026/001", relation: "completes" })]);
    expect(completed.changes.at(-1)).toMatchObject({ toStatus: "implemented", toProgress: 100 });
  });
});
