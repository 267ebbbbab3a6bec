/**
 * Figures over time: periods, their order and German names, and how far an indicator has come from its baseline
 * towards its target. Pure functions.
 */

export const FIGURE_KINDS = ["indicator", "key_figure"] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** Whether a higher value is better ("up"), a lower one ("down"), or neither (a key figure such as population). */
export const FIGURE_DIRECTIONS = ["up", "down", "none"] as const;
export type FigureDirection = (typeof FIGURE_DIRECTIONS)[number];

/** A year ("2025"), a half-year ("2025-H1") or a quarter ("2025-Q3"). */
export const PERIOD_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/;
export const PERIOD_MESSAGE = "muss ein Jahr (2025), ein Halbjahr (2025-H1) oder ein Quartal (2025-Q3) sein";

export interface Period {
  year: number;
  /** The part of the year: null for a whole year. */
  part: "H1" | "H2" | "Q1" | "Q2" | "Q3" | "Q4" | null;
}

export function parsePeriod(text: string): Period | null {
  const match = PERIOD_PATTERN.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2200) return null;
  return { year, part: (match[2] as Period["part"]) ?? null };
}

/** The period's middle as a fractional year, to order periods and place them on a time axis. */
export function periodPosition(text: string): number {
  const period = parsePeriod(text);
  if (!period) return Number.NaN;
  const { year, part } = period;
  if (part === null) return year + 0.5;
  if (part.startsWith("H")) return year + (part === "H1" ? 0.25 : 0.75);
  return year + (Number(part.slice(1)) - 0.5) / 4;
}

export const byPeriod = (a: { period: string }, b: { period: string }) => periodPosition(a.period) - periodPosition(b.period);

/** "2025", "1. Halbjahr 2025", "3. Quartal 2025". */
export function periodLabel(text: string): string {
  const period = parsePeriod(text);
  if (!period) return text;
  if (period.part === null) return String(period.year);
  return `${period.part.slice(1)}. ${period.part.startsWith("H") ? "Halbjahr" : "Quartal"} ${period.year}`;
}

/** The short form for chart axes: "2025", "H1 2025", "Q3 2025". */
export function periodShortLabel(text: string): string {
  const period = parsePeriod(text);
  if (!period) return text;
  return period.part === null ? String(period.year) : `${period.part} ${period.year}`;
}

/** The year a period lies in. */
export const periodYear = (text: string) => parsePeriod(text)?.year ?? Number.NaN;

/**
 * How far a value has come from the baseline towards the target, as a share (0 at the baseline, 1 at the target,
 * below 0 when it moved away, above 1 beyond the target). Null when there is no baseline, no target, or they agree.
 */
export function shareOfTarget(value: number, baseline: number | null, target: number | null): number | null {
  if (baseline === null || target === null || target === baseline) return null;
  return (value - baseline) / (target - baseline);
}

export type Trend = "better" | "worse" | "same" | "unknown";

/** Whether a figure moved the right way between two values, by its direction. */
export function trendOf(direction: FigureDirection, previous: number | null, latest: number | null): Trend {
  if (previous === null || latest === null || direction === "none") return "unknown";
  if (latest === previous) return "same";
  return latest > previous === (direction === "up") ? "better" : "worse";
}

/** A baseline or a target is a value with its period: both or neither. */
export const PAIRED_PERIODS = [
  { value: "baselineValue", period: "baselinePeriod", message: "Ausgangswert und sein Zeitraum gehören zusammen" },
  { value: "targetValue", period: "targetPeriod", message: "Zielwert und sein Zeitraum gehören zusammen" },
] as const;

type Pairs = Partial<Record<"baselineValue" | "targetValue", number | null> & Record<"baselinePeriod" | "targetPeriod", string | null>>;

/** The first baseline or target whose value and period are not given together, or undefined. */
export function unpairedPeriod(figure: Pairs) {
  const given = (value: unknown) => value !== undefined && value !== null;
  return PAIRED_PERIODS.find((pair) => given(figure[pair.value]) !== given(figure[pair.period]));
}
