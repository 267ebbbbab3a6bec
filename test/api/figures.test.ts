import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lineChart } from "../../src/documents/charts";
import { scenario } from "../helpers/scenario";
import { json } from "../helpers/test-app";

/** A body with a plan of two action fields, a published indicator and an internal key figure, each with values. */
async function figuresSetup() {
  const t = await scenario({
    seats: {
      brenner: { givenName: "Αθηνά", familyName: "Brenner" },
      yildirim: { givenName: "Şükrü", familyName: "Yıldırım" },
      kovalchuk: { givenName: "Олена", familyName: "Ковальчук" },
    },
  });
  const staff = t.as("secretariat");
  const plan = await staff.post("/api/v1/plans", { bodyId: t.body.id, title: "Integrationsplan 2019" });
  await staff.post(`/api/v1/plans/${plan.id}/action-fields`, { number: 1, title: "Sprache und Bildung" });
  const withFields = await staff.post(`/api/v1/plans/${plan.id}/action-fields`, { number: 2, title: "Arbeit" });
  const [field1, field2] = withFields.actionFields as { id: string }[];
  const measure = await staff.post(`/api/v1/plans/${plan.id}/measures`, {
    code: "1.1",
    actionField: 1,
    title: "Sprachkurse für Eltern",
    status: "in_progress",
    progress: 40,
  });
  const indicator = await staff.post(`/api/v1/bodies/${t.body.id}/figures`, {
    kind: "indicator",
    key: "sprachkurse-eltern",
    name: "Teilnehmende an Sprachkursen für Eltern",
    unit: "Personen",
    direction: "up",
    measureId: measure.id,
    baselineValue: 412,
    baselinePeriod: "2019",
    targetValue: 700,
    targetPeriod: "2028",
    source: "Volkshochschule",
    published: true,
  });
  const internal = await staff.post(`/api/v1/bodies/${t.body.id}/figures`, {
    kind: "key_figure",
    key: "einbuergerungen",
    name: "Einbürgerungen (ungeprüft)",
    unit: "Personen",
    category: "Einbürgerung",
    source: "Standesamt",
  });
  const population = await staff.post(`/api/v1/bodies/${t.body.id}/figures`, {
    kind: "key_figure",
    key: "auslaendische-einwohner",
    name: "Einwohnerinnen und Einwohner mit ausländischer Staatsangehörigkeit",
    unit: "Personen",
    category: "Bevölkerung",
    published: true,
  });
  const values = [
    ["2019", "sprachkurse-eltern", "412"],
    ["2024", "sprachkurse-eltern", "601"],
    ["2025", "sprachkurse-eltern", "631"],
    ["2024", "einbuergerungen", "251"],
    ["2025", "einbuergerungen", "268"],
    ["2024", "auslaendische-einwohner", "10.390"],
    ["2025", "auslaendische-einwohner", "10520"],
  ];
  const csv = ["period,figure,value,source", ...values.map((v) => `${v.join(",")},Statistik`)].join("\n");
  const imported = await staff.raw("POST", `/api/v1/bodies/${t.body.id}/figures/import`, csv, { "content-type": "text/csv" });
  expect(imported.status).toBe(200);
  expect(await json(imported)).toEqual({ created: 7, corrected: 0, unchanged: 0 });
  return { ...t, staff, plan, field1: field1!, field2: field2!, measure, indicator, internal, population };
}

/** Checks a PDF with qpdf and reads its text with pdftotext. */
function pdfText(bytes: ArrayBuffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-report-")), "report.pdf");
  writeFileSync(file, Buffer.from(bytes));
  execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
  return execFileSync("pdftotext", [file, "-"]).toString();
}

const reportInput = (t: Awaited<ReturnType<typeof figuresSetup>>, published = true) => ({
  title: "Integrationsbericht 2025",
  published,
  sections: [
    { kind: "introduction", markdown: "Der Bericht zeigt die **Entwicklung** im Jahr 2025." },
    { kind: "action_field", actionFieldId: t.field1.id, markdown: "Die Sprachkurse wachsen." },
    { kind: "outlook", markdown: "- Fortschreibung des Plans" },
  ],
});

describe("figures over time", () => {
  it("records values per period, corrects one at its version and keeps what it was; a stale correction is refused", async () => {
    const t = await figuresSetup();
    const path = `/api/v1/figures/${t.indicator.id}/values/2025`;
    // A value that exists is corrected only with its version.
    const missing = await t.staff.raw("PUT", path, { value: 640 });
    expect(missing.status).toBe(428);
    const figure = await t.staff.get(`/api/v1/figures/${t.indicator.id}`);
    const value = figure.values.find((v: { period: string }) => v.period === "2025");
    expect(value).toMatchObject({ value: 631, version: 1 });
    const corrected = await t.staff.put(path, { value: 640, reason: "Nachmeldung der VHS" }, { headers: { "If-Match": '"1"' } });
    expect(corrected).toMatchObject({ value: 640, version: 2 });
    expect(corrected.revisions).toEqual([
      expect.objectContaining({ value: 631, source: "Statistik", reason: "Nachmeldung der VHS", actorName: expect.any(String) }),
    ]);
    const stale = await t.staff.raw("PUT", path, { value: 650 }, { "If-Match": '"1"' });
    expect(stale.status).toBe(412);
    // The public reads the corrected value, not who corrected what.
    const publicView = await t.as("public").get(`/api/v1/figures/${t.indicator.id}`);
    expect(publicView.values.find((v: { period: string }) => v.period === "2025")).toEqual(expect.objectContaining({ value: 640 }));
    expect(publicView.values.every((v: object) => !("revisions" in v))).toBe(true);
    // A new period needs no version; periods are ordered by time, half-years and quarters included.
    await t.staff.put(`/api/v1/figures/${t.indicator.id}/values/2026-H1`, { value: 330 });
    await t.staff.put(`/api/v1/figures/${t.indicator.id}/values/2025-Q4`, { value: 170 });
    const periods = (await t.staff.get(`/api/v1/figures/${t.indicator.id}`)).values.map((v: { period: string }) => v.period);
    expect(periods).toEqual(["2019", "2024", "2025", "2025-Q4", "2026-H1"]);
  });

  it("refuses two corrections at the same version: one wins, the other gets 412, and the history holds one entry", async () => {
    const t = await figuresSetup();
    const path = `/api/v1/figures/${t.indicator.id}/values/2024`;
    const answers = await Promise.all([605, 606, 607, 608].map((value) => t.staff.raw("PUT", path, { value }, { "If-Match": '"1"' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412, 412, 412]);
    const figure = await t.staff.get(`/api/v1/figures/${t.indicator.id}`);
    const value = figure.values.find((v: { period: string }) => v.period === "2024");
    expect(value.version).toBe(2);
    expect(value.revisions).toHaveLength(1);
  });

  it("names the field and the reason of bad input", async () => {
    const t = await figuresSetup();
    const bad = await t.staff.raw("PUT", `/api/v1/figures/${t.indicator.id}/values/2025-Q5`, { value: 1 });
    expect(bad.status).toBe(422);
    expect((await json(bad)).errors).toEqual([expect.objectContaining({ field: "period" })]);
    const notNumber = await t.staff.raw("PUT", `/api/v1/figures/${t.indicator.id}/values/2026`, { value: "viel" });
    expect(notNumber.status).toBe(400);
    expect(JSON.stringify(await json(notNumber))).toContain("value");
    const duplicate = await t.staff.raw("POST", `/api/v1/bodies/${t.body.id}/figures`, {
      kind: "key_figure",
      key: "einbuergerungen",
      name: "Noch einmal",
      unit: "Personen",
    });
    expect(duplicate.status).toBe(409);
    expect((await json(duplicate)).errors).toEqual([expect.objectContaining({ field: "key" })]);
    const halfTarget = await t.staff.raw("POST", `/api/v1/bodies/${t.body.id}/figures`, {
      kind: "indicator",
      key: "ohne-zeitraum",
      name: "Ziel ohne Zeitraum",
      unit: "Personen",
      targetValue: 10,
    });
    expect(halfTarget.status).toBe(400);
    expect(JSON.stringify(await json(halfTarget))).toContain("targetPeriod");
    const keyFigureInPlan = await t.staff.raw("POST", `/api/v1/bodies/${t.body.id}/figures`, {
      kind: "key_figure",
      key: "im-plan",
      name: "Kennzahl im Plan",
      unit: "Personen",
      planId: t.plan.id,
    });
    expect(keyFigureInPlan.status).toBe(422);
  });

  it("lets only the body's staff write; members and the public read published figures only", async () => {
    const t = await figuresSetup();
    for (const role of ["public", "brenner"] as const) {
      const write = await t.as(role).raw("PUT", `/api/v1/figures/${t.indicator.id}/values/2026`, { value: 1 });
      expect([401, 403]).toContain(write.status);
      const list = await t.as(role).get(`/api/v1/bodies/${t.body.id}/figures`);
      expect(list.items.map((f: { key: string }) => f.key).sort()).toEqual(["auslaendische-einwohner", "sprachkurse-eltern"]);
      expect((await t.as(role).raw("GET", `/api/v1/figures/${t.internal.id}`)).status).toBe(404);
      const csv = await (await t.as(role).raw("GET", `/api/v1/bodies/${t.body.id}/figures.csv`)).text();
      expect(csv).not.toContain("einbuergerungen");
      expect(csv).toContain("auslaendische-einwohner");
    }
    const staffList = await t.staff.get(`/api/v1/bodies/${t.body.id}/figures?kind=key_figure`);
    expect(staffList.items.map((f: { key: string }) => f.key)).toContain("einbuergerungen");
    // Published once checked: then everyone reads it.
    await t.staff.patch(`/api/v1/figures/${t.internal.id}`, { published: true }, { headers: { "If-Match": '"1"' } });
    expect((await t.as("public").get(`/api/v1/figures/${t.internal.id}`)).values).toHaveLength(2);
  });
});

describe("the CSV import of figures", () => {
  it("refuses a file with two bad lines whole, naming both, and writes nothing", async () => {
    const t = await figuresSetup();
    const csv = [
      "period;figure;value;source;note",
      "2026;sprachkurse-eltern;700;VHS;",
      "2026;gibt-es-nicht;5;VHS;",
      "2026;auslaendische-einwohner;10.600;Statistik;",
      "26;auslaendische-einwohner;zehn;Statistik;",
    ].join("\r\n");
    const answer = await t.staff.raw("POST", `/api/v1/bodies/${t.body.id}/figures/import`, `\uFEFF${csv}`, { "content-type": "text/csv" });
    expect(answer.status).toBe(422);
    const problem = await json(answer);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(problem.detail).toMatch(/nichts wurde übernommen/);
    const fields = problem.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(["Zeile 3: figure", "Zeile 5: period", "Zeile 5: value"]);
    const figure = await t.staff.get(`/api/v1/figures/${t.indicator.id}`);
    expect(figure.values.map((v: { period: string }) => v.period)).not.toContain("2026");
  });

  it("takes German decimals, changes nothing when imported again, and corrects with history when a value changed", async () => {
    const t = await figuresSetup();
    const population = await t.staff.get(`/api/v1/figures/${t.population.id}`);
    expect(population.values.map((v: { value: number }) => v.value)).toEqual([10390, 10520]);
    const exported = await (await t.staff.raw("GET", `/api/v1/bodies/${t.body.id}/figures.csv`)).text();
    const again = await t.staff.raw("POST", `/api/v1/bodies/${t.body.id}/figures/import`, exported, { "content-type": "text/csv" });
    expect(await json(again)).toEqual({ created: 0, corrected: 0, unchanged: 7 });
    const changed = exported.replace("2025,auslaendische-einwohner,10520", "2025,auslaendische-einwohner,10530");
    const correction = await t.staff.raw("POST", `/api/v1/bodies/${t.body.id}/figures/import`, changed, { "content-type": "text/csv" });
    expect(await json(correction)).toEqual({ created: 0, corrected: 1, unchanged: 6 });
    const after = await t.staff.get(`/api/v1/figures/${t.population.id}`);
    expect(after.values.at(-1)).toMatchObject({
      value: 10530,
      revisions: [expect.objectContaining({ value: 10520, reason: "CSV-Import" })],
    });
  });
});

describe("the integration report", () => {
  it("is written in sections at a version, shows the figures and measures, and is a PDF with every chart's summary", async () => {
    const t = await figuresSetup();
    const url = `/api/v1/bodies/${t.body.id}/integration-reports/2025`;
    const created = await t.staff.put(url, reportInput(t, false), { status: 200 });
    expect(created.version).toBe(1);
    // A draft is for the staff only.
    expect((await t.as("public").raw("GET", url)).status).toBe(404);
    expect((await t.as("public").raw("GET", `/api/v1/bodies/${t.body.id}/integration-report.pdf?year=2025`)).status).toBe(404);
    expect((await t.staff.raw("PUT", url, reportInput(t))).status).toBe(428);
    expect((await t.staff.raw("PUT", url, reportInput(t), { "If-Match": '"7"' })).status).toBe(412);
    await t.staff.put(url, reportInput(t), { status: 200, headers: { "If-Match": '"1"' } });

    const report = await t.as("public").get(url);
    expect(report).toMatchObject({ year: 2025, published: true, introduction: expect.stringContaining("Entwicklung") });
    expect(report.keyFigures.map((f: { key: string }) => f.key)).toEqual(["auslaendische-einwohner"]);
    const [field] = report.actionFields;
    expect(field).toMatchObject({ number: 1, measures: [{ code: "1.1", status: "in_progress", progress: 40 }] });
    expect(field.indicators[0]).toMatchObject({
      key: "sprachkurse-eltern",
      latest: { period: "2025", value: 631 },
      previous: { period: "2024", value: 601 },
      trend: "better",
    });
    expect(field.indicators[0].shareOfTarget).toBeCloseTo((631 - 412) / (700 - 412));

    const pdf = await t.as("public").raw("GET", `/api/v1/bodies/${t.body.id}/integration-report.pdf?year=2025`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(await pdf.arrayBuffer()).replace(/\s+/g, " ");
    expect(text).toContain("2019: 412, 2025: 631, Ziel 2028: 700 (Personen)");
    expect(text).toContain("2024: 10.390, 2025: 10.520 (Personen)");
    expect(text).toContain("1 Maßnahmen: in Umsetzung 1");
    expect(text).toContain("1.1 Sprachkurse für Eltern (in Umsetzung): 40 %");
    expect(text).not.toContain("Einbürgerungen");
    // The staff's PDF of the same report shows the internal figure, marked as such.
    const staffText = pdfText(
      await (await t.staff.raw("GET", `/api/v1/bodies/${t.body.id}/integration-report.pdf?year=2025`)).arrayBuffer(),
    );
    expect(staffText.replace(/\s+/g, " ")).toContain("Einbürgerungen (ungeprüft) (intern, noch nicht veröffentlicht)");
  });

  it("refuses a section for another body's action field, and a report of a year that has none is not found", async () => {
    const t = await figuresSetup();
    const other = await t.f.body();
    const otherPlan = await t.as("admin").post("/api/v1/plans", { bodyId: other.id, title: "Fremder Plan" });
    const withField = await t.as("admin").post(`/api/v1/plans/${otherPlan.id}/action-fields`, { number: 1, title: "Fremd" });
    const input = reportInput(t);
    input.sections[1] = { kind: "action_field", actionFieldId: withField.actionFields[0].id, markdown: "x" };
    const refused = await t.staff.raw("PUT", `/api/v1/bodies/${t.body.id}/integration-reports/2025`, input);
    expect(refused.status).toBe(422);
    expect((await json(refused)).errors).toEqual([expect.objectContaining({ field: "sections.1.actionFieldId" })]);
    const twice = reportInput(t);
    twice.sections.push({ kind: "introduction", markdown: "Noch eine Einleitung." });
    const second = await t.staff.raw("PUT", `/api/v1/bodies/${t.body.id}/integration-reports/2025`, twice);
    expect(second.status).toBe(422);
    expect((await json(second)).errors).toEqual([expect.objectContaining({ field: "sections.3.kind" })]);
    expect((await t.staff.raw("GET", `/api/v1/bodies/${t.body.id}/integration-reports/2025`)).status).toBe(404);
    expect((await t.as("public").raw("GET", `/api/v1/bodies/${t.body.id}/integration-report.pdf?year=20x5`)).status).toBe(400);
  });

  it("puts the year's resolutions from the trace beside their action field, as far as the reader may see them", async () => {
    const t = await figuresSetup();
    t.clock.now = new Date("2025-11-20T12:00:00Z");
    const meeting = await t.createMeeting({ startsAt: "2025-11-20T18:00:00+01:00", standardFrame: false });
    const item = await t.staff.post(`/api/v1/meetings/${meeting.id}/agenda-items`, {
      kind: "resolution",
      title: "Sprachkurse",
      isPublic: false,
    });
    await t.staff.post(`/api/v1/meetings/${meeting.id}/invitation`, { lateReason: "Eilige Haushaltsfrage" });
    t.clock.now = new Date("2025-11-20T17:30:00Z");
    for (const person of Object.values(t.people) as { id: string }[])
      await t.staff.put(`/api/v1/meetings/${meeting.id}/attendance/${person.id}`, { status: "present" }, { status: 200 });
    const vote = await t.staff.post(`/api/v1/agenda-items/${item.itemId}/votes`, {
      motion: "Mehr Sprachkurse",
      counts: { yes: 3, no: 0, abstain: 0 },
      resolution: { text: "Der Ausschuss beschließt mehr Sprachkurse." },
    });
    await t.staff.post(`/api/v1/resolutions/${vote.resolution.id}/measures`, { measureId: t.measure.id, relation: "changes" });
    await t.staff.put(`/api/v1/bodies/${t.body.id}/integration-reports/2025`, reportInput(t), { status: 200 });
    const staffView = await t.staff.get(`/api/v1/bodies/${t.body.id}/integration-reports/2025`);
    expect(staffView.actionFields[0].resolutions).toEqual([
      expect.objectContaining({ text: "Der Ausschuss beschließt mehr Sprachkurse.", date: "2025-11-20", measures: ["1.1"] }),
    ]);
    // A non-public resolution that was not announced stays with those who read its committee.
    const publicView = await t.as("public").get(`/api/v1/bodies/${t.body.id}/integration-reports/2025`);
    expect(publicView.actionFields[0].resolutions).toEqual([]);
  });
});

describe("charts", () => {
  it("summarise a series in German numbers and draw values, baseline and target with shapes and words, not colour alone", () => {
    const chart = lineChart({
      title: "Teilnehmende",
      unit: "Personen",
      values: [
        { period: "2019", value: 412 },
        { period: "2025", value: 1631.5 },
      ],
      baseline: { period: "2019", value: 412 },
      target: { period: "2028", value: 2000 },
    });
    expect(chart.summary).toBe("2019: 412, 2025: 1.631,5, Ziel 2028: 2.000 (Personen)");
    const texts = chart.marks.flatMap((m) => (m.kind === "text" ? [m.text] : []));
    expect(texts).toEqual(
      expect.arrayContaining(["2.000", "1.500", "Werte", "Ausgangswert", "Ziel", "Ziel 2028: 2.000", "Jahr", "Personen"]),
    );
    expect(chart.table.rows).toEqual([
      ["Ausgangswert 2019", "412"],
      ["2019", "412"],
      ["2025", "1.631,5"],
      ["Ziel 2028", "2.000"],
    ]);
    // Everything lies inside the chart's box.
    for (const mark of chart.marks)
      if (mark.kind === "text") {
        expect(mark.x).toBeGreaterThanOrEqual(0);
        expect(mark.x).toBeLessThanOrEqual(chart.width);
        expect(mark.y).toBeLessThanOrEqual(chart.height);
      }
  });
});
