/**
 * The PDF workload: the minutes of a meeting with 30 agenda items (about 20 pages), from the minutes
 * template every body starts with, with names in Latin, Greek and Cyrillic script. Both renderers get
 * the same Markdown.
 */
import { box, renderTemplate } from "../../src/documents/templates";
import { loadDocumentAssets, loadFonts } from "../../src/entry/node-documents";

const assets = loadDocumentAssets();
const names = ["Şükrü Yıldırım", "Łucja Wąsik", "Ștefan Mureșan", "Αθηνά Παπαδοπούλου", "Жанна Ковальчук"];
const paragraph = (i: number) =>
  `Die Verwaltung erläutert den Sachstand zu Punkt ${i}. ${names[i % names.length]} fragt nach den Kosten und nach der ` +
  `Beteiligung der Migrantenorganisationen. ` +
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
    resolutions: [
      {
        box: box(
          `Beschluss IA/2026/${String(i + 1).padStart(3, "0")}:`,
          "Der Integrationsausschuss empfiehlt dem Gemeinderat, der Vorlage zuzustimmen.",
        ),
      },
    ],
    statements: [],
  })),
  signatures: [],
  missing: ["die oder der Vorsitzende"],
};
export const markdown = renderTemplate(assets.templates.minutes, view);
export const pdfOptions = {
  markdown,
  fonts: loadFonts(),
  title: "Niederschrift",
  subject: "Benchmark",
  author: "Stadt",
  date: new Date("2026-12-10T17:00:00Z"),
  header: "Stadt · Integrationsausschuss",
  footer: "12. Sitzung",
  watermark: "ENTWURF",
};
