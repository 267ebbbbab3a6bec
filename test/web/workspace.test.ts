import { describe, expect, it } from "vitest";
import { demoPortal, signedInClerk, signedInVisitor } from "../helpers/portal";

async function workspace() {
  const { app, db } = await demoPortal();
  const body = await db.prisma.body.findFirstOrThrow();
  const clerk = await signedInClerk(app, db, body.id);
  return { app, db, body, clerk };
}

describe("the secretariat's workspace", () => {
  it("shows what is due: invitations with their deadline, minutes, objections and quiet measures", async () => {
    const { app, db, clerk } = await workspace();
    const response = await clerk.get("/verwaltung");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('href="/verwaltung"'); // in the header
    // The demanded item of the demo, open, with the meeting it is due at (§34 (1) GemO), linked to its workspace page.
    expect(html).toMatch(/Mehrsprachige Informationen zur Kommunalwahl \(Fraktion Bündnis Vielfalt\)/);
    expect(html).toMatch(
      /<a href="\/verwaltung\/sitzungen\/[0-9a-f-]+">spätestens in der \d+\. Sitzung am \w{2}\., \d\d\.\d\d\.\d{4}<\/a>/,
    );
    for (const heading of ["Einladungen", "Niederschriften", "Einwendungen ohne Entscheidung", "Maßnahmen ohne Aktivität", "Beantragte"]) {
      expect(html).toContain(heading);
    }
    const planned = await db.prisma.meeting.findFirst({ where: { state: "planned", startsAt: { gte: new Date() } } });
    if (planned) expect(html).toContain(`href="/verwaltung/sitzungen/${planned.id}"`);
    expect(html).toMatch(/Einladung bis \w{2}\., \d\d\.\d\d\.\d{4} versenden|eingeladen/);
    // Nobody else enters: the public is sent to sign in, a member gets 403.
    expect((await app.request("/verwaltung")).headers.get("location")).toBe("/anmelden?weiter=%2Fverwaltung");
    const seat = await db.prisma.membership.findFirstOrThrow({ where: { role: "member" } });
    const member = await signedInVisitor(app, db, { email: "m@remsfeld.example", role: "member", personId: seat.personId });
    await member.signIn();
    const refused = await member.get("/verwaltung");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Kein Zugriff");
    expect((await member.post("/verwaltung/personen/neu", { givenName: "X", familyName: "Y" })).status).toBe(403);
  });

  it("creates a person through a form that names every error beside its field and keeps the input", async () => {
    const { clerk, db } = await workspace();
    expect((await clerk.get("/verwaltung/personen/neu")).status).toBe(200);
    const refused = await clerk.post("/verwaltung/personen/neu", {
      givenName: "",
      familyName: "Οικονόμου",
      email: "kein-at",
      phone: "abc",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('<a href="#givenName">Vorname fehlt</a>');
    expect(html).toContain('<a href="#email">E-Mail-Adresse muss eine E-Mail-Adresse sein</a>');
    expect(html).toMatch(/<a href="#phone">Telefon muss eine Telefonnummer/);
    expect(html).toMatch(/<p class="kern-error" id="email-error">E-Mail-Adresse muss eine E-Mail-Adresse sein<\/p>/);
    expect(html).toMatch(/aria-describedby="email-error"/);
    expect(html).toContain('value="Οικονόμου"'); // the input is kept
    expect(await db.prisma.person.count({ where: { familyName: "Οικονόμου" } })).toBe(0);

    const created = await clerk.post("/verwaltung/personen/neu", {
      givenName: "Ελένη",
      familyName: "Οικονόμου",
      email: "eleni@example.org",
      phone: "",
    });
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toBe("/verwaltung/personen?angelegt");
    const list = await (await clerk.get("/verwaltung/personen?angelegt")).text();
    expect(list).toContain("Die Person ist angelegt.");
    expect(list).toContain("Ελένη Οικονόμου");
    expect(list).toContain("eleni@example.org"); // contact data, for the secretariat only
    const person = await db.prisma.person.findFirstOrThrow({ where: { familyName: "Οικονόμου" } });
    expect(person).toMatchObject({ phone: null, email: "eleni@example.org" });
  });

  it("edits a person with the record's version: a stale save keeps the input, shows what was saved meanwhile", async () => {
    const { clerk, db, app, body } = await workspace();
    const person = await db.prisma.person.findFirstOrThrow({ where: { bodyId: body.id, deletedAt: null } });
    const form = await (await clerk.get(`/verwaltung/personen/${person.id}`)).text();
    expect(form).toContain(`<input type="hidden" name="version" value="${person.version}"`);
    const colleague = await signedInVisitor(app, db, { email: "gs2@remsfeld.example", role: "secretariat", bodyId: body.id });
    await colleague.signIn();
    const base = { version: String(person.version), givenName: person.givenName, familyName: person.familyName };
    expect((await colleague.post(`/verwaltung/personen/${person.id}`, { ...base, organisation: "Verein Brücke" })).status).toBe(303);
    const stale = await clerk.post(`/verwaltung/personen/${person.id}`, { ...base, organisation: "Kulturzentrum", phone: "07171 12345" });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Ihre Eingaben sind erhalten");
    expect(html).toContain("Organisation: Verein Brücke");
    expect(html).toContain('value="Kulturzentrum"');
    expect(html).toContain(`<input type="hidden" name="version" value="${person.version + 1}"`);
    const again = await clerk.post(`/verwaltung/personen/${person.id}`, {
      ...base,
      version: String(person.version + 1),
      organisation: "Kulturzentrum",
      phone: "07171 12345",
    });
    expect(again.status).toBe(303);
    expect(await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      organisation: "Kulturzentrum",
      phone: "07171 12345",
      version: person.version + 2,
    });
    // An emptied optional field is cleared; an emptied required one is named.
    const cleared = await clerk.post(`/verwaltung/personen/${person.id}`, { ...base, version: String(person.version + 2), phone: "" });
    expect(cleared.status).toBe(303);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).phone).toBeNull();
    const missing = await clerk.post(`/verwaltung/personen/${person.id}`, { ...base, version: String(person.version + 3), familyName: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('<a href="#familyName">Nachname fehlt</a>');
  });

  it("creates a member's account for a person and shows the set-password link once, which then works", async () => {
    const { clerk, db, body, app } = await workspace();
    const person = await db.prisma.person.findFirstOrThrow({ where: { bodyId: body.id, deletedAt: null, account: null } });
    const form = await (await clerk.get(`/verwaltung/personen/${person.id}/konto`)).text();
    expect(form).toContain("Konto für die Anmeldung anlegen");
    const refused = await clerk.post(`/verwaltung/personen/${person.id}/konto`, { email: "kein-at" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<a href="#email">E-Mail-Adresse muss eine E-Mail-Adresse sein</a>');
    const created = await clerk.post(`/verwaltung/personen/${person.id}/konto`, { email: "neues.mitglied@example.org" });
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const link = /<code class="hand-over-link">(http:\/\/localhost\/passwort-setzen\/[^<]+)<\/code>/.exec(await created.text())![1]!;
    expect((await app.request(new URL(link).pathname)).status).toBe(200);
    // The same address again is a conflict, named beside the field.
    const again = await clerk.post(`/verwaltung/personen/${person.id}/konto`, { email: "neues.mitglied@example.org" });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(await again.text()).toContain("<li>Die Person hat schon ein Konto</li>");
  });
});
