import { describe, expect, it } from "vitest";
import { createServiceContext } from "../../src/services/context";
import { createBody } from "../../src/services/people/bodies";
import { demoPortal } from "../helpers/portal";
import { berlinDateOf } from "../../src/rules/calendar";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("the portal's pages", () => {
  it("lists meetings by month, pages to other months, filters by committee and marks a cancelled meeting", async () => {
    const { app, db } = await demoPortal();
    const cancelled = await db.prisma.meeting.findFirstOrThrow({ where: { state: "cancelled" } });
    const month = cancelled.startsAt.toISOString().slice(0, 7);
    const page = await (await app.request(`/sitzungen?monat=${month}`)).text();
    expect(text(page)).toContain("Abgesagt");
    expect(page).toContain(`href="/sitzungen/${cancelled.id}"`);
    const committee = await db.prisma.committee.findFirstOrThrow({ where: { id: { not: cancelled.committeeId } } });
    const filtered = await (await app.request(`/sitzungen?monat=${month}&gremium=${committee.id}`)).text();
    expect(filtered).not.toContain(`/sitzungen/${cancelled.id}"`);
    expect(filtered).toContain(`/api/v1/committees/${committee.id}/calendar.ics`);
    // The previous month is the last one before with a meeting.
    const earlier = await db.prisma.meeting.findFirstOrThrow({
      where: { startsAt: { lt: new Date(`${month}-01`) } },
      orderBy: { startsAt: "desc" },
    });
    expect(page).toContain(`href="/sitzungen?monat=${berlinDateOf(earlier.startsAt).slice(0, 7)}"`);
    expect((await app.request("/sitzungen?monat=2026-13")).status).toBe(200); // a bad month shows the current one
  });

  it("shows the published minutes as HTML with the content of the PDF: course, deputies, absences, signatures", async () => {
    const { app, db } = await demoPortal();
    const meeting = await db.prisma.meeting.findFirstOrThrow({
      where: { minutes: { is: { state: "published" } } },
      orderBy: { startsAt: "asc" },
    });
    const page = text(await (await app.request(`/sitzungen/${meeting.id}/niederschrift`)).text());
    expect(page).toMatch(/Vertretungen .*\(vertritt [^)]+\)/);
    expect(page).toMatch(/Beginn .* \d\d:\d\d Uhr/);
    expect(page).toMatch(/Unterschriften/);
    expect(page).toContain("Ö 1");
    expect(page).not.toMatch(/\bN \d/);
    const draft = await db.prisma.meeting.findFirstOrThrow({ where: { minutes: { is: { state: "draft" } } } });
    expect((await app.request(`/sitzungen/${draft.id}/niederschrift`)).status).toBe(404);
  });

  it("shows a person's seats but never their contact data", async () => {
    const { app, db } = await demoPortal();
    const person = await db.prisma.person.findFirstOrThrow({ where: { email: { not: null } } });
    const page = await (await app.request(`/personen/${person.id}`)).text();
    expect(page).toContain(person.familyName);
    expect(page).not.toContain(person.email!);
    expect(page).not.toContain("@");
  });

  it("explains an empty search and refuses a malformed date beside the field", async () => {
    const { app } = await demoPortal();
    const empty = text(await (await app.request("/suche?q=Zeppelinhafen")).text());
    expect(empty).toContain("Für „Zeppelinhafen“ wurde nichts gefunden.");
    expect(empty).toContain("kürzeres oder allgemeineres Wort");
    const badDate = await app.request("/suche?q=Kita&von=2026-02-30&bis=2026-01-01");
    expect(badDate.status).toBe(400);
    const badHtml = await badDate.text();
    expect(badHtml).toContain('<a href="#von">Geben Sie ein Datum wie 01.12.2026 ein.</a>');
    expect(badHtml).toMatch(/<p class="kern-error" id="von-error">Geben Sie ein Datum/);
    expect(badHtml).toContain('value="2026-02-30"'); // the input is kept
    const reversed = await (await app.request("/suche?q=Kita&von=2026-12-01&bis=2026-01-01")).text();
    expect(reversed).toContain("Das Bis-Datum liegt vor dem Von-Datum.");
    const found = text(await (await app.request("/suche?q=Kita&art=paper")).text());
    expect(found).toMatch(/Treffer für „Kita“/);
    expect(found).not.toContain("Beschlüsse IA/");
  });

  it("lets the visitor choose a body when there are several, and keeps it in every address", async () => {
    const { app, db } = await demoPortal();
    const ctx = createServiceContext(db, { kind: "admin", tokenId: null, name: "test" }, new Date());
    const other = await createBody(ctx, { name: "Gemeinde Nachbarort" });
    const demo = await db.prisma.body.findFirstOrThrow({ where: { id: { not: other.id } } });
    const chooser = await (await app.request("/")).text();
    expect(chooser).toContain(`href="/?k=${demo.id}"`);
    expect(chooser).toContain(`href="/?k=${other.id}"`);
    expect(await (await app.request("/sitzungen")).text()).toContain("Wählen Sie eine Kommune");
    const start = await (await app.request(`/?k=${demo.id}`)).text();
    expect(start).toContain(`href="/sitzungen?k=${demo.id}"`);
    expect(start).toMatch(new RegExp(`href="/sitzungen/[^"?]+\\?k=${demo.id}"`));
    // A record of one body is not found under the other.
    const meeting = await db.prisma.meeting.findFirstOrThrow();
    expect((await app.request(`/sitzungen/${meeting.id}?k=${other.id}`)).status).toBe(404);
    expect((await app.request(`/sitzungen/${meeting.id}?k=${demo.id}`)).status).toBe(200);
    expect((await app.request("/?k=unbekannt")).status).toBe(404);
  });
});
