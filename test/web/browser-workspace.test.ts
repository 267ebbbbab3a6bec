/**
 * The secretariat's workspace and the members' area in a real browser, as the people who use them: the secretariat
 * of the Integrationsbeirat prepares a meeting through the pages alone (no API call), counting its submissions; a
 * member of the Beirat then finds what was prepared, the non-public part included; a member of another committee
 * finds none of it. Every workspace page type is checked with axe, at 320 px and with the keyboard.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, berlinDateOf } from "../../src/rules/calendar";
import { axeViolations, fitsWidth, launchBrowser, type Portal, screenshot, signedInAs, signInWithLink } from "../helpers/browser";
import { pdfText, servedDemoPortal } from "../helpers/portal";

let browser: Browser;
let portal: Portal;
/** What the preparation made, for the members' part. */
const made = { meetingId: "", nonPublicTitle: "Vergabe der Zuschüsse an Vereine", paperTitle: "", memberLink: "", memberEmail: "" };
const workspacePages = new Set<string>();

beforeAll(async () => {
  portal = await servedDemoPortal();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

/** Records every page the secretariat sees on the way, for the axe and 320 px checks at the end. */
function visiting(page: Page) {
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) workspacePages.add(new URL(frame.url()).pathname);
  });
}

const text = (page: Page) => page.textContent("main").then((content) => content ?? "");

describe("the secretariat prepares a meeting in the browser", () => {
  it("creates a person with an account and a deputy seat, a paper with an attachment, a meeting and its agenda, and invites", async () => {
    const { context, page } = await signedInAs(browser, portal, { email: "ibr-gs@remsfeld.example", role: "secretariat" });
    visiting(page);
    const submissions: string[] = [];
    const apiCalls: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/")) apiCalls.push(url.pathname);
      if (request.method() === "POST") submissions.push(url.pathname);
    });
    /** Submits a form and waits for the page it leads to (after the redirect), so that no step reads the old page. */
    const submit = async (button: Locator) => {
      await Promise.all([page.waitForEvent("framenavigated"), button.click()]);
      await page.waitForLoadState();
    };
    await page.goto(`${portal.origin}/`);
    await submit(page.locator("header").getByRole("link", { name: "Verwaltung" }));
    expect(new URL(page.url()).pathname).toBe("/verwaltung");

    // A person, with an account.
    await submit(page.getByRole("link", { name: "Personen", exact: true }));
    await submit(page.getByRole("link", { name: "Person anlegen" }));
    await page.fill("#givenName", "Ελένη");
    await page.fill("#familyName", "Καραγιάννη");
    await page.fill("#email", "eleni.k@remsfeld.example");
    await submit(page.locator("main form button[type=submit]"));
    expect(await text(page)).toContain("Die Person ist angelegt.");
    await submit(page.getByRole("link", { name: "Ελένη Καραγιάννη" }));
    await submit(page.getByRole("link", { name: "Konto für die Anmeldung anlegen" }));
    await submit(page.locator("main form button[type=submit]"));
    made.memberLink =
      new URL((await page.textContent("code.hand-over-link"))!).pathname + new URL((await page.textContent("code.hand-over-link"))!).search;
    made.memberEmail = "eleni.k@remsfeld.example";

    // A deputy seat in the Beirat, standing in for one of its members.
    await submit(page.getByRole("navigation", { name: "Bereiche der Verwaltung" }).getByRole("link", { name: "Gremien" }));
    await submit(page.getByRole("link", { name: "Integrationsbeirat" }));
    await submit(page.getByRole("link", { name: "Sitz vergeben" }));
    await page.selectOption("#personId", { label: "Ελένη Καραγιάννη" });
    await page.selectOption("#role", "deputy");
    const deputyFor = page.locator("#deputyForId option").nth(1);
    const standsInFor = (await deputyFor.textContent())!.replace(/ \(.*$/, "");
    await page.selectOption("#deputyForId", { index: 1 });
    await page.fill("#onBehalfOf", "Griechische Gemeinde Remsfeld");
    await submit(page.locator("main form button[type=submit]"));
    expect(await text(page)).toContain("Der Sitz ist vergeben.");
    expect(await text(page)).toContain(`vertritt ${standsInFor}`);

    // A paper with its text, previewed, and an attachment.
    await submit(page.getByRole("navigation", { name: "Bereiche der Verwaltung" }).getByRole("link", { name: "Vorlagen" }));
    await submit(page.getByRole("link", { name: "Vorlage anlegen" }));
    made.paperTitle = "Zuschüsse für Sprachcafés der Vereine";
    await page.fill("#title", made.paperTitle);
    await page.fill("#proposedResolution", "Der Beirat empfiehlt, **drei Sprachcafés** zu fördern.");
    await submit(page.getByRole("button", { name: "Vorschau" }));
    expect(await page.innerHTML(".preview")).toContain("<strong>drei Sprachcafés</strong>");
    expect(await page.inputValue("#title")).toBe(made.paperTitle);
    await submit(page.getByRole("button", { name: "Speichern" }));
    expect(await text(page)).toContain("Die Vorlage ist gespeichert.");
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText("Kostenplan Sprachcafés");
    await page.setInputFiles("#file", { name: "kostenplan.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdf.save()) });
    await submit(page.getByRole("button", { name: "Anlage hochladen" }));
    expect(await text(page)).toContain("Die Anlage ist gespeichert.");
    expect(await text(page)).toContain("kostenplan.pdf");

    // A meeting, five days ahead: inside the seven days' notice.
    await submit(page.getByRole("navigation", { name: "Bereiche der Verwaltung" }).getByRole("link", { name: "Sitzungen" }));
    await submit(page.getByRole("link", { name: "Sitzung planen" }));
    const date = addDays(berlinDateOf(new Date()), 5);
    await page.selectOption("#committeeId", { label: "Integrationsbeirat" });
    await page.fill("#date", date);
    await page.fill("#startTime", "18:00");
    await page.fill("#locationName", "Rathaus Remsfeld");
    await page.fill("#locationRoom", "Großer Sitzungssaal");
    await submit(page.locator("main form button[type=submit]"));
    expect(await text(page)).toContain("Die Sitzung ist geplant.");
    made.meetingId = new URL(page.url()).pathname.split("/").pop()!;

    // The agenda: a public item with the paper, a non-public one, and a sub-item of the first.
    await page.fill("#title", "Sprachcafés in den Stadtteilen");
    await page.selectOption("#paperId", (await page.locator("#paperId option", { hasText: made.paperTitle }).getAttribute("value"))!);
    await submit(page.getByRole("button", { name: "Punkt aufnehmen" }));
    expect(await text(page)).toContain("Der Punkt ist aufgenommen.");
    await page.fill("#title", made.nonPublicTitle);
    await page.selectOption("#part", "nichtoeffentlich");
    await submit(page.getByRole("button", { name: "Punkt aufnehmen" }));
    await page.fill("#title", "Bericht aus dem Sprachcafé Nord");
    await page.selectOption(
      "#parentId",
      (await page.locator("#parentId option", { hasText: "Sprachcafés in den" }).getAttribute("value"))!,
    );
    await page.selectOption("#kind", "information");
    await submit(page.getByRole("button", { name: "Punkt aufnehmen" }));
    const rows = await page.locator(".agenda-builder tbody tr").allTextContents();
    const paperRow = rows.findIndex((row) => row.includes("Sprachcafés in den Stadtteilen"));
    expect(rows[paperRow + 1]).toContain("Bericht aus dem Sprachcafé Nord");
    expect(rows.find((row) => row.includes(made.nonPublicTitle))).toMatch(/^N \d+/);
    // Moved by keyboard: the item goes one place up, before the item that stood above it.
    const before = rows[paperRow - 1]!;
    await page.getByRole("button", { name: "„Sprachcafés in den Stadtteilen“ nach oben" }).focus();
    await Promise.all([page.waitForURL(/geaendert/), page.keyboard.press("Enter")]);
    const moved = await page.locator(".agenda-builder tbody tr").allTextContents();
    expect(moved.findIndex((row) => row.includes("Sprachcafés in den Stadtteilen"))).toBe(paperRow - 1);
    // Its sub-item moves with it; the item that stood above follows them, renumbered.
    expect(moved[paperRow]).toContain("Bericht aus dem Sprachcafé Nord");
    expect(moved[paperRow + 1]).toContain(before.replace(/^Ö \d+/, "").slice(0, 20));
    await screenshot(page, "agenda-builder");

    // The invitation: too late without a reason, refused with the reason beside its field; then sent with one.
    await submit(page.getByRole("link", { name: "Einladung versenden" }));
    expect(await text(page)).toContain("Die Ladungsfrist ist nicht eingehalten");
    expect(await text(page)).toContain("Καραγιάννη");
    await submit(page.getByRole("button", { name: "Einladung versenden" }));
    expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    expect(await page.textContent("#lateReason-error")).toContain("ist für eine verspätete Einladung erforderlich");
    await page.fill("#lateReason", "Die Fördermittel müssen bis Monatsende beantragt werden.");
    await submit(page.getByRole("button", { name: "Einladung versenden" }));
    expect(await text(page)).toContain("Die Einladung ist versandt.");
    expect(await text(page)).toContain("Jede Änderung ist ein Nachtrag");

    expect(apiCalls).toEqual([]);
    console.log(`Preparation in the browser: ${submissions.length} page submissions (the API needed 29 calls)`, submissions);
    expect(submissions.length).toBeLessThan(29);
    await context.close();
  }, 180_000);

  it("passes axe on every workspace page it used, fits 320 px, and keeps a refused form's input", async () => {
    const { context, page } = await signedInAs(browser, portal, { email: "ibr-gs2@remsfeld.example", role: "secretariat" });
    const extra = [
      "/verwaltung/personen/neu",
      "/verwaltung/sitzungen/neu",
      "/verwaltung/vorlagen/neu",
      "/verwaltung/dokumente",
      "/verwaltung/postausgang",
      // After the invitation: its mails, waiting for a mail server the demo does not have.
      `/verwaltung/sitzungen/${made.meetingId}/einladung`,
    ];
    const results: Record<string, number> = {};
    for (const address of [...new Set([...workspacePages, ...extra])].filter((p) => p.startsWith("/verwaltung"))) {
      await page.goto(portal.origin + address);
      const violations = await axeViolations(page);
      results[address.replace(/[0-9a-f-]{36}/g, ":id")] = violations.length;
      expect(violations).toEqual([]);
    }
    console.log("axe violations per workspace page:", JSON.stringify(results));
    // A refused form: the summary takes the focus and links to each field; the input stays.
    await page.goto(`${portal.origin}/verwaltung/personen/neu`);
    await page.fill("#familyName", "Οικονόμου");
    await Promise.all([page.waitForEvent("framenavigated"), page.click("main form button[type=submit]")]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    expect(await page.inputValue("#familyName")).toBe("Οικονόμου");
    await page.locator(".error-summary a").first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("givenName");
    await page.goto(`${portal.origin}/verwaltung/sitzungen/neu`);
    await page.fill("#locationRoom", "Saal 1");
    await page.selectOption("#committeeId", { label: "Integrationsbeirat" });
    await page.fill("#date", "2027-02-03");
    await page.fill("#endTime", "17:00");
    await Promise.all([page.waitForEvent("framenavigated"), page.click("main form button[type=submit]")]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    expect(await page.textContent("#endTime-error")).toContain("muss nach dem Beginn liegen");
    expect(await page.inputValue("#locationRoom")).toBe("Saal 1");
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    const narrow = [
      "/verwaltung",
      "/verwaltung/personen",
      `/verwaltung/sitzungen/${made.meetingId}`,
      "/verwaltung/vorlagen/neu",
      "/verwaltung/dokumente",
      "/verwaltung/postausgang",
      `/verwaltung/sitzungen/${made.meetingId}/einladung`,
    ];
    for (const address of narrow) {
      await page.goto(portal.origin + address);
      expect(await fitsWidth(page), address).toBe(true);
      if (address === `/verwaltung/sitzungen/${made.meetingId}`) await screenshot(page, "agenda-builder-320");
      if (address === "/verwaltung/postausgang") {
        // Its table stacks each mail as a block here: the roles keep it a table for a screen reader.
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, "workspace-outbox-320");
      }
      if (address.endsWith("/einladung")) await screenshot(page, "workspace-invitation-320");
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${portal.origin}/verwaltung`);
    await screenshot(page, "workspace-overview");
    await page.goto(`${portal.origin}/verwaltung/sitzungen/${made.meetingId}/einladung`);
    expect(await text(page)).toContain("nicht versendet (kein Mailserver eingerichtet)");
    await screenshot(page, "workspace-invitation");
    await page.goto(`${portal.origin}/verwaltung/postausgang`);
    await screenshot(page, "workspace-outbox");
    await page.goto(`${portal.origin}/verwaltung/dokumente`);
    await screenshot(page, "workspace-documents");
    await context.close();
  }, 120_000);
});

describe("a forgotten password", () => {
  it("is asked for in a form that passes axe, fits 320 px and answers the same whatever the address", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`${portal.origin}/anmelden`);
    await page.getByRole("link", { name: "Passwort vergessen?" }).click();
    await page.waitForURL(/\/passwort-vergessen$/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "forgot-password");
    await page.fill("#email", "niemand@remsfeld.example");
    await Promise.all([page.waitForURL(/gesendet/), page.click("main button[type=submit]")]);
    expect(await page.textContent("main [role=status]")).toContain("Wenn es zu dieser Adresse einen Zugang gibt");
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${portal.origin}/passwort-vergessen`);
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, "forgot-password-320");
    await context.close();
  }, 60_000);
});

describe("members find what was prepared, and only their own committee's", () => {
  it("shows a Beirat member the non-public item and the paper, in search too, the non-public invitation, and a calendar", async () => {
    const { context, page } = await signInWithLink(browser, portal, made.memberEmail, made.memberLink, "Ελιές und Oliven am Neckar");
    await page.goto(`${portal.origin}/mitglieder`);
    await page
      .getByRole("link", { name: /Integrationsbeirat/ })
      .first()
      .click();
    expect(new URL(page.url()).pathname).toBe(`/sitzungen/${made.meetingId}`);
    expect(await text(page)).toContain(made.nonPublicTitle);
    expect(await text(page)).toContain(made.paperTitle);
    expect(await axeViolations(page)).toEqual([]);
    const invitation = await context.request.get(`${portal.origin}/sitzungen/${made.meetingId}/einladung.pdf`);
    expect(invitation.status()).toBe(200);
    expect(pdfText(new Uint8Array(await invitation.body())).replace(/\s+/g, " ")).toContain(made.nonPublicTitle);
    for (const query of ["Vergabe Zuschüsse", "Sprachcafés"]) {
      await page.goto(`${portal.origin}/suche?q=${encodeURIComponent(query)}`);
      const hits = await page.locator("main ul.search-results a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) expect((await context.request.get(hit)).status(), hit).toBe(200);
    }
    expect(await text(page)).toContain(made.paperTitle);
    await page.goto(`${portal.origin}/mitglieder`);
    await page.click("form[action='/mitglieder/kalender'] button");
    expect(await page.locator("a[href^='webcal://']").count()).toBe(1);
    await context.close();
  }, 90_000);

  it("shows a member of another committee none of the Beirat's non-public part, and every hit they get opens", async () => {
    const committee = await portal.db.prisma.committee.findFirstOrThrow({ where: { name: "Integrationsausschuss" } });
    const beirat = await portal.db.prisma.committee.findFirstOrThrow({ where: { name: "Integrationsbeirat" } });
    const outsider = await portal.db.prisma.membership.findFirstOrThrow({
      where: { committeeId: committee.id, person: { memberships: { none: { committeeId: beirat.id } } } },
    });
    const { context, page } = await signedInAs(browser, portal, {
      email: "ia-mitglied@remsfeld.example",
      role: "member",
      personId: outsider.personId,
    });
    await page.goto(`${portal.origin}/sitzungen/${made.meetingId}`);
    expect(await text(page)).not.toContain(made.nonPublicTitle);
    const invitation = await context.request.get(`${portal.origin}/sitzungen/${made.meetingId}/einladung.pdf`);
    expect(pdfText(new Uint8Array(await invitation.body()))).not.toContain("Vergabe der Zuschüsse");
    await page.goto(`${portal.origin}/suche?q=${encodeURIComponent("Vergabe Zuschüsse")}`);
    expect(await text(page)).not.toContain(made.nonPublicTitle);
    const hits = await page
      .locator("main a[href^='/sitzungen'], main a[href^='/vorlagen'], main a[href^='/beschluesse']")
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const hit of hits) expect((await context.request.get(hit)).status(), hit).toBe(200);
    await page.goto(`${portal.origin}/verwaltung`);
    expect(await page.title()).toMatch(/Keine Berechtigung|Zugriff/);
    await context.close();
  }, 90_000);
});
