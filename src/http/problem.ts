import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "@hono/zod-openapi";
import { ConstraintError } from "../db/database";
import { PROBLEM_CODES, Problem, type FieldError, type ProblemCode } from "../errors";

/** The HTTP status of each problem code. */
const STATUS: Record<ProblemCode, number> = {
  invalid_request: 400,
  malformed_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  internal: 500,
  unavailable: 503,
};

const TITLES: Record<ProblemCode, string> = {
  invalid_request: "Invalid request",
  malformed_json: "Malformed JSON",
  unauthenticated: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  precondition_failed: "Precondition failed",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  unprocessable: "Unprocessable content",
  precondition_required: "Precondition required",
  internal: "Internal server error",
  unavailable: "Service unavailable",
};

/** The detail of a problem that the framework raised, in German like every other detail. */
const GERMAN_DETAILS: Record<ProblemCode, string> = {
  invalid_request: "Die Anfrage ist ungültig.",
  malformed_json: "Der Inhalt der Anfrage ist kein gültiges JSON.",
  unauthenticated: "Eine Anmeldung ist erforderlich.",
  forbidden: "Dieser Vorgang ist nicht erlaubt.",
  not_found: "Das Gesuchte gibt es nicht.",
  method_not_allowed: "Diese Methode ist hier nicht erlaubt.",
  conflict: "Der Vorgang steht im Widerspruch zum aktuellen Stand.",
  precondition_failed: "Der Datensatz wurde inzwischen geändert.",
  payload_too_large: "Der Inhalt der Anfrage ist zu groß.",
  unsupported_media_type: "Dieses Format wird nicht unterstützt.",
  unprocessable: "Die Angaben verletzen eine Regel.",
  precondition_required: "Eine Vorbedingung (If-Match) ist erforderlich.",
  internal: "Ein unerwarteter Fehler ist aufgetreten.",
  unavailable: "Der Dienst ist vorübergehend nicht verfügbar.",
};

/** The HTTP status of a problem. */
export const statusOf = (problem: Problem) => STATUS[problem.code];

export const ZProblem = z
  .object({
    type: z
      .string()
      .openapi({ example: "urn:gremium:problem:invalid_request", description: "A stable code; see the list of problem codes." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  })
  .passthrough()
  .openapi("Problem");

export function problemBody(problem: Problem, instance?: string) {
  return {
    type: `urn:gremium:problem:${problem.code}`,
    title: TITLES[problem.code],
    status: statusOf(problem),
    detail: problem.detail,
    ...(instance ? { instance } : {}),
    ...problem.extra,
  };
}

export function problemResponse(problem: Problem, instance?: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(problem, instance)), {
    status: statusOf(problem),
    headers: { "content-type": "application/problem+json; charset=utf-8", ...headers },
  });
}

/** Maps anything thrown to a Problem. Unknown errors become a 500 that says nothing about their cause. */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof ConstraintError) {
    if (error.constraint === "unique") return new Problem("conflict", "Ein Datensatz mit demselben eindeutigen Wert besteht bereits.");
    if (error.constraint === "check")
      return new Problem("conflict", "Die Daten haben sich während der Anfrage geändert; bitte neu laden und erneut versuchen.");
    return new Problem("conflict", "Die Änderung verweist auf einen Datensatz, den es nicht gibt oder auf den noch verwiesen wird.");
  }
  if (error instanceof HTTPException) {
    if (error.status === 400 && /JSON/i.test(error.message))
      return new Problem("malformed_json", "Der Inhalt der Anfrage ist kein gültiges JSON.");
    if (error.status === 413) return new Problem("payload_too_large", "Der Inhalt der Anfrage ist zu groß.");
    if (error.status === 401) return new Problem("unauthenticated", "Ein gültiges Token ist erforderlich.");
    const code = PROBLEM_CODES.find((key) => STATUS[key] === error.status);
    if (code && error.status < 500) return new Problem(code, GERMAN_DETAILS[code]);
  }
  return new Problem("internal", "Ein unerwarteter Fehler ist aufgetreten. Er wurde protokolliert.");
}

/** Hono's `onError`: logs what is unexpected, answers with problem+json. */
export function handleError(error: Error, c: Context): Response {
  const problem = toProblem(error);
  if (statusOf(problem) >= 500) console.error("Unhandled error", c.req.method, c.req.path, error);
  return problemResponse(problem, c.req.path);
}

/** Turns zod issues into field errors; `prefix` names the part of the request (query, path). */
export function fieldErrors(issues: z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body",
    reason: issue.message,
  }));
}
