/**
 * CSV out and in, for every export and import: RFC 4180 with commas, or for German Excel UTF-8 with a byte order
 * mark and semicolons. A cell that a spreadsheet would take for a formula (it begins with =, +, -, @, a tab or a
 * carriage return) goes out with a leading apostrophe, as OWASP advises against CSV injection; an import takes the
 * apostrophe off again, so that an export imports to the same text.
 */
import Papa from "papaparse";

export type CsvDialect = "csv" | "excel";

/** What begins a formula in Excel or LibreOffice, also after spaces, and in the full-width forms they accept. */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** A table as CSV text: a header row of `fields`, then one row per entry. */
export function toCsv(fields: readonly string[], rows: (string | number)[][], dialect: CsvDialect = "csv"): string {
  const csv = Papa.unparse(
    { fields: [...fields], data: rows },
    { newline: "\r\n", delimiter: dialect === "excel" ? ";" : ",", escapeFormulae: FORMULA_START },
  );
  return dialect === "excel" ? `\uFEFF${csv}` : csv;
}

/** A cell as it was before export: without the apostrophe that defused a formula. */
function fromCsvCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** CSV text as records by header, with the parser's errors (rows counted from 0 after the header). */
export function parseCsvRecords(text: string) {
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
    transform: fromCsvCell,
  });
}
