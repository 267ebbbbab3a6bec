import { z } from "@hono/zod-openapi";
import { isCalendarDate } from "../rules/calendar";

// Plain reasons for the two most common validation errors, instead of zod's technical wording.
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return "is required";
    if (issue.code === "unrecognized_keys") return `unknown field(s): ${issue.keys.join(", ")}`;
    return undefined;
  },
});

/** A trimmed, non-empty line of text. */
export const ZText = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Optional text that can be cleared with null. */
export const ZOptionalText = (max: number) => ZText(max).nullable().optional();

/** A calendar date in Europe/Berlin. */
export const ZCalendarDate = z
  .string()
  .refine(isCalendarDate, "must be a date in the form YYYY-MM-DD")
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
  schema.refine((value) => Object.values(value).some((v) => v !== undefined), "must contain at least one field to change");

/** A period's end must not come before its start (both calendar dates). */
export const endNotBeforeStart = (value: { startDate?: string; endDate?: string | null }) =>
  !value.startDate || !value.endDate || value.endDate >= value.startDate;
export const endNotBeforeStartIssue = { message: "must not be before startDate", path: ["endDate"] };
