/**
 * Calendar dates ("YYYY-MM-DD") and instants in Europe/Berlin, the time zone of every committee, and how German
 * readers see them: the one date module of pages, PDFs, iCal and mail.
 */

export const TIME_ZONE = "Europe/Berlin";

const berlinDate = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date in Berlin at an instant. */
export function berlinDateOf(instant: Date): string {
  return berlinDate.format(instant);
}

/** Whether a string is a real calendar date such as 2026-02-28 (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Adds days to a calendar date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const berlinParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

/** An instant as Berlin wall-clock time with its offset, e.g. 2026-12-10T18:00:00+01:00. */
export function berlinIsoOf(instant: Date): string {
  const parts = Object.fromEntries(berlinParts.formatToParts(instant).map((part) => [part.type, part.value]));
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName!.replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

const germanDateTime = new Intl.DateTimeFormat("de-DE", { timeZone: TIME_ZONE, dateStyle: "full", timeStyle: "short" });

/** "Donnerstag, 10. Dezember 2026 um 18:00" */
export function germanDateTimeOf(instant: Date): string {
  return germanDateTime.format(instant);
}

/** Minutes east of UTC that Berlin is at an instant (60 in winter, 120 in summer). */
function berlinOffsetMinutes(instant: Date): number {
  const iso = berlinIsoOf(instant);
  const sign = iso.at(-6) === "-" ? -1 : 1;
  return sign * (Number(iso.slice(-5, -3)) * 60 + Number(iso.slice(-2)));
}

/** The instant of a Berlin wall-clock time, such as 2026-12-10 18:00 → 2026-12-10T17:00:00Z. */
export function berlinWallClockToInstant(date: string, time: string): Date {
  const naive = new Date(`${date}T${time}:00Z`).getTime();
  const first = naive - berlinOffsetMinutes(new Date(naive)) * 60_000;
  return new Date(naive - berlinOffsetMinutes(new Date(first)) * 60_000);
}

/** Adds calendar months, keeping the day where the month has it (31 January + 1 month = 28 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** "2026-11-19" → "19.11.2026" */
export function germanDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

const shortDate = new Intl.DateTimeFormat("de-DE", {
  timeZone: TIME_ZONE,
  weekday: "short",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const longDate = new Intl.DateTimeFormat("de-DE", { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const clock = new Intl.DateTimeFormat("de-DE", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const monthOfYear = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", month: "long", year: "numeric" });

/** "Do., 10.12.2026" */
export const dateOf = (instant: Date | string) => shortDate.format(new Date(instant));
/** "Donnerstag, 10. Dezember 2026" */
export const longDateOf = (instant: Date | string) => longDate.format(new Date(instant));
/** "18:00 Uhr" */
export const timeOf = (instant: Date | string) => `${clock.format(new Date(instant))} Uhr`;
/** "Dezember 2026", for a month "2026-12". */
export const monthName = (yearMonth: string) => monthOfYear.format(new Date(`${yearMonth}-01T00:00:00Z`));
/** The machine-readable value of a <time> element. */
export const isoOf = (instant: Date | string) => new Date(instant).toISOString();
