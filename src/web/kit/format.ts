/** Dates and times as German readers expect them, always in Europe/Berlin. */
import { TIME_ZONE } from "../../rules/calendar";

const date = new Intl.DateTimeFormat("de-DE", { timeZone: TIME_ZONE, weekday: "short", day: "2-digit", month: "2-digit", year: "numeric" });
const longDate = new Intl.DateTimeFormat("de-DE", { timeZone: TIME_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" });
const time = new Intl.DateTimeFormat("de-DE", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const month = new Intl.DateTimeFormat("de-DE", { timeZone: "UTC", month: "long", year: "numeric" });

/** "Do., 10.12.2026" */
export const dateOf = (instant: Date | string) => date.format(new Date(instant));
/** "Donnerstag, 10. Dezember 2026" */
export const longDateOf = (instant: Date | string) => longDate.format(new Date(instant));
/** "18:00 Uhr" */
export const timeOf = (instant: Date | string) => `${time.format(new Date(instant))} Uhr`;
/** "Dezember 2026", for a month "2026-12". */
export const monthName = (yearMonth: string) => month.format(new Date(`${yearMonth}-01T00:00:00Z`));
/** The machine-readable value of a <time> element. */
export const isoOf = (instant: Date | string) => new Date(instant).toISOString();
