import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, createTestApp, json } from "../helpers/test-app";

const BODIES: unknown[] = [{}, { name: 42, id: [], startsAt: "gestern", limit: -1 }, [], "null", { __proto__: { admin: true } }];

describe("bad input never gets a 500", () => {
  it("walks every operation with unknown ids, bad queries and wrong bodies, as admin", async () => {
    const { request } = createTestApp();
    const doc = await json(await request("GET", "/openapi.json"));
    const failures: string[] = [];
    for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) {
        const path = template.replace(/\{[^}]+\}/g, "does-not-exist");
        for (const query of ["", "?limit=abc&cursor=&at=2025-02-30&from=x&to=y&q=%22&staleMonths=-3&part=x&variant=x"]) {
          const bodies = method === "get" ? [undefined] : BODIES;
          for (const body of bodies) {
            const response = await request(method.toUpperCase(), `${path}${query}`, {
              token: ADMIN_TOKEN,
              body,
              headers: { "if-match": '"1"' },
            });
            if (response.status >= 500)
              failures.push(
                `${method.toUpperCase()} ${path}${query} ${JSON.stringify(body)} → ${response.status} ${await response.text()}`,
              );
            else if (response.status >= 400) expect(response.headers.get("content-type"), `${method} ${path}`).toMatch(/problem\+json/);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
