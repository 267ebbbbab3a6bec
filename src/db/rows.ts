/**
 * Rows read with `Database.query` in the shapes Prisma returns: SQLite keeps DateTime columns as ISO
 * text (see `toSqlValue`) and Boolean columns as 0/1.
 */
type Raw = Record<string, unknown>;

export interface Columns {
  dates?: readonly string[];
  booleans?: readonly string[];
}

/** Converts the named columns of a freshly read row in place; every other column stays as it is. */
export function decodeRow<T>(row: Raw, columns: Columns): T {
  for (const column of columns.dates ?? []) {
    const value = row[column];
    row[column] = value === null || value === undefined ? null : new Date(value as string | number);
  }
  for (const column of columns.booleans ?? []) row[column] = row[column] === null ? null : row[column] === 1 || row[column] === true;
  return row as T;
}

/** Decodes a column that SQLite's `json_object()` filled (or NULL). */
export function decodeJson<T>(value: unknown, columns: Columns = {}): T | null {
  return value === null || value === undefined ? null : decodeRow<T>(JSON.parse(value as string), columns);
}
