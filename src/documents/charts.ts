/**
 * Charts as geometry: paths, rectangles and text in a box of user units, computed once with d3's scales and shapes
 * and drawn twice, as SVG on the portal and as vectors in the PDF. Each chart carries its title, a text summary and
 * its data as a table, so that nothing in it is told by colour alone or by the picture alone.
 */
import { max, min } from "d3-array";
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { periodLabel, periodPosition, periodShortLabel } from "../rules/figures";

/** Colours with at least 4.5:1 against white (WCAG 1.4.3 for text, 1.4.11 for graphics). */
export const CHART_COLORS = {
  ink: "#1b1b1b",
  axis: "#595959",
  grid: "#d9d9d9",
  series: "#0b4f8a",
  target: "#1b6b2f",
  baseline: "#a0410d",
  track: "#ffffff",
} as const;

export type Mark =
  | { kind: "path"; d: string; stroke?: string; fill?: string; strokeWidth?: number; dash?: number[] }
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill: string; stroke?: string; strokeWidth?: number }
  | { kind: "text"; x: number; y: number; text: string; anchor: "start" | "middle" | "end"; size: number; bold?: boolean };

export interface Chart {
  title: string;
  /** The chart in words, e.g. "2019: 412, 2025: 631, Ziel 2028: 700". */
  summary: string;
  width: number;
  height: number;
  marks: Mark[];
  /** The data as a table, for those who cannot see the chart and for those who want the figures. */
  table: { heads: string[]; rows: string[][] };
}

const WIDTH = 640;
const FONT = 13;

const numberFormat = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
/** A number in German: "1.234", "12,5". */
export const formatNumber = (value: number) => numberFormat.format(value);

/** A circle as a path: two arcs (SVG and pdf-lib both draw them). */
const circle = (x: number, y: number, r: number) => `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
const square = (x: number, y: number, r: number) => `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
const diamond = (x: number, y: number, r: number) =>
  `M${x},${y - r * 1.3}l${r * 1.3},${r * 1.3}l${-r * 1.3},${r * 1.3}l${-r * 1.3},${-r * 1.3}Z`;
const segment = (x1: number, y1: number, x2: number, y2: number) => `M${x1},${y1}L${x2},${y2}`;
const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text);
const round = (value: number) => Math.round(value * 100) / 100;

export interface SeriesInput {
  title: string;
  unit: string;
  values: { period: string; value: number }[];
  baseline?: { period: string; value: number } | null;
  target?: { period: string; value: number } | null;
}

/** "2019: 412, 2025: 631, Ziel 2028: 700": the first and the latest value, the baseline and the target. */
export function seriesSummary(input: SeriesInput): string {
  const parts: string[] = [];
  const first = input.values[0];
  const last = input.values.at(-1);
  if (input.baseline && input.baseline.period !== first?.period)
    parts.push(`Ausgangswert ${periodLabel(input.baseline.period)}: ${formatNumber(input.baseline.value)}`);
  if (first) parts.push(`${periodLabel(first.period)}: ${formatNumber(first.value)}`);
  if (last && last !== first) parts.push(`${periodLabel(last.period)}: ${formatNumber(last.value)}`);
  if (input.target) parts.push(`Ziel ${periodLabel(input.target.period)}: ${formatNumber(input.target.value)}`);
  if (parts.length === 0) return "Noch keine Werte erfasst.";
  return `${parts.join(", ")} (${input.unit})`;
}

/**
 * A line chart of a time series, with its values marked by circles, the baseline by a square and the target by a
 * diamond at the end of a dashed line: shapes and words tell them apart, colour only helps.
 */
export function lineChart(input: SeriesInput): Chart {
  const height = 280;
  const margin = { top: 28, right: 28, bottom: 44, left: 72 };
  const points = input.values.map((v) => ({ ...v, x: periodPosition(v.period) }));
  const extras = [input.baseline, input.target].flatMap((p) => (p ? [{ ...p, x: periodPosition(p.period) }] : []));
  const all = [...points, ...extras];
  const table = {
    heads: ["Zeitraum", `Wert (${input.unit})`],
    rows: [
      ...(input.baseline ? [[`Ausgangswert ${periodLabel(input.baseline.period)}`, formatNumber(input.baseline.value)]] : []),
      ...input.values.map((v) => [periodLabel(v.period), formatNumber(v.value)]),
      ...(input.target ? [[`Ziel ${periodLabel(input.target.period)}`, formatNumber(input.target.value)]] : []),
    ],
  };
  const summary = seriesSummary(input);
  const marks: Mark[] = [];
  if (all.length === 0) {
    marks.push({ kind: "text", x: WIDTH / 2, y: height / 2, text: "Noch keine Werte erfasst", anchor: "middle", size: FONT });
    return { title: input.title, summary, width: WIDTH, height, marks, table };
  }
  const years = all.map((p) => Math.floor(p.x));
  const firstYear = min(years)!;
  const lastYear = max(years)!;
  const x = scaleLinear()
    .domain([firstYear, lastYear + 1])
    .range([margin.left, WIDTH - margin.right]);
  const values = all.map((p) => p.value);
  const y = scaleLinear()
    .domain([Math.min(0, min(values)!), max(values)! || 1])
    .nice(5)
    .range([height - margin.bottom, margin.top]);

  // Grid and value axis, in German number format.
  for (const tick of y.ticks(5)) {
    const ty = round(y(tick));
    marks.push({ kind: "path", d: segment(margin.left, ty, WIDTH - margin.right, ty), stroke: CHART_COLORS.grid, strokeWidth: 1 });
    marks.push({ kind: "text", x: margin.left - 8, y: ty + FONT * 0.35, text: formatNumber(tick), anchor: "end", size: FONT });
  }
  marks.push({ kind: "text", x: 0, y: margin.top - 12, text: input.unit, anchor: "start", size: FONT, bold: true });
  // Time axis: a label per year, every second or fifth one when there are many.
  const span = lastYear - firstYear + 1;
  const step = span > 24 ? 5 : span > 12 ? 2 : 1;
  const baseY = height - margin.bottom;
  marks.push({ kind: "path", d: segment(margin.left, baseY, WIDTH - margin.right, baseY), stroke: CHART_COLORS.axis, strokeWidth: 1 });
  for (let year = firstYear; year <= lastYear; year += step) {
    const tx = round(x(year + 0.5));
    marks.push({ kind: "path", d: segment(tx, baseY, tx, baseY + 5), stroke: CHART_COLORS.axis, strokeWidth: 1 });
    marks.push({ kind: "text", x: tx, y: baseY + 20, text: String(year), anchor: "middle", size: FONT });
  }
  marks.push({ kind: "text", x: WIDTH - margin.right, y: height - 4, text: "Jahr", anchor: "end", size: FONT, bold: true });

  const sorted = [...points].sort((a, b) => a.x - b.x);
  const path = line<(typeof sorted)[number]>()
    .x((p) => round(x(p.x)))
    .y((p) => round(y(p.value)))(sorted);
  if (input.target && sorted.length > 0) {
    const last = sorted.at(-1)!;
    const tx = round(x(periodPosition(input.target.period)));
    const ty = round(y(input.target.value));
    marks.push({
      kind: "path",
      d: segment(round(x(last.x)), round(y(last.value)), tx, ty),
      stroke: CHART_COLORS.target,
      strokeWidth: 2,
      dash: [6, 4],
    });
  }
  if (path) marks.push({ kind: "path", d: path, stroke: CHART_COLORS.series, strokeWidth: 2.5 });
  for (const p of sorted) marks.push({ kind: "path", d: circle(round(x(p.x)), round(y(p.value)), 4), fill: CHART_COLORS.series });
  if (input.baseline) {
    const bx = round(x(periodPosition(input.baseline.period)));
    const by = round(y(input.baseline.value));
    marks.push({ kind: "path", d: square(bx, by, 5), fill: CHART_COLORS.track, stroke: CHART_COLORS.baseline, strokeWidth: 2 });
  }
  if (input.target) {
    const tx = round(x(periodPosition(input.target.period)));
    const ty = round(y(input.target.value));
    marks.push({ kind: "path", d: diamond(tx, ty, 5), fill: CHART_COLORS.target });
    marks.push({
      kind: "text",
      x: tx - 8,
      y: ty - 10,
      text: `Ziel ${periodShortLabel(input.target.period)}: ${formatNumber(input.target.value)}`,
      anchor: "end",
      size: FONT - 1,
      bold: true,
    });
  }
  const last = sorted.at(-1);
  if (last && !input.target) {
    marks.push({
      kind: "text",
      x: round(x(last.x)),
      y: round(y(last.value)) - 10,
      text: formatNumber(last.value),
      anchor: "middle",
      size: FONT - 1,
      bold: true,
    });
  }
  // The legend names each shape: values, baseline, target.
  const legend: { text: string; shape: (x: number, y: number) => string; fill: string; stroke?: string }[] = [
    { text: "Werte", shape: (lx, ly) => circle(lx, ly, 4), fill: CHART_COLORS.series },
    ...(input.baseline
      ? [
          {
            text: "Ausgangswert",
            shape: (lx: number, ly: number) => square(lx, ly, 5),
            fill: CHART_COLORS.track,
            stroke: CHART_COLORS.baseline,
          },
        ]
      : []),
    ...(input.target ? [{ text: "Ziel", shape: (lx: number, ly: number) => diamond(lx, ly, 5), fill: CHART_COLORS.target }] : []),
  ];
  let lx = 8;
  for (const { text, shape, fill, stroke } of legend) {
    marks.push(
      { kind: "path", d: shape(lx, height - 8), fill, ...(stroke ? { stroke, strokeWidth: 2 } : {}) },
      { kind: "text", x: lx + 10, y: height - 4, text, anchor: "start", size: FONT - 1 },
    );
    lx += 24 + text.length * 7;
  }
  return { title: input.title, summary, width: WIDTH, height, marks, table };
}

/** A horizontal bar per category, each labelled with its name and its count. */
export function barChart(input: { title: string; category: string; unit: string; bars: { label: string; value: number }[] }): Chart {
  const row = 30;
  const margin = { top: 8, right: 56, bottom: 8, left: 170 };
  const height = margin.top + margin.bottom + row * Math.max(1, input.bars.length);
  const y = scaleBand()
    .domain(input.bars.map((_, index) => String(index)))
    .range([margin.top, height - margin.bottom])
    .paddingInner(0.25);
  const x = scaleLinear()
    .domain([0, max(input.bars, (bar) => bar.value) || 1])
    .range([margin.left, WIDTH - margin.right]);
  const marks: Mark[] = [
    { kind: "path", d: segment(margin.left, margin.top, margin.left, height - margin.bottom), stroke: CHART_COLORS.axis, strokeWidth: 1 },
  ];
  input.bars.forEach((bar, index) => {
    const top = y(String(index))!;
    const middle = round(top + y.bandwidth() / 2 + FONT * 0.35);
    marks.push({ kind: "text", x: margin.left - 8, y: middle, text: bar.label, anchor: "end", size: FONT });
    const width = round(x(bar.value) - margin.left);
    if (width > 0)
      marks.push({ kind: "rect", x: margin.left, y: round(top), width, height: round(y.bandwidth()), fill: CHART_COLORS.series });
    marks.push({
      kind: "text",
      x: margin.left + width + 6,
      y: middle,
      text: formatNumber(bar.value),
      anchor: "start",
      size: FONT,
      bold: true,
    });
  });
  const total = input.bars.reduce((sum, bar) => sum + bar.value, 0);
  return {
    title: input.title,
    summary: `${formatNumber(total)} ${input.unit}: ${input.bars.map((bar) => `${bar.label} ${formatNumber(bar.value)}`).join(", ")}`,
    width: WIDTH,
    height,
    marks,
    table: { heads: [input.category, input.unit], rows: input.bars.map((bar) => [bar.label, formatNumber(bar.value)]) },
  };
}

/** The marks of one progress bar at (x, y): an outlined track, the part done, and the percentage beside it. */
function progressMarks(x: number, y: number, width: number, height: number, percent: number): Mark[] {
  const done = Math.max(0, Math.min(100, percent));
  return [
    { kind: "rect", x, y, width, height, fill: CHART_COLORS.track, stroke: CHART_COLORS.axis, strokeWidth: 1 },
    ...(done > 0 ? [{ kind: "rect" as const, x, y, width: round((width * done) / 100), height, fill: CHART_COLORS.series }] : []),
    {
      kind: "text",
      x: x + width + 8,
      y: y + height / 2 + FONT * 0.35,
      text: `${formatNumber(done)} %`,
      anchor: "start",
      size: FONT,
      bold: true,
    },
  ];
}

/** One progress bar, as the portal shows it in a measure's row. */
export function progressBar(title: string, percent: number): Chart {
  return {
    title,
    summary: `${formatNumber(percent)} %`,
    width: 200,
    height: 18,
    marks: progressMarks(1, 2, 140, 14, percent),
    table: { heads: ["Fortschritt"], rows: [[`${formatNumber(percent)} %`]] },
  };
}

/** A measure's label and progress bar per row, as the PDF shows the measures of an action field. */
export function progressList(title: string, rows: { label: string; percent: number }[]): Chart {
  const row = 24;
  const labelWidth = 420;
  const marks: Mark[] = rows.flatMap((entry, index) => {
    const top = index * row + 4;
    return [
      // The table below the chart holds the full label; the drawing shortens one that would run into the bar.
      { kind: "text" as const, x: 0, y: top + 12, text: shorten(entry.label, 62), anchor: "start" as const, size: FONT - 1 },
      ...progressMarks(labelWidth, top + 1, 150, 14, entry.percent),
    ];
  });
  return {
    title,
    summary: rows.map((entry) => `${entry.label}: ${formatNumber(entry.percent)} %`).join("; "),
    width: WIDTH,
    height: Math.max(1, rows.length) * row + 8,
    marks,
    table: { heads: ["Maßnahme", "Fortschritt"], rows: rows.map((entry) => [entry.label, `${formatNumber(entry.percent)} %`]) },
  };
}
