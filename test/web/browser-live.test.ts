/**
 * The live meeting, the minutes and the plan in a real browser, as the people who use them: the secretariat of the
 * Integrationsbeirat runs a meeting from the live screen to the published minutes through the pages alone (no API
 * call), counting the submissions of the live part; two members sign and object in their area; the public then finds
 * the minutes and the measure's new entry. Every page type is checked with axe, at 320 px and by keyboard.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { createServiceContext, type ServiceContext } from "../../src/services/context";
import { createAgendaItem } from "../../src/services/meetings/agenda";
import { sendInvitation } from "../../src/services/meetings/invitations";
import { createMeeting } from "../../src/services/meetings/meetings";
import { createPaper } from "../../src/services/papers/papers";
import { createMembership } from "../../src/services/people/memberships";
import { createPerson } from "../../src/services/people/people";
import { axeViolations, fitsWidth, launchBrowser, type Portal, screenshot, signedInAs } from "../helpers/browser";
import { servedDemoPortal } from "../helpers/portal";

let browser: Browser;
let portal: Portal;
const pagesSeen = new Map<string, string>();
const made = {
  meetingId: "",
  tieItem: "",
  recommendationItem: "",
  resolutionId: "",
  measureId: "",
  people: {} as Record<string, { id: string; name: string }>,
};

beforeAll(async () => {
  portal = await servedDemoPortal();
  browser = await launchBrowser();
  await setUpMeeting();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

/**
 * The Beirat's meeting that began half an hour ago, invited ten days before: a deputy for one member, a paper with
 * its proposed resolution, and two items to decide.
 */
async function setUpMeeting() {
  const now = Date.now();
  const before = createServiceContext(portal.db, { kind: "admin", tokenId: null, name: "test" }, new Date(now - 10 * 86_400_000));
  const db = portal.db.prisma;
  const beirat = await db.committee.findFirstOrThrow({ where: { shortName: "IBR" } });
  const seats = await db.membership.findMany({ where: { committeeId: beirat.id }, include: { person: true } });
  const seat = (familyName: string) => seats.find((s) => s.person.familyName === familyName)!;
  const members = seats.filter((s) => s.role === "member");
  const [excused, remote, recused, signer1, signer2] = members.slice(-5);
  for (const [key, s] of Object.entries({ excused, remote, recused, signer1, signer2 }))
    made.people[key] = { id: s!.personId, name: `${s!.person.givenName} ${s!.person.familyName}` };
  made.people.chair = { id: seats.find((s) => s.role === "chair")!.personId, name: "" };
  made.people.clerk = { id: seats.find((s) => s.role === "minute_taker")!.personId, name: "" };
  void seat;
  const deputy = await createPerson(before, { bodyId: beirat.bodyId, givenName: "Zoran", familyName: "Ilić" });
  await createMembership(before, {
    committeeId: beirat.id,
    personId: deputy.id,
    role: "deputy",
    startDate: "2024-07-01",
    deputyForId: excused!.id,
  });
  made.people.deputy = { id: deputy.id, name: "Zoran Ilić" };
  const paper = await createPaper(before, {
    bodyId: beirat.bodyId,
    title: "Sprachpaten an Grundschulen",
    type: "proposal",
    isPublic: true,
    proposedResolution: "Der Integrationsbeirat empfiehlt dem Integrationsausschuss, Sprachpaten an allen Grundschulen einzusetzen.",
  });
  const startsAt = new Date(now - 30 * 60_000);
  const { meeting } = await createMeeting(before, {
    committeeId: beirat.id,
    startsAt: startsAt.toISOString(),
    standardFrame: true,
    repeatMeeting: false,
    locationName: "Rathaus",
  });
  const tie = await createAgendaItem(before, meeting.id, { title: "Zuschuss für das Sommerfest", kind: "resolution", isPublic: true });
  made.tieItem = tie.itemId;
  const recommendation = await createAgendaItem(before, meeting.id, {
    title: "Sprachpaten an Grundschulen",
    kind: "resolution",
    isPublic: true,
    paperId: paper.id,
  });
  made.recommendationItem = recommendation.itemId;
  await sendInvitation(before, meeting.id, { channel: "email" }, { templates: loadDocumentAssets().templates, baseUrl: portal.origin });
  made.meetingId = meeting.id;
}

/** Records every page a test sees, by its type, for the axe and 320 px checks at the end. */
function visiting(page: Page, type: (path: string) => string | null) {
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = new URL(frame.url());
    const key = type(url.pathname);
    if (key && !pagesSeen.has(key)) pagesSeen.set(key, url.pathname + url.search);
  });
}

const pageType = (path: string) =>
  path
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ":id")
    .replace(/\/\d+$/, "/:n");

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
    await page.fill("#yes", "10");
    await page.fill("#no", "10");
    await page.fill("#abstain", "12");
    await expect.poll(() => page.textContent("#ergebnis"), { timeout: 10_000 }).toContain("Stimmengleichheit (10:10): abgelehnt");
    await screenshot(page, "live-vote-1024");
    await submit(page.getByRole("button", { name: /^Speichern, weiter zu/ }));
    expect(await text(page)).toContain("Sprachpaten an Grundschulen");

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
    expect(await text(page)).toContain("verlangt die Aufnahme");

    // The sitting is closed from the overview.
    await submit(page.getByRole("link", { name: "Übersicht und Anwesenheit" }));
    await submit(page.getByRole("button", { name: "Sitzung schließen" }));
    expect(await text(page)).toContain("Die Sitzung ist geschlossen.");

    expect(apiCalls).toEqual([]);
    // The API needs 8 calls for the same: attendance, recusal, two votes, the statement, two notes, the transition.
    expect(submissions.length).toBeLessThan(8);
    console.log(`live part: ${submissions.length} page submissions`, submissions);
  }, 120_000);
});
