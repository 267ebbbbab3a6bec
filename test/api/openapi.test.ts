import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createTestApp, json } from "../helpers/test-app";

describe("API reference", () => {
  it("serves an OpenAPI 3.1 document that an independent validator accepts", async () => {
    const { request } = createTestApp();
    const response = await request("GET", "/openapi.json");
    expect(response.status).toBe(200);
    const doc = await json(response);
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents the validation schemas, the roles and the error shape", async () => {
    const { request } = createTestApp();
    const doc = await json(await request("GET", "/openapi.json"));
    expect(doc.paths["/api/v1/people"].post["x-required-role"]).toBe("secretariat");
    expect(doc.paths["/api/v1/people"].post.responses["400"].content["application/problem+json"]).toBeDefined();
    expect(doc.components.schemas.PersonCreate.required).toEqual(expect.arrayContaining(["bodyId", "givenName", "familyName"]));
    expect(doc.paths["/api/v1/people/{id}"].patch.responses["412"]).toBeDefined();
    expect(doc.paths["/api/v1/committees/{id}/members"].get).toBeDefined();
  });

  it("serves an interactive reference at /docs", async () => {
    const { request } = createTestApp();
    const response = await request("GET", "/docs");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("/openapi.json");
    expect(html).toMatch(/swagger/i);
  });
});
