import { OpenAPIHono, createRoute, z, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { hasAccess, type Access } from "../auth/principal";
import type { AppEnv } from "./context";
import { Problem } from "../errors";
import { ZProblem, fieldErrors } from "./problem";

/** A router whose validation errors all become one problem+json shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new Problem("invalid_request", "Die Anfrage enthält ungültige Felder.", {
          errors: fieldErrors(result.error.issues, result.target === "json" ? undefined : result.target),
        });
      }
    },
  });
}

/** Refuses request bodies over `bytes` with 413. */
export function requestSizeLimit(bytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: bytes,
    onError: () => {
      throw new Problem("payload_too_large", `Der Inhalt der Anfrage ist größer als ${bytes} Bytes.`);
    },
  });
}

/** Lets the request through only with at least the given role: 401 without a token, 403 with too little. */
export function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get("principal");
    if (!hasAccess(principal, access)) {
      if (principal.kind === "anonymous") {
        throw new Problem("unauthenticated", "Dieser Vorgang braucht ein Token.", {});
      }
      throw new Problem("forbidden", `This operation needs the ${access} role.`);
    }
    await next();
  };
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ZProblem } },
});

const WRITE_METHODS = new Set(["post", "put", "patch", "delete"]);

/**
 * Defines an operation with the role it requires. The role is enforced by middleware, listed as
 * `x-required-role`, and the shared error responses are added to the document.
 */
export function defineRoute<const R extends Omit<RouteConfig, "middleware" | "security">>(
  access: Access,
  route: R,
  ...middleware: MiddlewareHandler<AppEnv>[]
) {
  const hasId = /\{id\}/.test(route.path);
  const hasBody = Boolean(route.request?.body);
  const isWrite = WRITE_METHODS.has(route.method);
  const versioned = Boolean(route.request?.headers);
  return createRoute({
    ...route,
    middleware: [requireAccess(access), ...middleware] as const,
    ...(access === "public" ? {} : { security: [{ bearer: [] }] }),
    "x-required-role": access,
    responses: {
      ...route.responses,
      400: problem("Invalid request: `errors` lists each field and the reason."),
      ...(access === "public"
        ? {}
        : { 401: problem("No valid bearer token."), 403: problem("The token's role or scope does not allow this.") }),
      ...(hasId ? { 404: problem("No such record.") } : {}),
      ...(isWrite
        ? { 409: problem("The write conflicts with other records."), 422: problem("A rule of the domain refuses the input.") }
        : {}),
      ...(hasBody ? { 413: problem("The request body is too large."), 415: problem("The request body must be application/json.") } : {}),
      ...(versioned ? { 412: problem("The If-Match version is stale."), 428: problem("If-Match is missing.") } : {}),
      500: problem("Unexpected error; the body reveals nothing internal."),
    },
  });
}

/** A JSON request body that is required, so that a missing or non-JSON body is refused. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** A JSON response. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A JSON response of one versioned record, with its ETag. */
export const recordResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  ...jsonResponse(schema, description),
  headers: { ETag: { description: "The record's version, for If-Match.", schema: { type: "string" as const } } },
});

/** Path parameter `id`. */
export const ZIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});

/**
 * Header parameter `If-Match`, required for updates and deletes. The schema lets a missing header through, so
 * that the handler answers 428 (RFC 6585) rather than a validation error; the document marks it required.
 */
export const ZIfMatchHeader = z.object({
  "if-match": z
    .string()
    .optional()
    .openapi({ param: { name: "if-match", in: "header", required: true }, description: "The ETag from GET; required.", example: '"1"' }),
});

/** Header parameter `If-Match` where it is needed only once the record exists (a first write creates it). */
export const ZOptionalIfMatchHeader = z.object({
  "if-match": z
    .string()
    .optional()
    .openapi({ param: { name: "if-match", in: "header" }, description: "The ETag from GET, once the record exists.", example: '"1"' }),
});
