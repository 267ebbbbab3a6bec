import { describe, expect, it } from "vitest";
import { crawl, demoPortal, demoSecrets } from "../helpers/portal";

describe("the public portal", () => {
  it("shows the public nothing non-public, on any page a visitor can reach, the API's documents included", async () => {
    const { app, db } = await demoPortal();
    const pages = await crawl((path) => app.request(path));
    const html = [...pages.values()].map((page) => page.html).join("\n");
    expect(pages.size).toBeGreaterThan(40);
    // Every link leads somewhere: no page, document or feed the portal links to is missing or fails.
    expect([...pages.entries()].filter(([, page]) => page.status !== 200).map(([path, page]) => `${page.status} ${path}`)).toEqual([]);

    const { secretItems, secretPapers, secretResolutions } = await demoSecrets(db);
    for (const item of secretItems) {
      expect(html, item.title).not.toContain(item.title);
    }
    for (const paper of secretPapers) {
      expect(html, paper.title).not.toContain(paper.title);
      // A paper number, not the tail of a resolution number such as IA/2026/003.
      expect(html).not.toMatch(new RegExp(`(?<![A-Z]/)${paper.number}`));
    }
    for (const resolution of secretResolutions) {
      expect(html).not.toContain(resolution.number);
      expect(html).not.toContain(resolution.text);
    }
    // A non-public part is mentioned, but without its number of items.
    expect(html).toContain("Die Sitzung hat auch einen nichtöffentlichen Teil");
    expect(html).not.toMatch(/\bN \d+\b/);
  });

  it("answers with security headers, a short cache and an ETag; a stale ETag gets 304", async () => {
    const { app } = await demoPortal();
    const response = await app.request("/sitzungen");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'none'/);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = response.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await app.request("/sitzungen", { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await app.request("/sitzungen/unknown")).status).toBe(404);
    expect((await app.request("/api/v1/unknown")).headers.get("content-type")).toMatch(/problem\+json/);
    const css = await app.request("/static/kern/kern.min.css?v=test");
    expect(css.status).toBe(200);
    expect(css.headers.get("cache-control")).toContain("immutable");
    expect((await app.request("/static/../package.json")).status).toBe(404);
  });
});
