/** The measure catalogue as CSV or JSON: import (all or nothing, matched by code) and export. */
import { parseCsvRecords, toCsv, type CsvDialect } from "../../documents/csv";
import type { Statement } from "../../db/database";
import { assertion, atVersion } from "../../db/sql";
import type { MeasureModel } from "../../generated/prisma-node/models";
import { Problem, fieldProblem, type FieldError } from "../../errors";
import { ZMeasureInput, type TMeasureInput } from "../../schemas/plans";
import type { ServiceContext } from "../context";
import { historyRow, listMeasures, measureChange, measureRow, planForWrite } from "./plans";
import { auditedInsert } from "../records";

const CSV_COLUMNS = [
  "code",
  "actionField",
  "actionFieldTitle",
  "title",
  "description",
  "responsible",
  "partners",
  "status",
  "progress",
  "startDate",
  "targetDate",
  "indicators",
  "evidence",
] as const;

/** Rows of a CSV catalogue, by column name; partners are separated by semicolons. */
function parseCsv(text: string): { rows: { line: number; value: Record<string, unknown> }[]; errors: FieldError[] } {
  const parsed = parseCsvRecords(text);
  const errors: FieldError[] = parsed.errors.map((e) => ({ field: `Zeile ${(e.row ?? 0) + 2}`, reason: e.message }));
  const unknown = (parsed.meta.fields ?? []).filter((f) => !(CSV_COLUMNS as readonly string[]).includes(f));
  if (unknown.length) errors.push({ field: "Zeile 1", reason: `unbekannte Spalte(n): ${unknown.join(", ")}` });
  const rows = parsed.data.map((record, index) => {
    const value: Record<string, unknown> = {};
    for (const [key, raw] of Object.entries(record)) {
      const text = (raw ?? "").trim();
      if (text === "") continue;
      value[key] =
        key === "partners"
          ? text
              .split(";")
              .map((p) => p.trim())
              .filter(Boolean)
          : key === "progress"
            ? Number(text)
            : text;
    }
    return { line: index + 2, value };
  });
  return { rows, errors };
}

function parseJson(text: string): { rows: { line: number; value: Record<string, unknown> }[]; errors: FieldError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Problem("malformed_json", "Der Inhalt der Anfrage ist kein gültiges JSON.");
  }
  const list = Array.isArray(data) ? data : (data as { measures?: unknown })?.measures;
  if (!Array.isArray(list)) throw fieldProblem("body", "muss eine Liste von Maßnahmen sein, oder { measures: [...] }", "invalid_request");
  return { rows: list.map((value, index) => ({ line: index + 1, value: value as Record<string, unknown> })), errors: [] };
}

/**
 * Imports a measure catalogue, all or nothing. Every bad row is reported by line and field and nothing
 * is written; measures are matched by code, so re-importing the same file changes nothing and an
 * updated file updates. Status and progress changes enter the history.
 */
export async function importMeasures(ctx: ServiceContext, planId: string, format: "csv" | "json", text: string) {
  const plan = await planForWrite(ctx, planId);
  const { rows, errors } = format === "csv" ? parseCsv(text) : parseJson(text);
  const inputs: { line: number; input: TMeasureInput }[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of rows) {
    const result = ZMeasureInput.safeParse(value);
    if (!result.success) {
      errors.push(
        ...result.error.issues.map((issue) => ({ field: `Zeile ${line}: ${issue.path.join(".") || "Zeile"}`, reason: issue.message })),
      );
      continue;
    }
    if (seen.has(result.data.code))
      errors.push({ field: `Zeile ${line}: code`, reason: `${result.data.code} steht schon in Zeile ${seen.get(result.data.code)}` });
    seen.set(result.data.code, line);
    inputs.push({ line, input: result.data });
  }
  const fields = new Map(plan.actionFields.map((f) => [f.number, f]));
  const newFields = new Map<number, { id: string; planId: string; number: number; title: string; version: number }>();
  for (const { line, input } of inputs) {
    if (fields.has(input.actionField) || newFields.has(input.actionField)) continue;
    if (!input.actionFieldTitle)
      errors.push({ field: `Zeile ${line}: actionFieldTitle`, reason: `ist für das neue Handlungsfeld ${input.actionField} erforderlich` });
    else
      newFields.set(input.actionField, {
        id: crypto.randomUUID(),
        planId,
        number: input.actionField,
        title: input.actionFieldTitle,
        version: 1,
      });
  }
  if (errors.length)
    throw new Problem("unprocessable", `Der Katalog enthält ${errors.length} Fehler; nichts wurde übernommen.`, { errors });

  const existing = new Map((await ctx.db.prisma.measure.findMany({ where: { planId } })).map((m) => [m.code, m]));
  const statements: Statement[] = [...newFields.values()].flatMap((field) => auditedInsert(ctx, "ActionField", field));
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const { input } of inputs) {
    const fieldId = (fields.get(input.actionField) ?? newFields.get(input.actionField))!.id;
    const row = measureRow(ctx, planId, fieldId, input);
    const before = existing.get(input.code);
    if (!before) {
      counts.created++;
      statements.push(
        ...auditedInsert(ctx, "Measure", row),
        historyRow(ctx, row.id, null, row, "import", "Import des Maßnahmenkatalogs", null),
      );
      continue;
    }
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, planId: _p, ...next } = row;
    const changes = Object.fromEntries(
      Object.entries(next).filter(([key, value]) => before[key as keyof MeasureModel] !== value),
    ) as Partial<MeasureModel>;
    if (Object.keys(changes).length === 0) {
      counts.unchanged++;
      continue;
    }
    counts.updated++;
    // Each measure must still be as read, or the whole import rolls back.
    statements.unshift(assertion(atVersion("Measure", before.id, before.version)));
    statements.push(
      ...measureChange(ctx, before, changes, { source: "import", reason: "Import des Maßnahmenkatalogs", resolutionId: null }),
    );
  }
  if (statements.length) await ctx.db.batch(statements);
  return counts;
}

/**
 * The catalogue as CSV, in the import's columns, so that an export can be edited and imported again: RFC 4180
 * (commas), or for German Excel UTF-8 with a byte order mark and semicolons, which Excel opens into columns.
 */
export async function exportMeasuresCsv(ctx: ServiceContext, planId: string, dialect: CsvDialect = "csv") {
  const measures = await listMeasures(ctx, planId);
  return toCsv(
    CSV_COLUMNS,
    measures.map((m) => [
      m.code,
      m.actionField.number,
      m.actionField.title,
      m.title,
      m.description ?? "",
      m.responsible ?? "",
      (JSON.parse(m.partners) as string[]).join("; "),
      m.status,
      m.progress,
      m.startDate ?? "",
      m.targetDate ?? "",
      m.indicators ?? "",
      m.evidence ?? "",
    ]),
    dialect,
  );
}
