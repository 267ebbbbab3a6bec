import { z } from "@hono/zod-openapi";
import { addDays, berlinWallClockToInstant, isCalendarDate } from "../rules/calendar";

const TYPE_NAMES: Record<string, string> = {
  number: "eine Zahl",
  int: "eine ganze Zahl",
  string: "ein Text",
  boolean: "true oder false",
  array: "eine Liste",
  object: "ein Objekt",
};
const UNIT: Record<string, string> = { string: "Zeichen", array: "Einträge" };

// Plain reasons instead of zod's technical wording ("received NaN", "Invalid option"), for every kind of issue.
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case "invalid_type":
        if (issue.input === undefined) return "ist erforderlich";
        return `muss ${TYPE_NAMES[issue.expected] ?? issue.expected} sein`;
      case "invalid_value":
        return `muss einer dieser Werte sein: ${issue.values.map(String).join(", ")}`;
      case "unrecognized_keys":
        return `unbekannte Felder: ${issue.keys.join(", ")}`;
      case "too_small":
        return issue.origin === "number"
          ? `muss mindestens ${issue.minimum} sein`
          : `muss mindestens ${issue.minimum} ${UNIT[issue.origin] ?? "Einträge"} haben`;
      case "too_big":
        return issue.origin === "number"
          ? `darf höchstens ${issue.maximum} sein`
          : `darf höchstens ${issue.maximum} ${UNIT[issue.origin] ?? "Einträge"} haben`;
      case "invalid_format":
        return `ist kein gültiges Format (${issue.format})`;
      default:
        return undefined;
    }
  },
});

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The instant a date-time names, as people write it: with "Z" or an offset it is that instant; without, it is
 * the wall-clock time in Europe/Berlin ("2026-12-16T18:00" is 18:00 in Berlin). Undefined when it is no
 * date-time or names no real date.
 */
export function instantOf(value: string): Date | undefined {
  const match = DATE_TIME.exec(value);
  if (!match || !isCalendarDate(match[1]!)) return undefined;
  const [, date, time, seconds, zone] = match;
  const [hours, minutes] = time!.split(":").map(Number) as [number, number];
  if (hours > 23 || minutes > 59 || Number(seconds ?? 0) > 59) return undefined;
  const instant = zone ? new Date(value) : new Date(berlinWallClockToInstant(date!, time!).getTime() + Number(seconds ?? 0) * 1000);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** An instant: a date-time with offset or "Z", or a Berlin wall-clock time without one; becomes an ISO string in UTC. */
export const ZInstant = z
  .string()
  .transform((value, ctx) => {
    const instant = instantOf(value);
    if (instant) return instant.toISOString();
    ctx.addIssue({
      code: "custom",
      message: "muss ein Zeitpunkt wie 2026-12-16T18:00 (Berliner Zeit) oder 2026-12-16T18:00:00+01:00 sein",
    });
    return z.NEVER;
  })
  .openapi({ type: "string", format: "date-time", example: "2026-12-16T18:00" });

/**
 * A bound of a date filter: a date-time as for ZInstant, or a plain Berlin date. As a lower bound a date means
 * its first moment; as an upper bound the end of that day.
 */
export const ZInstantBound = (bound: "from" | "to") =>
  z
    .string()
    .transform((value, ctx) => {
      if (isCalendarDate(value)) return berlinWallClockToInstant(bound === "from" ? value : addDays(value, 1), "00:00").toISOString();
      const instant = instantOf(value);
      if (instant) return instant.toISOString();
      ctx.addIssue({ code: "custom", message: "muss ein Datum wie 2026-12-01 oder ein Zeitpunkt wie 2026-12-01T18:00 sein" });
      return z.NEVER;
    })
    .openapi({ type: "string", example: bound === "from" ? "2026-12-01" : "2026-12-31" });

/** Trimmed, non-empty text, which may run over several lines. */
export const ZText = (max: number) => z.string().trim().min(1, "darf nicht leer sein").max(max, `darf höchstens ${max} Zeichen haben`);

/** Optional text that can be cleared with null. */
export const ZOptionalText = (max: number) => ZText(max).nullable().optional();

/**
 * A single line: a name, a title, a place. A line break or another control character would split the line in the
 * formats that carry it (iCalendar, mail headers, CSV), so it is refused, not silently dropped.
 */
export const ZLine = (max: number) =>
  ZText(max).refine(
    // Control characters, line and paragraph separators, and the bidirectional overrides that reorder what follows.
    (value) => !/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(value),
    "darf keinen Zeilenumbruch und kein Steuerzeichen enthalten",
  );

/** Coordinates in WGS 84, as a map shows them. */
export const ZLatitude = z.number().min(-90, "muss zwischen -90 und 90 liegen").max(90, "muss zwischen -90 und 90 liegen");
export const ZLongitude = z.number().min(-180, "muss zwischen -180 und 180 liegen").max(180, "muss zwischen -180 und 180 liegen");

/** An optional single line that can be cleared with null. */
export const ZOptionalLine = (max: number) => ZLine(max).nullable().optional();

/** A calendar date in Europe/Berlin. */
export const ZCalendarDate = z
  .string()
  .refine(isCalendarDate, "muss ein Datum der Form JJJJ-MM-TT sein")
  .openapi({ format: "date", example: "2026-01-01" });

export const ZId = z.string().min(1).max(64);

/** The columns every versioned record shows. */
export const ZRecordMeta = {
  id: z.string(),
  version: z.number().int().openapi({ description: "Increases with every write; send it back in If-Match." }),
  createdAt: z.string().openapi({ format: "date-time" }),
  updatedAt: z.string().openapi({ format: "date-time" }),
};

/** Dates become ISO strings in responses; the soft-delete marker is internal. */
export function recordMeta(row: { id: string; version: number; createdAt: Date; updatedAt: Date }) {
  return { id: row.id, version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** A PATCH body must change something. */
export const nonEmptyPatch = <T extends z.ZodObject>(schema: T) =>
  schema.refine((value) => Object.values(value).some((v) => v !== undefined), "muss mindestens ein zu änderndes Feld enthalten");

/** A period's end must not come before its start (both calendar dates). */
export const endNotBeforeStart = (value: { startDate?: string; endDate?: string | null }) =>
  !value.startDate || !value.endDate || value.endDate >= value.startDate;
export const endNotBeforeStartIssue = { message: "darf nicht vor startDate liegen", path: ["endDate"] };
