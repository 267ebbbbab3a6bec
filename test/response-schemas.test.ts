import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import type { App } from "../src/app";
import { createRouter, defineRoute, jsonResponse } from "../src/http/openapi";
import { assertDeclaredResponse } from "./helpers/response-schemas";

/** A one-operation app whose handler answers `body`. */
function appAnswering(body: unknown) {
  const route = defineRoute("public", {
    method: "get",
    path: "/api/v1/things/{id}",
    responses: { 200: jsonResponse(z.object({ id: z.string(), tags: z.array(z.object({ name: z.string() })) }), "A thing") },
  });
  const app = createRouter();
  app.use("*", async (c, next) => {
    c.set("principal", { kind: "anonymous" });
    await next();
  });
  return app.openapi(route, (c) => c.json(body as never, 200)) as unknown as App;
}

const check = async (body: unknown) => {
  const app = appAnswering(body);
  await assertDeclaredResponse(app, "GET", "/api/v1/things/1", await app.request("/api/v1/things/1"));
};

describe("the check of every API answer against its declared schema", () => {
  it("accepts an answer that is exactly what the schema declares", async () => {
    await expect(check({ id: "1", tags: [{ name: "a" }] })).resolves.toBeUndefined();
  });

  it("refuses a field the schema does not name, also deep inside", async () => {
    await expect(check({ id: "1", tags: [], secret: "x" })).rejects.toThrow(/does not name body\.secret/);
    await expect(check({ id: "1", tags: [{ name: "a", hidden: true }] })).rejects.toThrow(/does not name body\.tags\[0\]\.hidden/);
  });

  it("refuses an answer of the wrong shape", async () => {
    await expect(check({ id: 1, tags: [] })).rejects.toThrow(/does not match its declared schema/);
  });
});
