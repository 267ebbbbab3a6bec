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
    expect(doc.paths["/api/v1/people"].post.responses["400"].content["application/problem+json"].schema).toEqual({
      $ref: "#/components/schemas/Problem",
    });
    expect(doc.components.schemas.Problem.required).toEqual(expect.arrayContaining(["type", "title", "status", "detail"]));
    expect(doc.components.schemas.PersonCreate.required).toEqual(expect.arrayContaining(["bodyId", "givenName", "familyName"]));
    const patch = doc.paths["/api/v1/people/{id}"].patch;
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "409", "412", "422", "428"]));
    expect(patch.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "if-match", in: "header" })]));
    const members = doc.paths["/api/v1/committees/{id}/members"].get;
    expect(members["x-required-role"]).toBe("public");
    expect(members.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "at", in: "query" })]));
    // If-Match is required wherever the server requires it; only the writes that create or replace take it optionally:
    // the follow-up of a recommendation, the value of a figure for a period, and the integration report of a year.
    const optional: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(item)) {
        const header = (op.parameters ?? []).find((p: { name: string }) => p.name === "if-match");
        if (header && !header.required) optional.push(`${method} ${path}`);
      }
    }
    expect(optional.sort()).toEqual([
      "put /api/v1/bodies/{id}/integration-reports/{year}",
      "put /api/v1/figures/{id}/values/{period}",
      "put /api/v1/resolutions/{id}/follow-up",
    ]);
    // Every response of every operation names its schema: no open object stands in for one.
    const open: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
          const schema = response.content?.["application/json"]?.schema;
          const resolved = schema?.$ref ? doc.components.schemas[schema.$ref.split("/").at(-1)] : schema;
          if (resolved?.type === "object" && !resolved.properties) open.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(open).toEqual([]);
  });

  it("serves the reference at /docs as HTML rendered from the same document, without script", async () => {
    const { request } = createTestApp();
    const response = await request("GET", "/docs");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toContain("<script");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'none'");
    const document = await (await request("GET", "/openapi.json")).json();
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item))
        expect(html, `${method} ${path}`).toContain(`${method.toUpperCase()} ${path.replaceAll("&", "&amp;")}`);
    }
    for (const name of Object.keys(document.components.schemas)) {
      expect(html, name).toContain(`id="schema-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}"><code>${name}</code>`);
    }
    expect(html).toContain('<div lang="en">');
  });
});
