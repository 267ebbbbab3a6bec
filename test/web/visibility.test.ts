import { describe, expect, it } from "vitest";
import { paperNumber } from "../../src/rules/papers";
import { resolutionNumber } from "../../src/rules/resolutions";
import { crawl, demoPortal } from "../helpers/portal";

describe("the public portal", () => {
  it("shows the public nothing non-public, on any page a visitor can reach, the API's documents included", async () => {
    const { app, db } = await demoPortal();
    const pages = await crawl((path) => app.request(path));
    const html = [...pages.values()].map((page) => page.html).join("\n");
    expect(pages.size).toBeGreaterThan(40);
    // Every link leads somewhere: no page, document or feed the portal links to is missing or fails.
    expect([...pages.entries()].filter(([, page]) => page.status !== 200).map(([path, page]) => `${page.status} ${path}`)).toEqual([]);

    // What the demo holds that the public must not see: non-public items and papers, unannounced resolutions.
    const secretItems = await db.prisma.agendaItem.findMany({ where: { isPublic: false } });
    const secretPapers = await db.prisma.paper.findMany({ where: { isPublic: false } });
    const committees = new Map((await db.prisma.committee.findMany()).map((c) => [c.id, c.shortName]));
    const secretResolutions = await db.prisma.resolution.findMany({ where: { isPublic: false, announcedAt: null } });
    expect(secretItems.length).toBeGreaterThan(0);
    expect(secretPapers.length + secretResolutions.length).toBeGreaterThan(0);
    const publicTitles = new Set((await db.prisma.agendaItem.findMany({ where: { isPublic: true } })).map((i) => i.title));
    // An announced resolution's wording is public (§35 (1) GemO), even where it names its non-public item.
    const announced = (await db.prisma.resolution.findMany({ where: { isPublic: false, announcedAt: { not: null } } })).map((r) => r.text);
    const secret = secretItems.filter(
      (i) =>
        !publicTitles.has(i.title) && !/^(Niederschrift|Verschiedenes)/.test(i.title) && !announced.some((text) => text.includes(i.title)),
    );
    expect(secret.length).toBeGreaterThan(0);
    for (const item of secret) {
      expect(html, item.title).not.toContain(item.title);
    }
    for (const paper of secretPapers) {
      expect(html, paper.title).not.toContain(paper.title);
      // A paper number, not the tail of a resolution number such as IA/2026/003.
      expect(html).not.toMatch(new RegExp(`(?<![A-Z]/)${paperNumber(paper.year, paper.serial)}`));
    }
    for (const resolution of secretResolutions) {
      expect(html).not.toContain(resolutionNumber(committees.get(resolution.committeeId)!, resolution.year, resolution.serial));
      expect(html).not.toContain(resolution.text.split("\n")[0]!.slice(0, 60));
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
