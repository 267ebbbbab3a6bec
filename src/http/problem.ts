import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "@hono/zod-openapi";
import { ConstraintError } from "../db/database";

/** What went wrong, as a stable code; each maps to one HTTP status. */
export const ProblemCode = {
  /** The request body, query or path failed validation; `errors` names the fields. */
  invalid_request: 400,
  /** The request body is not valid JSON. */
  malformed_json: 400,
  /** No or an unknown/expired bearer token where the route needs one. */
  unauthenticated: 401,
  /** The caller's role or scope does not allow this operation. */
  forbidden: 403,
  /** No such route or record (or the caller may not know it exists). */
  not_found: 404,
  /** The method is not allowed on this resource. */
  method_not_allowed: 405,
  /** The write conflicts with the current state of other records. */
  conflict: 409,
  /** The `If-Match` version is not the current one: someone else changed the record first. */
  precondition_failed: 412,
  /** The request body exceeds the size limit. */
  payload_too_large: 413,
  /** The request body is not `application/json`. */
  unsupported_media_type: 415,
  /** The input is well-formed but breaks a rule of the domain; `errors` names the fields. */
  unprocessable: 422,
  /** An update or delete came without `If-Match`. */
  precondition_required: 428,
  /** Something failed on our side; the body reveals nothing internal. */
  internal: 500,
  /** A dependency such as the database is not available. */
  unavailable: 503,
} as const;
export type ProblemCode = keyof typeof ProblemCode;

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

export interface FieldError {
  /** Where the problem is, as a dotted path such as `email` or `body.name`. */
  field: string;
  /** Why the value is refused. */
  reason: string;
}

/** The one error type services and handlers throw; the error handler turns it into problem+json. */
export class Problem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
    this.name = "Problem";
  }

  get status(): number {
    return ProblemCode[this.code];
  }
}

/** Shorthand for a 422 on one field. */
export const fieldProblem = (field: string, reason: string, code: ProblemCode = "unprocessable") =>
  new Problem(code, reason, { errors: [{ field, reason }] });

export const notFound = (what: string, id: string) => new Problem("not_found", `${what} ${id} does not exist.`);

export const ZProblem = z
  .object({
    type: z.string().openapi({ example: "urn:gremium:problem:invalid_request", description: "A stable code; see the list of problem codes." }),
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
    status: problem.status,
    detail: problem.detail,
    ...(instance ? { instance } : {}),
    ...problem.extra,
  };
}

export function problemResponse(problem: Problem, instance?: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(problem, instance)), {
    status: problem.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...headers },
  });
}

/** Maps anything thrown to a Problem. Unknown errors become a 500 that says nothing about their cause. */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof ConstraintError) {
    if (error.constraint === "unique") return new Problem("conflict", "A record with the same unique value exists already.");
    if (error.constraint === "check") return new Problem("conflict", "The data changed while the request was processed; reload it and try again.");
    return new Problem("conflict", "The write refers to a record that does not exist or is still referenced.");
  }
  if (error instanceof HTTPException) {
    if (error.status === 400 && /JSON/i.test(error.message)) return new Problem("malformed_json", "The request body is not valid JSON.");
    if (error.status === 413) return new Problem("payload_too_large", error.message || "The request body is too large.");
    if (error.status === 401) return new Problem("unauthenticated", error.message || "A valid bearer token is required.");
    const code = (Object.keys(ProblemCode) as ProblemCode[]).find((key) => ProblemCode[key] === error.status);
    if (code && error.status < 500) return new Problem(code, error.message || TITLES[code]);
  }
  return new Problem("internal", "An unexpected error occurred. It has been logged.");
}

/** Hono's `onError`: logs what is unexpected, answers with problem+json. */
export function handleError(error: Error, c: Context): Response {
  const problem = toProblem(error);
  if (problem.status >= 500) console.error("Unhandled error", c.req.method, c.req.path, error);
  return problemResponse(problem, c.req.path);
}

/** Turns zod issues into field errors; `prefix` names the part of the request (query, path). */
export function fieldErrors(issues: z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body",
    reason: issue.message,
  }));
}
