/**
 * The integration report of the demo municipality, as the issue asks for it: HTML and PDF from the same data, the
 * PDF valid for qpdf with every chart's summary in its text, and the internal figures in neither for the public.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { progressList } from "../../src/documents/charts";
import { coversSeveralPlans, fieldHeading, figureChart, statusChart } from "../../src/documents/integration-report";
import { MEASURE_STATUS } from "../../src/documents/labels";
import type { IntegrationReportData } from "../../src/services/plan/integration-report";
import { demoPortal } from "../helpers/portal";
import { createTestApp, json } from "../helpers/test-app";
import { loadDemoData } from "../../src/demo/load-demo-data";

const NOW = new Date("2026-11-21T10:00:00Z");
const squeeze = (text: string) => text.replace(/\s+/g, " ");

function checkedPdfText(bytes: ArrayBuffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-demo-report-")), "bericht.pdf");
  writeFileSync(file, Buffer.from(bytes));
  execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
  return squeeze(execFileSync("pdftotext", [file, "-"]).toString());
}

/** Every chart's summary, computed from the report's data with the charts' own geometry. */
function summaries(report: IntegrationReportData): string[] {
  const several = coversSeveralPlans(report);
  return [
    ...report.keyFigures.map((f) => figureChart(f).summary),
    ...report.actionFields.flatMap((field) => [
      statusChart(field, fieldHeading(field, several)).summary,
      ...field.indicators.map((f) => figureChart(f).summary),
      progressList(
        "",
        field.measures.map((m) => ({ label: `${m.code} ${m.title} (${MEASURE_STATUS[m.status]})`, percent: m.progress })),
      ).summary,
    ]),
  ];
}

describe("the demo's integration report", () => {
  it("renders the past year's report as a PDF with every chart's summary, without the internal figures for the public", async () => {
    const { db, attachments, request, tokenFor } = createTestApp({ now: () => NOW });
    const loaded = await loadDemoData(db, attachments, NOW);
    expect(loaded!.integrationReport).toBe(2025);
    const url = `/api/v1/bodies/${loaded!.bodyId}/integration-reports/2025`;
    const report = (await json(await request("GET", url))) as IntegrationReportData;
    expect(report.keyFigures.map((f) => f.values[0]!.period)).toContain("2015");
    expect(report.keyFigures.every((f) => f.values.at(-1)!.period === "2025")).toBe(true);
    expect(report.actionFields.map((f) => `${f.planTitle} ${f.number}`)).toEqual([
      "Integrationsplan 2019 1",
      "Integrationsplan 2019 2",
      "Integrationsplan 2019 3",
      "Integrationsplan 2019 4",
      "Integrationsplan 2019 5",
      "Gmünder Weg für alle 4",
      "Gmünder Weg für alle 5",
    ]);
    expect(report.forums.map((f) => f.forum)).toEqual(["Integrationsforum 2025"]);
    const keys = JSON.stringify(report);
    expect(keys).not.toContain("einbuergerungen");
    expect(keys).not.toContain("anerkennungen");

    const pdf = await request("GET", `/api/v1/bodies/${loaded!.bodyId}/integration-report.pdf?year=2025`);
    expect(pdf.status).toBe(200);
    const text = checkedPdfText(await pdf.arrayBuffer());
    expect(text).toContain("2019: 412, 2025: 631, Ziel 2028: 700 (Personen)");
    const all = summaries(report);
    expect(all.length).toBeGreaterThan(20);
    for (const summary of all) expect(text, summary).toContain(squeeze(summary));
    expect(text).not.toContain("Einbürgerungen");
    expect(text).not.toContain("Anerkannte Berufsabschlüsse");

    // The staff read the internal figures, marked as internal.
    const staff = await tokenFor("secretariat", { bodyId: loaded!.bodyId });
    const staffReport = (await json(await request("GET", url, { token: staff }))) as IntegrationReportData;
    expect(staffReport.keyFigures.find((f) => f.key === "einbuergerungen")).toMatchObject({ published: false });
    const staffPdf = await request("GET", `/api/v1/bodies/${loaded!.bodyId}/integration-report.pdf?year=2025`, { token: staff });
    expect(checkedPdfText(await staffPdf.arrayBuffer())).toContain("Einbürgerungen (intern, noch nicht veröffentlicht)");
  });

  it("shows the same report on the portal, with each chart's summary and data table, and without the internal figures", async () => {
    const { app } = await demoPortal(NOW);
    const page = await app.request("/integrationsbericht/2025");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("2019: 412, 2025: 631, Ziel 2028: 700 (Personen)");
    expect(html).toContain("<svg");
    expect(html).toContain("Daten als Tabelle");
    expect(html).not.toContain("Einbürgerungen");
    expect(html).not.toContain("Anerkannte Berufsabschlüsse");
    const list = await (await app.request("/integrationsbericht")).text();
    expect(list).toContain('href="/integrationsbericht/2025"');
    expect((await app.request("/integrationsbericht/2024")).status).toBe(404);
    const pdf = await app.request("/integrationsbericht/2025/bericht.pdf");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
  });
});
