import { describe, expect, it } from "vitest";
import { ONE_MEMBER, scenario } from "../helpers/scenario";

type Role = "public" | "member" | "secretariat" | "admin";
const RANK: Record<Role, number> = { public: 0, member: 1, secretariat: 2, admin: 3 };
const ROLES = Object.keys(RANK) as Role[];

/**
 * What each role gets from each operation of the OpenAPI document, called with an id that names nothing and an
 * empty body: below the operation's `x-required-role`, 401 (no token) or 403; at or above it, the request passes
 * the role check and meets the record lookup (404), the validation of the empty body (400), or the list (200).
 */
function expected(op: Operation, role: Role): number {
  if (RANK[role] < RANK[op.role]) return role === "public" ? 401 : 403;
  const special = EXCEPTIONS[`${op.method} ${op.path}`]?.[role];
  if (special !== undefined) return special;
  if (op.needsInput) return 400;
  if (op.path.includes("{")) return 404;
  return op.method === "GET" ? 200 : 400;
}

interface Operation {
  method: string;
  path: string;
  role: Role;
  /** A required field of the JSON body or a required query parameter: the empty request fails validation first. */
  needsInput: boolean;
}

/** How many fields the operation's JSON body requires (its schema may be a reference to a component). */
function requiredFields(doc: any, op: DocumentedOperation): number {
  let schema = op.requestBody?.content?.["application/json"]?.schema;
  if (schema?.$ref) schema = doc.components.schemas[schema.$ref.split("/").at(-1)];
  return schema?.required?.length ?? 0;
}

interface DocumentedOperation {
  "x-required-role": Role;
  requestBody?: { content?: Record<string, { schema?: any }> };
  parameters?: { in: string; required?: boolean }[];
}

/** Operations whose answer to an empty request differs from the rule above, and why. */
const EXCEPTIONS: Record<string, Partial<Record<Role, number>>> = {
  // Personal feeds belong to members; the token of the secretariat or an admin names no person.
  "POST /api/v1/calendar-feeds": { member: 201, secretariat: 403, admin: 403 },
  "DELETE /api/v1/calendar-feeds": { member: 204, secretariat: 403, admin: 403 },
  // A feed's address carries its secret, which has a fixed form.
  "GET /api/v1/calendar-feeds/{token}": { public: 400, member: 400, secretariat: 400, admin: 400 },
  // Only members object, each with their own access; the service says so before it looks the procedure up.
  "POST /api/v1/written-procedures/{id}/objections": { secretariat: 403, admin: 403 },
  // A report's year has the form of a year; the id that names nothing does not.
  "GET /api/v1/bodies/{id}/integration-reports/{year}": { public: 400, member: 400, secretariat: 400, admin: 400 },
  // The import takes CSV only, and says so before it looks the body up.
  "POST /api/v1/bodies/{id}/figures/import": { secretariat: 415, admin: 415 },
  // Loading the demo municipality takes no body; the scenario's database holds a body already.
  "POST /api/v1/demo-data": { admin: 409 },
};

describe("the role matrix of every operation", () => {
  it("gives each role what the operation's x-required-role says", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const doc = await t.as("public").get("/openapi.json");
    const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, DocumentedOperation>>).flatMap(
      ([path, item]) =>
        Object.entries(item).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          role: op["x-required-role"],
          // A PATCH must change something, so its empty body is refused too.
          needsInput:
            method === "patch" || requiredFields(doc, op) > 0 || Boolean(op.parameters?.some((p) => p.in === "query" && p.required)),
        })),
    );
    expect(operations.length).toBeGreaterThan(80);
    const tokens: Record<Role, string | undefined> = {
      public: undefined,
      member: t.tokens.member,
      secretariat: t.tokens.secretariat,
      admin: t.tokens.admin,
    };
    const mismatches: string[] = [];
    for (const op of operations) {
      // A portal page's key is one of five names; every other parameter is an id that names nothing.
      const path = op.path.replace("{key}", "imprint").replace(/\{[^}]+\}/g, "00000000-0000-4000-8000-000000000000");
      for (const role of ROLES) {
        const body = op.method === "GET" || op.method === "DELETE" ? undefined : {};
        const response = await t.request(op.method, path, { token: tokens[role], body, headers: { "if-match": '"1"' } });
        const want = expected(op, role);
        if (response.status !== want) mismatches.push(`${role} ${op.method} ${op.path}: ${response.status}, expected ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
