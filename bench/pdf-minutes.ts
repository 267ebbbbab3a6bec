/**
 * PDF speed: renders the minutes of a generated meeting with 30 agenda items (15+ pages) 20 times after a
 * warm-up, and reports the median time, the page count and the peak heap growth.
 *   npm run bench:pdf
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderPdf } from "../src/documents/pdf/render-pdf";
import { box, renderTemplate } from "../src/documents/templates";
import { loadDocumentAssets } from "../src/entry/node-documents";

const { fonts, templates } = loadDocumentAssets();
const names = ["Şükrü Yıldırım", "Łucja Wąsik", "Ștefan Mureșan", "Αθηνά Παπαδοπούλου", "Жанна Ковальчук"];
const paragraph = (i: number) =>
  `Die Verwaltung erläutert den Sachstand zu Punkt ${i}. ${names[i % names.length]} fragt nach den Kosten und nach der Beteiligung der Migrantenorganisationen. ` +
  "In der Aussprache werden Fragen zur Umsetzung in den Stadtteilen, zu den Räumen und zur Kinderbetreuung beantwortet. ".repeat(3);
const view = {
  meetingLabel: "12. Sitzung",
  committeeName: "Integrationsausschuss",
  partLabel: "Öffentlicher Teil",
  date: "Donnerstag, 10. Dezember 2026",
  start: "18:00 Uhr",
  end: "22:15 Uhr",
  place: "Rathaus, Großer Sitzungssaal",
  chair: names[1],
  membersPresent: 17,
  hasAbsent: true,
  absent: [{ name: names[0], reason: "Urlaub" }],
  items: Array.from({ length: 30 }, (_, i) => ({
    number: `Ö ${i + 1}`,
    title: `Tagesordnungspunkt ${i + 1}: Sprachförderung, Arbeit und Zusammenleben`,
    withdrawn: false,
    recusals: i % 7 === 3 ? [`${names[2]} erklärt sich für befangen (§ 18 GemO) und verlässt den Sitzungsraum.`] : [],
    notes: `${paragraph(i)}\n\n${paragraph(i + 1)}\n\n- Sprachkurse für Eltern\n  - mit Kinderbetreuung\n- Mentoring`,
    votes: [{ motion: `Beschlussvorschlag zu Punkt ${i + 1}`, yes: 12, no: 3, abstain: 2, result: "angenommen" }],
    resolutions: [{ box: box(`Beschluss IA/2026/${String(i + 1).padStart(3, "0")}:`, "Der Integrationsausschuss empfiehlt dem Gemeinderat, der Vorlage zuzustimmen.") }],
    statements: [],
  })),
  signatures: [],
  missing: ["die oder der Vorsitzende"],
};
const markdown = renderTemplate(templates.minutes, view);
const options = { markdown, fonts, title: "Niederschrift", subject: "Benchmark", author: "Stadt", date: new Date("2026-12-10T17:00:00Z"), header: "Stadt · Integrationsausschuss", footer: "12. Sitzung" };

for (let i = 0; i < 3; i++) await renderPdf(options);
const times: number[] = [];
const baseHeap = process.memoryUsage().heapUsed;
let peak = 0;
let bytes: Uint8Array = new Uint8Array();
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  bytes = await renderPdf(options);
  times.push(performance.now() - start);
  peak = Math.max(peak, process.memoryUsage().heapUsed - baseHeap);
}
times.sort((a, b) => a - b);
const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-bench-")), "minutes.pdf");
writeFileSync(file, bytes);
const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())?.[1] ?? "0");
console.log(JSON.stringify({ pages, medianMs: Math.round(times[10]!), minMs: Math.round(times[0]!), maxMs: Math.round(times[19]!), sizeKiB: Math.round(bytes.byteLength / 1024), peakHeapGrowthMiB: Math.round(peak / 1048576) }));
