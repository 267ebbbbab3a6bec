/**
 * The one error type of the domain, free of HTTP: services, rules and documents throw a Problem with a
 * stable code; only `src/http/problem.ts` turns it into a response (each code maps to one status there).
 */

/** What went wrong, as a stable code; the comment says when each is thrown. */
export const PROBLEM_CODES = [
  /** The input failed validation; `errors` names the fields. */
  "invalid_request",
  /** The request body is not valid JSON. */
  "malformed_json",
  /** No or an unknown/expired credential where the operation needs one. */
  "unauthenticated",
  /** The actor's role or scope does not allow this operation. */
  "forbidden",
  /** No such record (or the actor may not know it exists). */
  "not_found",
  /** The operation is not allowed on this resource. */
  "method_not_allowed",
  /** The write conflicts with the current state of other records. */
  "conflict",
  /** The expected version is not the current one: someone else changed the record first. */
  "precondition_failed",
  /** The input exceeds the size limit. */
  "payload_too_large",
  /** The input is not in a supported format. */
  "unsupported_media_type",
  /** The input is well-formed but breaks a rule of the domain; `errors` names the fields. */
  "unprocessable",
  /** An update or delete came without the expected version. */
  "precondition_required",
  /** Something failed on our side; the message reveals nothing internal. */
  "internal",
  /** A dependency such as the database is not available. */
  "unavailable",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface FieldError {
  /** Where the problem is, as a dotted path such as `email` or `body.name`. */
  field: string;
  /** Why the value is refused. */
  reason: string;
}

/** The one error type services throw; each front end renders it in its own way. */
export class Problem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = "Problem";
  }
}

/** Shorthand for a 422 on one field. */
export const fieldProblem = (field: string, reason: string, code: ProblemCode = "unprocessable") =>
  new Problem(code, `${field}: ${reason}`, { errors: [{ field, reason }] });

const RECORD_NAMES: Record<string, string> = {
  Account: "Das Konto",
  "Agenda item": "Der Tagesordnungspunkt",
  Attachment: "Die Anlage",
  Body: "Die Körperschaft",
  "Calendar feed": "Der Kalender-Abonnementlink",
  Committee: "Das Gremium",
  Consultation: "Die Beratung",
  "Forum idea": "Die Idee aus dem Forum",
  "Item request": "Der Antrag auf einen Tagesordnungspunkt",
  Measure: "Die Maßnahme",
  Meeting: "Die Sitzung",
  Membership: "Die Mitgliedschaft",
  "Minutes of meeting": "Die Niederschrift der Sitzung",
  Objection: "Der Einwand",
  Paper: "Die Vorlage",
  Person: "Die Person",
  Plan: "Der Plan",
  Resolution: "Der Beschluss",
  Term: "Die Amtszeit",
  Token: "Das Token",
  "Written procedure": "Das schriftliche Verfahren",
};

/** The record does not exist, or the actor may not know that it does. */
export const notFound = (what: keyof typeof RECORD_NAMES, id: string) =>
  new Problem("not_found", `${RECORD_NAMES[what] ?? what} ${id} gibt es nicht.`);
