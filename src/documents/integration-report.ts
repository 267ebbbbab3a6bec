/**
 * The integration report as the PDF lays it out: Markdown with the charts between it, built from the same data and
 * the same chart geometry as the portal page. Every chart is followed by its summary and its data as a table.
 */
import type { IntegrationReportData, ReportFigureView } from "../services/plan/integration-report";
import { germanDate } from "../rules/calendar";
import { periodLabel } from "../rules/figures";
import { barChart, formatNumber, lineChart, progressList, type Chart } from "./charts";
import { FORUM_IDEA_STATUS, MEASURE_STATUS } from "./labels";
import { PAGE_BREAK, type PdfPart } from "./pdf/render-pdf";
import { escapeMarkdown as e } from "./templates";

/** Markdown, a chart drawn as vectors, or a page break. */
export type ReportPart = PdfPart;

/** A PDF page holds about 25 measures' bars; a longer list is drawn in parts. */
const BARS_PER_CHART = 25;

const TREND: Record<string, string> = { better: "besser als im Vorjahr", worse: "schlechter als im Vorjahr", same: "wie im Vorjahr" };

/** The line chart of a figure, the same for the page and the PDF. */
export function figureChart(figure: ReportFigureView): Chart {
  return lineChart({ title: figure.name, unit: figure.unit, values: figure.values, baseline: figure.baseline, target: figure.target });
}

/** The bar chart of an action field's measures by status. */
export function statusChart(field: IntegrationReportData["actionFields"][number], heading: string): Chart {
  return barChart({
    title: `Maßnahmen nach Stand: ${heading}`,
    category: "Stand",
    unit: "Maßnahmen",
    bars: field.byStatus.filter((s) => s.count > 0).map((s) => ({ label: MEASURE_STATUS[s.status], value: s.count })),
  });
}

/** A figure's latest value with its change against the value before, in words. */
export function figureChange(figure: ReportFigureView): string {
  if (!figure.latest) return "Noch kein Wert erfasst.";
  const latest = `${periodLabel(figure.latest.period)}: ${formatNumber(figure.latest.value)} ${figure.unit}`;
  if (!figure.previous) return latest;
  const delta = figure.latest.value - figure.previous.value;
  const percent = figure.previous.value !== 0 ? ` (${delta >= 0 ? "+" : ""}${formatNumber((delta / figure.previous.value) * 100)} %)` : "";
  const trend = TREND[figure.trend] ? `, ${TREND[figure.trend]}` : "";
  return `${latest}; ${periodLabel(figure.previous.period)}: ${formatNumber(figure.previous.value)}${percent}${trend}`;
}

/**
 * A chart's data as a Markdown table. A short series goes across (its periods as columns), so that it takes two
 * rows rather than a page.
 */
function table(chart: Chart): string {
  const row = (cells: string[]) => `| ${cells.map(e).join(" | ")} |`;
  const across = chart.table.heads.length === 2 && chart.table.rows.length > 1 && chart.table.rows.length <= 12;
  const [heads, rows] = across
    ? [[chart.table.heads[0]!, ...chart.table.rows.map((r) => r[0]!)], [[chart.table.heads[1]!, ...chart.table.rows.map((r) => r[1]!)]]]
    : [chart.table.heads, chart.table.rows];
  return [row(heads), row(heads.map(() => "---")), ...rows.map(row)].join("\n");
}

/** A chart with its summary and its data below it. */
const withData = (chart: Chart): ReportPart[] => [chart, `${e(chart.summary)}\n\n${table(chart)}`];

/** A figure: its name as a heading kept with its chart, then its latest change, its source and its data. */
function figureParts(figure: ReportFigureView, level: number): ReportPart[] {
  const chart = figureChart(figure);
  const name = `${"#".repeat(level)} ${e(figure.name)}${figure.published ? "" : " (intern, noch nicht veröffentlicht)"}`;
  const change = e(figureChange(figure)) + (figure.source ? `  \nQuelle: ${e(figure.source)}` : "");
  return [name, { ...chart, title: `Verlauf: ${figure.name}` }, `${change}\n\n${e(chart.summary)}\n\n${table(chart)}`];
}

/** An action field's heading; with the plan's title when the report covers several plans. */
export function fieldHeading(field: IntegrationReportData["actionFields"][number], severalPlans: boolean): string {
  return `Handlungsfeld ${field.number}: ${field.title}${severalPlans ? ` (${field.planTitle})` : ""}`;
}

export const coversSeveralPlans = (report: IntegrationReportData) => new Set(report.actionFields.map((f) => f.planId)).size > 1;

/** The report as Markdown and charts, in reading order. */
export function integrationReportParts(report: IntegrationReportData): ReportPart[] {
  const several = coversSeveralPlans(report);
  const parts: ReportPart[] = [
    // The title page, then the contents.
    [
      "&nbsp;",
      `# ${e(report.title)}`,
      `## ${e(report.body.name)}`,
      `Integrationsbericht für das Jahr ${report.year}${report.published ? "" : " – Entwurf"}`,
      `Stand: ${germanDate(report.updatedAt.toISOString().slice(0, 10))}`,
    ].join("\n\n"),
    PAGE_BREAK,
    [
      "## Inhalt",
      [
        ...(report.introduction ? ["Einleitung"] : []),
        ...(report.keyFigures.length ? ["Zahlen der Zuwanderung"] : []),
        ...report.actionFields.map((f) => fieldHeading(f, several)),
        ...(report.forums.length ? ["Integrationsforen"] : []),
        ...(report.outlook ? ["Ausblick"] : []),
      ]
        .map((entry, index) => `${index + 1}. ${e(entry)}`)
        .join("\n"),
    ].join("\n\n"),
  ];
  if (report.introduction) parts.push(`## Einleitung\n\n${report.introduction}`);
  if (report.keyFigures.length) {
    parts.push(`## Zahlen der Zuwanderung\n\nDie Entwicklung bis ${report.year}, jeweils mit dem Vorjahr verglichen.`);
    let category: string | null | undefined;
    for (const figure of report.keyFigures) {
      const [name, ...rest] = figureParts(figure, figure.category ? 4 : 3);
      // A new group's heading goes with its first figure's, so that both stay with the chart.
      const heading = figure.category !== category && figure.category ? `### ${e(figure.category)}\n\n` : "";
      category = figure.category;
      parts.push(`${heading}${name}`, ...rest);
    }
  }
  for (const field of report.actionFields) {
    parts.push(`## ${e(fieldHeading(field, several))}\n\n*${e(field.planTitle)}*\n\n${field.markdown}`);
    parts.push(...withData(statusChart(field, fieldHeading(field, several))));
    for (let start = 0; start < field.measures.length; start += BARS_PER_CHART) {
      const slice = field.measures.slice(start, start + BARS_PER_CHART);
      const list = progressList(
        `Fortschritt der Maßnahmen${field.measures.length > BARS_PER_CHART ? ` (${start + 1}–${start + slice.length})` : ""}`,
        slice.map((m) => ({ label: `${m.code} ${m.title} (${MEASURE_STATUS[m.status]})`, percent: m.progress })),
      );
      // The bars are labelled in the drawing; the summary repeats them in full, as text.
      parts.push(list, e(list.summary));
    }
    field.indicators.forEach((indicator, index) => {
      const [name, ...rest] = figureParts(indicator, 4);
      parts.push(`${index === 0 ? "### Indikatoren\n\n" : ""}${name}`, ...rest);
    });
    parts.push(
      field.resolutions.length
        ? [
            `### Beschlüsse ${report.year}`,
            ...field.resolutions.map(
              (r) =>
                `- **${e(r.number)}** vom ${germanDate(r.date)}, ${e(r.committee)} ` +
                `(Maßnahme ${r.measures.map(e).join(", ")}): ${e(r.text)}`,
            ),
          ].join("\n\n")
        : `### Beschlüsse ${report.year}\n\nIm Berichtsjahr gab es keinen Beschluss zu den Maßnahmen dieses Handlungsfelds.`,
    );
  }
  if (report.forums.length) {
    parts.push(
      [
        "## Integrationsforen",
        ...report.forums.flatMap((forum) => [
          `### ${e(forum.forum)} am ${germanDate(forum.date)}`,
          ...forum.ideas.map((idea) => `- ${e(idea.text)} – **${ideaStatus(idea.status)}**${ideaOutcome(idea)}`),
        ]),
      ].join("\n\n"),
    );
  }
  if (report.outlook) parts.push(`## Ausblick\n\n${report.outlook}`);
  return parts;
}

const ideaStatus = (status: string) => FORUM_IDEA_STATUS[status as keyof typeof FORUM_IDEA_STATUS] ?? e(status);

function ideaOutcome(idea: IntegrationReportData["forums"][number]["ideas"][number]): string {
  const outcomes = [
    ...(idea.measure ? [`Maßnahme ${e(idea.measure.code)} ${e(idea.measure.title)}`] : []),
    ...(idea.paper ? [`Vorlage ${e(idea.paper.number)} ${e(idea.paper.title)}`] : []),
  ];
  return outcomes.length ? `: ${outcomes.join("; ")}` : "";
}
