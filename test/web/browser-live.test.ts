/**
 * The live meeting, the minutes and the plan in a real browser, as the people who use them: the secretariat of the
 * Integrationsbeirat runs a meeting from the live screen to the published minutes through the pages alone (no API
 * call), counting the submissions of the live part; two members sign and object in their area; the public then finds
 * the minutes and the measure's new entry. Every page type is checked with axe, at 320 px and by keyboard.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, fitsWidth, launchBrowser, type Portal, screenshot, signedInAs } from "../helpers/browser";
import { runningBeiratMeeting } from "../helpers/live";
import { servedDemoPortal } from "../helpers/portal";
import { berlinDateOf } from "../../src/rules/calendar";

let browser: Browser;
let portal: Portal;
const pagesSeen = new Map<string, string>();
const made = { resolutionId: "", measureId: "" } as Awaited<ReturnType<typeof runningBeiratMeeting>> & {
  resolutionId: string;
  measureId: string;
};

beforeAll(async () => {
  portal = await servedDemoPortal();
  browser = await launchBrowser();
  Object.assign(made, await runningBeiratMeeting(portal.db, portal.origin));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

/** Records every page a test opens by GET, by its type, for the axe and 320 px checks at the end. */
function visiting(page: Page, type: (path: string) => string | null) {
  page.on("response", (response) => {
    const request = response.request();
    if (request.resourceType() !== "document" || request.method() !== "GET" || response.status() !== 200) return;
    const url = new URL(response.url());
    const key = type(url.pathname);
    if (key && !pagesSeen.has(key)) pagesSeen.set(key, url.pathname + url.search);
  });
}

/** A page answered to a post (an error, a result shown once), checked where it stands: axe at 1280 and 320 px. */
async function checkInPlace(page: Page, name: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await axeViolations(page), `${name} at ${width}px`).toEqual([]);
    expect(await fitsWidth(page), `${name} at ${width}px`).toBe(true);
  }
  postedPages.push(name);
}
const postedPages: string[] = [];

const pageType = (path: string) => path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id").replace(/\/\d+$/, "/:n");

const text = (page: Page) => page.textContent("main").then((content) => content ?? "");

describe("the live meeting", () => {
  it("runs the Beirat's meeting from attendance to the closed sitting in fewer submissions than the API needs", async () => {
    const { page } = await signedInAs(browser, portal, { email: "live-gs@remsfeld.example", role: "secretariat" });
    visiting(page, pageType);
    const submissions: string[] = [];
    const apiCalls: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/")) apiCalls.push(url.pathname);
      if (request.method() === "POST" && request.resourceType() === "document") submissions.push(url.pathname);
    });
    const submit = async (button: Locator) => {
      await Promise.all([page.waitForEvent("framenavigated"), button.click()]);
      await page.waitForLoadState();
    };
    // The room's display, open on a screen in the room from the start.
    const display = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    visiting(display, pageType);
    await display.goto(`${portal.origin}/sitzungen/${made.meetingId}/anzeige`);
    expect(await display.textContent("h1")).toContain("noch keinen Punkt aufgerufen");
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(`${portal.origin}/verwaltung/sitzungen/${made.meetingId}`);
    await submit(page.getByRole("link", { name: "Sitzung durchführen (live)" }));
    expect(await text(page)).toContain("Anwesenheit");

    // Attendance: everyone present by default; one excused with a reason, their deputy in their place, one remote.
    const { excused, remote, recused, deputy } = made.people;
    await page.selectOption(`#s-${excused!.id}`, "excused");
    await page.fill(`#g-${excused!.id}`, "Dienstreise");
    await page.selectOption(`#s-${deputy!.id}`, "present");
    await page.selectOption(`#v-${deputy!.id}`, { label: excused!.name });
    await page.selectOption(`#s-${remote!.id}`, "remote");
    await screenshot(page, "live-attendance-1024");
    await submit(page.getByRole("button", { name: "Anwesenheit speichern" }));
    expect(await text(page)).toContain("Die Anwesenheit ist gespeichert.");
    expect(await text(page)).toContain("beschlussfähig (33 von 33, erforderlich 17)");

    // The first item to decide: a recusal, and a tie that rejects the motion, shown before saving.
    await submit(page.getByRole("link", { name: /Zuschuss für das Sommerfest/ }));
    await page.click(".live-presence summary");
    await page.selectOption(`#p-${recused!.id}`, "recused");
    // By keyboard alone: the counts typed field by field, the form sent with Enter on its button.
    await page.focus("#yes");
    await page.keyboard.type("10");
    await page.keyboard.press("Tab");
    await page.keyboard.type("10");
    await page.keyboard.press("Tab");
    await page.keyboard.type("12");
    await expect.poll(() => page.textContent("#ergebnis"), { timeout: 10_000 }).toContain("Stimmengleichheit (10:10): abgelehnt");
    await screenshot(page, "live-vote-1024");
    await page.getByRole("button", { name: /^Speichern, weiter zu/ }).focus();
    await Promise.all([page.waitForEvent("framenavigated"), page.keyboard.press("Enter")]);
    await page.waitForLoadState();
    expect(await text(page)).toContain("Sprachpaten an Grundschulen");
    // The display follows by itself (it polls): the item just decided and its result, readable from a distance.
    await expect.poll(() => display.textContent(".room-display"), { timeout: 15_000 }).toContain("Stimmengleichheit (10:10)");
    expect(await display.textContent(".room-display h1")).toContain("Zuschuss für das Sommerfest");
    await screenshot(display, "room-display-1280");
    await display.close();

    // The recommendation: the wording from the paper, to the Integrationsausschuss, with a statement and notes.
    expect(await page.inputValue("#wording")).toContain("Sprachpaten an allen Grundschulen");
    await page.fill("#yes", "25");
    await page.fill("#no", "3");
    await page.fill("#abstain", "4");
    await page.selectOption("#recipient", "Integrationsausschuss");
    await page.selectOption("#statementPerson", remote!.id);
    await page.fill("#statementText", "Ich bitte, die Kosten im nächsten Haushalt zu prüfen.");
    await page.fill("#notes", "Frau Dr. Brenner stellt die Vorlage vor. Aussprache über die Zahl der Paten.");
    await expect.poll(() => page.textContent("#notes-status"), { timeout: 10_000 }).toContain("Notizen gespeichert.");
    await submit(page.getByRole("button", { name: "Speichern", exact: true }));
    expect(await text(page)).toContain("Empfehlung IBR/");
    expect(await text(page)).toContain("verlangt, dass die eigene Erklärung in die Niederschrift aufgenommen wird");
    made.resolutionId = new URL(
      (await page.getByRole("link", { name: /^Empfehlung IBR\// }).getAttribute("href")) ?? "",
      portal.origin,
    ).pathname
      .split("/")
      .pop()!;

    // The sitting is closed from the overview.
    await submit(page.getByRole("link", { name: "Übersicht und Anwesenheit" }));
    await submit(page.getByRole("button", { name: "Sitzung schließen" }));
    expect(await text(page)).toContain("Die Sitzung ist geschlossen.");

    expect(apiCalls).toEqual([]);
    // The API needs 8 calls for the same: attendance, recusal, two votes, the statement, two notes, the transition.
    expect(submissions.length).toBeLessThan(8);
    console.log(`live part: ${submissions.length} page submissions`, submissions);
    await page.context().close();
  }, 120_000);

  it("links the recommendation to a measure of the plan, whose status changes", async () => {
    const { page } = await signedInAs(browser, portal, { email: "plan-gs@remsfeld.example", role: "secretariat" });
    visiting(page, pageType);
    const measure = await portal.db.prisma.measure.findFirstOrThrow({ where: { status: "planned" }, orderBy: { code: "asc" } });
    made.measureId = measure.id;
    await page.goto(`${portal.origin}/verwaltung/beschluesse`);
    await Promise.all([
      page.waitForEvent("framenavigated"),
      page
        .getByRole("link", { name: /^Empfehlung IBR\// })
        .first()
        .click(),
    ]);
    expect(new URL(page.url()).pathname).toBe(`/verwaltung/beschluesse/${made.resolutionId}`);
    await page.selectOption("#measureId", measure.id);
    await page.selectOption("#relation", "initiates");
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("button", { name: "Mit der Maßnahme verknüpfen" }).click()]);
    expect(await text(page)).toContain("Der Beschluss ist mit der Maßnahme verknüpft.");
    expect(await text(page)).toContain(`${measure.code} ${measure.title}: startet, Stand jetzt in Umsetzung`);
    expect((await portal.db.prisma.measure.findUniqueOrThrow({ where: { id: measure.id } })).status).toBe("in_progress");
    // The measure's page in the workspace shows the resolution; its own link form refuses a second identical link.
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("link", { name: `${measure.code} ${measure.title}` }).click()]);
    await page.selectOption("#resolutionId", made.resolutionId);
    await page.selectOption("#relation", "initiates");
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("button", { name: "Beschluss verknüpfen" }).click()]);
    expect(await text(page)).toContain("bereits mit der Maßnahme verknüpft");
    await checkInPlace(page, "measure page with a refused link");
    await page.context().close();
  }, 60_000);

  it("writes, circulates, corrects, signs, finalises and publishes the minutes", async () => {
    const { page } = await signedInAs(browser, portal, { email: "minutes-gs@remsfeld.example", role: "secretariat" });
    visiting(page, pageType);
    const submit = async (button: Locator) => {
      await Promise.all([page.waitForEvent("framenavigated"), button.click()]);
      await page.waitForLoadState();
    };
    const minutesUrl = `${portal.origin}/verwaltung/sitzungen/${made.meetingId}/niederschrift`;
    await page.goto(minutesUrl);
    // The header, computed from the attendance.
    const header = await text(page);
    expect(header).toContain(`${made.people.deputy!.name} (vertritt ${made.people.excused!.name})`);
    expect(header).toContain(made.people.remote!.name);
    expect(header).toContain("Dienstreise");
    await page.fill(`#notes-${made.tieItem}`, "Der Kassenwart erläutert den Antrag.");
    await submit(page.getByRole("button", { name: /^Notizen zu Ö 4 speichern/ }));
    expect(await text(page)).toContain("Die Notizen sind gespeichert.");
    await page.fill(`#notes-${made.tieItem}`, "Der Kassenwart erläutert den Antrag. Der Beirat berät ausführlich.");
    await submit(page.getByRole("button", { name: /^Notizen zu Ö 4 speichern/ }));
    await submit(page.getByRole("link", { name: "Verlauf und Änderungen" }));
    expect(await page.textContent(".diff ins")).toContain("Der Beirat berät ausführlich.");
    await page.goBack();
    // The two members who sign are chosen: they, the chair and the minute-taker are asked to sign, the others to read.
    await page.getByLabel(made.people.signer1!.name, { exact: true }).check();
    await page.getByLabel(made.people.signer2!.name, { exact: true }).check();
    await submit(page.getByRole("button", { name: "In Umlauf geben" }));
    expect(await text(page)).toContain("Die Niederschrift ist im Umlauf.");
    const requests = await portal.db.prisma.outboxMail.findMany({ where: { meetingId: made.meetingId, kind: "signature_request" } });
    expect(requests.map((mail) => mail.personId).sort()).toEqual(
      [made.people.chair!.id, made.people.clerk!.id, made.people.signer1!.id, made.people.signer2!.id].sort(),
    );

    // Two members read the minutes in their area: one objects, both sign with one button.
    for (const [key, objects] of [
      ["signer1", true],
      ["signer2", false],
    ] as const) {
      const person = made.people[key]!;
      const member = await signedInAs(browser, portal, { email: `${key}@live.example`, role: "member", personId: person.id });
      visiting(member.page, pageType);
      await member.page.goto(`${portal.origin}/mitglieder`);
      await Promise.all([
        member.page.waitForEvent("framenavigated"),
        member.page
          .getByRole("link", { name: /Integrationsbeirat: \d+\. Sitzung/ })
          .first()
          .click(),
      ]);
      expect(await text(member.page)).toContain("Der Beirat berät ausführlich.");
      if (objects) {
        await member.page.fill("#text", "Unter Ö 4 fehlt, dass der Antrag vertagt werden sollte.");
        await Promise.all([
          member.page.waitForEvent("framenavigated"),
          member.page.getByRole("button", { name: "Einwand erheben" }).click(),
        ]);
        expect(await text(member.page)).toContain("Ihr Einwand ist erfasst.");
      }
      await Promise.all([
        member.page.waitForEvent("framenavigated"),
        member.page.getByRole("button", { name: "Niederschrift unterschreiben" }).click(),
      ]);
      expect(await text(member.page)).toContain("Ihre Unterschrift ist erfasst.");
      await member.context.close();
    }

    // The secretariat records the committee's decision on the objection and the two signatures given on paper.
    await page.goto(minutesUrl);
    await page.locator("select[id^=decision-]").selectOption("rejected");
    await page.locator("input[id^=note-]").fill("Beschluss des Beirats in der folgenden Sitzung");
    await submit(page.getByRole("button", { name: "Entscheidung erfassen" }));
    expect(await text(page)).toContain("zurückgewiesen");
    for (const [personId, role] of [
      [made.people.chair!.id, "chair"],
      [made.people.clerk!.id, "minute_taker"],
    ]) {
      await page.selectOption("#signer", `${personId}:${role}`);
      await submit(page.getByRole("button", { name: "Unterschrift erfassen" }));
      expect(await text(page)).toContain("Die Unterschrift ist erfasst.");
    }
    await submit(page.getByRole("button", { name: "Endgültig machen" }));
    expect(await text(page)).toContain("Die Niederschrift ist endgültig");
    // Final minutes offer no edit control.
    expect(await page.locator("main textarea").count()).toBe(0);
    await submit(page.getByRole("button", { name: "Veröffentlichen" }));
    expect(await text(page)).toContain("Die Niederschrift ist veröffentlicht.");
    await page.context().close();

    // The public finds the published minutes, without the reason of the absence.
    const visitor = await browser.newPage();
    await visitor.goto(`${portal.origin}/sitzungen/${made.meetingId}/niederschrift`);
    const published = await text(visitor);
    expect(published).toContain("Der Beirat berät ausführlich.");
    expect(published).toContain("Sprachpaten an allen Grundschulen");
    expect(published).not.toContain("Dienstreise");
    // And the measure's timeline names the recommendation.
    await visitor.goto(`${portal.origin}/massnahmen/${made.measureId}`);
    const timeline = await text(visitor);
    expect(timeline).toMatch(/IBR\/\d{4}\/\d{3}/);
    expect(timeline).toContain("in Umsetzung");
    await visitor.close();
  }, 180_000);
});

describe("a written procedure", () => {
  it("is started by the secretariat and objected to by a member in their area", async () => {
    const { page } = await signedInAs(browser, portal, { email: "uv-gs@remsfeld.example", role: "secretariat" });
    visiting(page, pageType);
    await page.goto(`${portal.origin}/verwaltung/sitzungen`);
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("link", { name: "Umlaufverfahren" }).click()]);
    await page.selectOption("#committeeId", { label: "Integrationsbeirat" });
    await page.fill("#motion", "Teilnahme am Tag der offenen Moschee");
    await page.fill("#text", "Der Integrationsbeirat beteiligt sich am Tag der offenen Moschee.");
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.fill("#date", tomorrow);
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("button", { name: "Umlaufverfahren beginnen" }).click()]);
    expect(await text(page)).toContain("Das Umlaufverfahren läuft");

    const member = await signedInAs(browser, portal, {
      email: "uv-member@live.example",
      role: "member",
      personId: made.people.recused!.id,
    });
    await member.page.goto(`${portal.origin}/mitglieder`);
    await Promise.all([
      member.page.waitForEvent("framenavigated"),
      member.page.getByRole("link", { name: /Tag der offenen Moschee/ }).click(),
    ]);
    await checkInPlace(member.page, "members' written procedure");
    await member.page.fill("#note", "Bitte in der Sitzung beraten.");
    await Promise.all([member.page.waitForEvent("framenavigated"), member.page.getByRole("button", { name: "Widersprechen" }).click()]);
    expect(await text(member.page)).toContain("Ihr Widerspruch ist erfasst.");
    await member.context.close();

    await page.reload();
    expect(await text(page)).toContain("1 Widerspruch");
    expect(await text(page)).toContain("gescheitert");
    await page.context().close();
  }, 60_000);
});

describe("the catalogue of measures", () => {
  it("refuses an import with three bad lines, names all three, and writes nothing", async () => {
    const { page } = await signedInAs(browser, portal, { email: "import-gs@remsfeld.example", role: "secretariat" });
    visiting(page, pageType);
    const plan = await portal.db.prisma.plan.findFirstOrThrow({ where: { title: "Integrationsplan 2019" } });
    const before = await portal.db.prisma.measure.count({ where: { planId: plan.id } });
    await page.goto(`${portal.origin}/verwaltung/plan`);
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("link", { name: plan.title }).click()]);
    const csv = [
      "code,actionField,actionFieldTitle,title,status,progress",
      "9.1,9,Neues Feld,Gute Maßnahme,planned,0",
      "9.2,9,,,planned,0",
      "9.3,9,,Schlechter Stand,vielleicht,0",
      "9.4,9,,Zu viel Fortschritt,planned,250",
    ].join("\n");
    await page.setInputFiles("#file", { name: "katalog.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("button", { name: "Katalog prüfen und importieren" }).click()]);
    const result = await text(page);
    expect(result).toContain("nichts wurde übernommen");
    const errors = await page.locator(".import-errors li").allTextContents();
    expect(errors.length).toBe(3);
    expect(errors[0]).toMatch(/^Zeile 3: title/);
    expect(errors[1]).toMatch(/^Zeile 4: status/);
    expect(errors[2]).toMatch(/^Zeile 5: progress/);
    expect(await portal.db.prisma.measure.count({ where: { planId: plan.id } })).toBe(before);
    await checkInPlace(page, "import result with errors");

    // The report for the current year, as HTML and as PDF.
    await page.goto(`${portal.origin}/verwaltung/plan/${plan.id}`);
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("link", { name: "Sachstandsbericht", exact: true }).click()]);
    expect(await text(page)).toContain("Maßnahmen nach Stand");
    const pdf = await page.request.get(
      await page
        .getByRole("link", { name: "Sachstandsbericht als PDF" })
        .getAttribute("href")
        .then((href) => `${portal.origin}${href}`),
    );
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const csvExport = await page.request.get(`${portal.origin}/verwaltung/plan/${plan.id}/massnahmen.csv?format=excel`);
    expect((await csvExport.text()).split("\n")[0]).toContain("code;actionField");

    // An idea from an integration forum becomes a measure.
    await page.goto(`${portal.origin}/verwaltung/plan/ideen`);
    await page.fill("#forum", "Integrationsforum Herbst");
    await page.fill("#forumDate", "2026-10-15");
    await page.fill("#proposedBy", "Arbeitsgruppe Sprache");
    await page.fill("#text", "Ein Lesecafé für Eltern in der Stadtbibliothek");
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("button", { name: "Idee erfassen" }).click()]);
    expect(await text(page)).toContain("Die Idee ist erfasst.");
    const idea = page.locator("section.idea", { hasText: "Lesecafé" });
    await idea.locator("summary").click();
    await idea.locator("select[id^=field-]").selectOption({ label: "Integrationsplan 2019, 1 Sprache und Bildung" });
    await idea.locator("input[id^=code-]").fill("1.9");
    await Promise.all([page.waitForEvent("framenavigated"), idea.getByRole("button", { name: "Als Maßnahme übernehmen" }).click()]);
    expect(await text(page)).toContain("Die Idee ist als Maßnahme übernommen.");
    expect(await portal.db.prisma.measure.count({ where: { code: "1.9", planId: plan.id } })).toBe(1);
    await page.context().close();
  }, 60_000);

  it("imports figures with two bad lines from the monitoring page, and writes the report's introduction", async () => {
    const { page } = await signedInAs(browser, portal, { email: "report-gs@remsfeld.example", role: "secretariat" });
    visiting(page, pageType);
    await page.goto(`${portal.origin}/verwaltung/plan`);
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("link", { name: "Kennzahlen und Indikatoren" }).click()]);
    expect(await text(page)).toContain("Einbürgerungen");
    const csv = "period;figure;value\n2026;schutzsuchende;880\n2026;gibt-es-nicht;1\n2026;zuzuege-ausland;viele\n";
    await page.setInputFiles("#file", { name: "werte.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("button", { name: "Werte prüfen und importieren" }).click()]);
    const errors = await page.locator(".import-errors li").allTextContents();
    expect(errors.map((e) => e.split(":").slice(0, 2).join(":"))).toEqual(["Zeile 3: figure", "Zeile 4: value"]);
    await checkInPlace(page, "figures import with errors");

    await page.goto(`${portal.origin}/verwaltung/plan/integrationsbericht`);
    const year = Number(berlinDateOf(new Date()).slice(0, 4)) - 1;
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("link", { name: `Integrationsbericht ${year}` }).click()]);
    await page.fill("#introduction", "Eine neue Einleitung für den Bericht.");
    await Promise.all([page.waitForEvent("framenavigated"), page.getByRole("button", { name: "Bericht speichern" }).click()]);
    expect(await text(page)).toContain("Der Bericht ist gespeichert.");
    await page.goto(`${portal.origin}/integrationsbericht/${year}`);
    expect(await text(page)).toContain("Eine neue Einleitung für den Bericht.");
    await page.context().close();
  }, 60_000);
});

describe("every page type of this part", () => {
  it("passes axe, fits 320 px and answers each page", async () => {
    const { page } = await signedInAs(browser, portal, { email: "check-gs@remsfeld.example", role: "secretariat" });
    const results: string[] = [];
    for (const [type, address] of pagesSeen) {
      if (type.startsWith("/mitglieder")) continue;
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 900 });
        const response = await page.goto(`${portal.origin}${address}`);
        expect(response?.status(), address).toBe(200);
        expect(await axeViolations(page), `${address} at ${width}px`).toEqual([]);
        expect(await fitsWidth(page), `${address} at ${width}px`).toBe(true);
        await screenshot(page, `live-part${type.replaceAll(/[/:]+/g, "-")}-${width}`);
      }
      results.push(type);
    }
    console.log(
      `axe: 0 violations on ${results.length} page types at 1280 and 320 px:\n${results.join("\n")}\n` +
        `and on pages answered to a post: ${postedPages.join("; ")}`,
    );
    expect(results.length).toBeGreaterThan(8);
  }, 240_000);
});
