/**
 * The portal in a real browser: Debian's Chromium through playwright-core (no browser download). Every page type,
 * filled with the demo data, is checked with axe-core for WCAG 2.1 AA and best practice, with the keyboard, at
 * 320 px width, with JavaScript off, and with html-validate.
 */
import AxeBuilder from "@axe-core/playwright";
import { HtmlValidate } from "html-validate";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../src/services/accounts/accounts";
import { createServiceContext } from "../../src/services/context";
import { berlinDateOf } from "../../src/rules/calendar";
import { servedDemoPortal } from "../helpers/portal";

let browser: Browser;
let portal: Awaited<ReturnType<typeof servedDemoPortal>>;
const pageTypes: Record<string, string> = {};
let setPasswordPath = "";

beforeAll(async () => {
  portal = await servedDemoPortal();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  console.log(`Browser: Chromium ${browser.version()}`);
  const db = portal.db.prisma;
  const published = await db.meeting.findFirstOrThrow({ where: { minutes: { is: { state: "published" } } }, orderBy: { startsAt: "asc" } });
  const item = await db.agendaItem.findFirstOrThrow({ where: { meetingId: published.id, isPublic: true, paperId: { not: null } } });
  const measure = await db.measure.findFirstOrThrow({ where: { links: { some: {} } }, include: { links: true } });
  const resolution = await db.resolution.findFirstOrThrow({
    where: { isPublic: true, id: { in: measure.links.map((l) => l.resolutionId) } },
  });
  const committee = await db.committee.findFirstOrThrow({ where: { name: "Integrationsbeirat" } });
  const recommendation = await db.recommendationFollowUp.findFirstOrThrow({ where: { receivingResolutionId: { not: null } } });
  const person = await db.membership.findFirstOrThrow({ where: { committeeId: committee.id } });
  const admin = createServiceContext(portal.db, { kind: "admin", tokenId: null, name: "test" }, new Date());
  const created = await createAccount(admin, { email: "athina@remsfeld.example", role: "member", personId: person.personId });
  setPasswordPath = created.setPasswordPath;
  Object.assign(pageTypes, {
    start: "/",
    calendar: "/sitzungen",
    meeting: `/sitzungen/${published.id}`,
    item: `/sitzungen/${published.id}/top/${item.id}`,
    minutes: `/sitzungen/${published.id}/niederschrift`,
    paper: `/vorlagen/${item.paperId}`,
    committees: "/gremien",
    committee: `/gremien/${committee.id}`,
    person: `/personen/${person.personId}`,
    resolutions: "/beschluesse",
    resolution: `/beschluesse/${resolution.id}`,
    plans: "/integrationsplan",
    "integration reports": "/integrationsbericht",
    "integration report": `/integrationsbericht/${Number(berlinDateOf(new Date()).slice(0, 4)) - 1}`,
    plan: `/integrationsplan/${measure.planId}`,
    measure: `/massnahmen/${measure.id}`,
    papers: "/vorlagen",
    "minutes list": "/niederschriften",
    recommendation: `/beschluesse/${recommendation.recommendationId}`,
    "api reference": "/docs",
    search: "/suche?q=Kita",
    "search by number": "/suche?q=Vorlage%202025/001",
    "search without hits": "/suche?q=Zeppelinhafen",
    "search with an error": "/suche?q=Kita&von=2026-02-30",
    accessibility: "/barrierefreiheit",
    "easy language": "/leichte-sprache",
    "sign language": "/gebaerdensprache",
    imprint: "/impressum",
    privacy: "/datenschutz",
    "not found": "/gibt-es-nicht",
    "sign in": "/anmelden",
    "forgotten password": "/passwort-vergessen",
    "set password": setPasswordPath,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

describe("the portal in Chromium", () => {
  it("has no axe violations (WCAG 2.1 A/AA and best practice) on any page type, and no console errors", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    // The 404 page and the refused search report their own status in the console; nothing else may.
    page.on("console", (message) => {
      const source = message.location().url;
      const expected = [pageTypes["not found"], pageTypes["search with an error"]].some((address) => source.endsWith(address!));
      if (message.type() === "error" && !expected) consoleErrors.push(`${source}: ${message.text()}`);
    });
    const results: Record<string, number> = {};
    for (const [type, address] of Object.entries(pageTypes)) {
      const response = await page.goto(portal.origin + address);
      expect(response!.status(), type).toBe(type === "not found" ? 404 : type === "search with an error" ? 400 : 200);
      expect(await page.getAttribute("html", "lang")).toBe("de");
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      results[type] = axe.violations.length;
      expect(
        axe.violations.map((v) => `${type}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        type,
      ).toEqual([]);
    }
    console.log("axe violations per page type:", JSON.stringify(results));
    expect(consoleErrors).toEqual([]);
    await context.close();
  }, 180_000);

  it("starts with the skip link, shows the focus, and reaches the content by keyboard", async () => {
    const page = await browser.newPage();
    await page.goto(`${portal.origin}${pageTypes.meeting}`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe("solid");
    expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("inhalt");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe("solid");
    await page.close();
  });

  it("has no horizontal scrolling at 320 px, on any page type", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const [type, address] of Object.entries(pageTypes)) {
      await page.goto(portal.origin + address);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      if (scroll! > client!) wide.push(`${type}: ${scroll} > ${client}`);
    }
    expect(wide).toEqual([]);
    const shots = path.join(tmpdir(), "gremium-screenshots");
    mkdirSync(shots, { recursive: true });
    await page.goto(`${portal.origin}${pageTypes.meeting}`);
    await page.screenshot({ path: path.join(shots, "meeting-320.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(shots, "meeting-1280.png"), fullPage: true });
    console.log(`Screenshots of the meeting page: ${shots}`);
    await context.close();
  }, 120_000);

  it("works with JavaScript off: every page type shows its content, and the filters submit", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [type, address] of Object.entries(pageTypes)) {
      await page.goto(portal.origin + address);
      expect((await page.textContent("h1"))?.trim(), type).toBeTruthy();
    }
    await page.goto(`${portal.origin}/suche`);
    await page.fill("#q", "Kita");
    await page.click("button[type=submit]");
    expect(page.url()).toContain("/suche?");
    expect(await page.textContent("main")).toMatch(/Treffer für „Kita“/);
    await context.close();
  }, 120_000);

  it("sets a password and signs in over plain HTTP on a loopback address, with the __Host- cookie, then signs out", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(portal.origin + setPasswordPath);
    await page.fill("#password", "Hafenkräne im Abendlicht 7");
    await page.fill("#repeat", "Hafenkräne im Abendlicht 7");
    await page.click("button[type=submit]");
    expect(new URL(page.url()).pathname).toBe("/anmelden");
    expect(await page.textContent("main")).toContain("Ihr Passwort ist gesetzt.");
    await page.fill("#email", "athina@remsfeld.example");
    await page.fill("#password", "Hafenkräne im Abendlicht 7");
    await page.click("button[type=submit]");
    expect(new URL(page.url()).pathname).toBe("/konto");
    const [cookie] = await context.cookies();
    // The rule for development: browsers treat loopback origins as secure, so they keep Secure __Host- cookies.
    expect(cookie).toMatchObject({ name: "__Host-gremium_session", httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(await page.textContent("main")).toContain("Diese Sitzung");
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.fill("#two-factor-password", "Hafenkräne im Abendlicht 7");
    await page.click("form[action='/konto/zwei-faktor/start'] button");
    expect(new URL(page.url()).pathname).toBe("/konto/zwei-faktor");
    expect(await page.getAttribute("svg.qr-code", "aria-label")).toMatch(/^QR-Code/);
    const setupAxe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(setupAxe.violations.map((v) => v.id)).toEqual([]);
    // The members' area, in the header once signed in: axe-clean, and readable at 320 px.
    await page.goto(`${portal.origin}/`);
    await page.locator("header").getByRole("link", { name: "Mein Bereich" }).click();
    expect(new URL(page.url()).pathname).toBe("/mitglieder");
    const areaAxe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(areaAxe.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.click("form[action='/mitglieder/kalender'] button");
    expect(await page.locator("a[href^='webcal://']").count()).toBe(1);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: path.join(tmpdir(), "gremium-screenshots", "members-320.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${portal.origin}/konto`);
    await page.click("form[action='/abmelden'] button");
    expect(new URL(page.url()).pathname).toBe("/anmelden");
    expect(await context.cookies()).toEqual([]);
    await context.close();
  }, 60_000);

  it("transfers under 150 KB on the first visit of the start page, compressed, with fonts for the page's script only", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const transfers: Promise<[string, number]>[] = [];
    page.on("requestfinished", (request) =>
      transfers.push(request.sizes().then((sizes) => [request.url(), sizes.responseBodySize + sizes.responseHeadersSize])),
    );
    await page.goto(`${portal.origin}/`, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    const sizes = await Promise.all(transfers);
    const total = sizes.reduce((sum, [, bytes]) => sum + bytes, 0);
    console.log(`First visit of the start page: ${sizes.length} requests, ${(total / 1024).toFixed(1)} KB`);
    expect(total).toBeLessThan(150 * 1024);
    expect(sizes.filter(([url]) => url.endsWith(".woff2")).every(([url]) => url.includes("-latin."))).toBe(true);
    // A name in Greek or Cyrillic loads that script's part of the font.
    const fonts: string[] = [];
    page.on("request", (request) => fonts.push(request.url()));
    await page.goto(`${portal.origin}/suche?q=${encodeURIComponent("Παπαδόπουλος Шевченко")}`, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.some((url) => url.includes("-greek."))).toBe(true);
    expect(fonts.some((url) => url.includes("-cyrillic."))).toBe(true);
    await context.close();
  }, 60_000);

  it("takes a new visitor from the start along a paper's route to the other body's result and the minutes, a click a step", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
    const page = await context.newPage();
    const db = portal.db.prisma;
    const followUp = await db.recommendationFollowUp.findFirstOrThrow({ where: { receivingResolutionId: { not: null } } });
    const receiving = await db.resolution.findUniqueOrThrow({ where: { id: followUp.receivingResolutionId! } });
    const paper = await db.paper.findUniqueOrThrow({ where: { id: receiving.paperId! } });
    const click = async (name: string | RegExp, scope = "main") => {
      await page.locator(scope).getByRole("link", { name }).first().click();
      await page.waitForLoadState();
    };
    await page.goto(`${portal.origin}/`);
    await click("Vorlagen", "header");
    expect(new URL(page.url()).pathname).toBe("/vorlagen");
    await click(new RegExp(`^${paper.year}/${String(paper.serial).padStart(3, "0")}`));
    expect(new URL(page.url()).pathname).toBe(`/vorlagen/${paper.id}`);
    // The route: every consultation with its outcome.
    const route = await page.locator("table").textContent();
    expect(route).toContain("Integrationsbeirat");
    expect(route).toContain("Integrationsausschuss");
    expect(route).toMatch(/Behandlung: übernommen/);
    await click(/^Empfehlung an Integrationsausschuss/);
    expect(new URL(page.url()).pathname).toBe(`/beschluesse/${followUp.recommendationId}`);
    expect(await page.locator("main").textContent()).toContain("Was aus der Empfehlung wurde");
    await click(new RegExp(`IA/${receiving.year}/${String(receiving.serial).padStart(3, "0")}`));
    expect(new URL(page.url()).pathname).toBe(`/beschluesse/${receiving.id}`);
    await click(/Sitzung, /);
    expect(new URL(page.url()).pathname).toBe(`/sitzungen/${receiving.meetingId}`);
    await click("Niederschrift, öffentlicher Teil");
    expect(new URL(page.url()).pathname).toBe(`/sitzungen/${receiving.meetingId}/niederschrift`);
    expect(await page.locator("main").textContent()).toContain(`IA/${receiving.year}/${String(receiving.serial).padStart(3, "0")}`);
    await context.close();
  }, 60_000);

  it("serves valid HTML on every page type", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: { "void-style": ["error", { style: "selfclose" }], "attribute-boolean-style": ["error", { style: "empty" }] },
    });
    const problems: string[] = [];
    for (const [type, address] of Object.entries(pageTypes)) {
      const html = await (await fetch(portal.origin + address)).text();
      const report = await validator.validateString(html);
      for (const result of report.results) for (const m of result.messages) problems.push(`${type}: ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
