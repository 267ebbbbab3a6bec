import type { Context } from "hono";
import { Problem } from "../errors";

/** The ETag of a record's version. Strong: versions change with every write. */
export const etagOf = (version: number) => `"${version}"`;

/** Sets the ETag of a record on the response and returns the record, for `c.json(withEtag(c, x))`. */
export function withEtag<T extends { version: number }>(c: Context, record: T): T {
  c.header("ETag", etagOf(record.version));
  return record;
}

/**
 * The version an update or delete expects, from `If-Match`. Required, so that no write silently
 * overwrites a change the caller has not seen: missing → 428, unparseable → 400.
 */
export function requiredVersion(c: Context): number {
  const header = c.req.header("If-Match");
  if (!header) {
    throw new Problem(
      "precondition_required",
      "Bitte das ETag des Datensatzes in If-Match mitsenden, damit keine gleichzeitige Änderung überschrieben wird.",
      {
        errors: [{ field: "If-Match", reason: "ist für Änderungen und Löschungen erforderlich" }],
      },
    );
  }
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) {
    throw new Problem("invalid_request", 'If-Match muss ein ETag wie "3" sein, wie es GET liefert.', {
      errors: [{ field: "If-Match", reason: "ist kein ETag dieser Schnittstelle" }],
    });
  }
  return Number(match[1]);
}

/** The version a create-or-replace write was read at, from `If-Match`; null when the caller creates. */
export function optionalVersion(c: Context): number | null {
  return c.req.header("If-Match") ? requiredVersion(c) : null;
}
