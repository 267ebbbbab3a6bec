import { describe, expect, it } from "vitest";
import { nextPath } from "../../src/web/kit/next";
import { demoPortal, pdfText as extractText, signedInVisitor } from "../helpers/portal";

const pdfText = (bytes: ArrayBuffer) => extractText(new Uint8Array(bytes)).replace(/\s+/g, " ");

/** The demo with a member of the committee that has a non-public item in an invited meeting, and one of the other. */
async function members() {
  const { app, db } = await demoPortal();
  const item = await db.prisma.agendaItem.findFirstOrThrow({
    where: { isPublic: false, title: { not: { startsWith: "Niederschrift" } }, meeting: { state: { in: ["invited", "held", "closed"] } } },
    include: { meeting: true },
  });
  const inCommittee = (committeeId: string) =>
    db.prisma.membership.findFirstOrThrow({
      where: { committeeId, role: "member", endDate: null, person: { memberships: { every: { committeeId } } } },
    });
  const other = await db.prisma.committee.findFirstOrThrow({ where: { id: { not: item.meeting.committeeId } } });
  const own = await inCommittee(item.meeting.committeeId);
  const stranger = await inCommittee(other.id);
  const member = await signedInVisitor(app, db, { email: "mitglied@remsfeld.example", role: "member", personId: own.personId });
  const outsider = await signedInVisitor(app, db, { email: "andere@remsfeld.example", role: "member", personId: stranger.personId });
  return { app, db, item, member, outsider };
}

describe("the members' area", () => {
  it("sends an anonymous visitor to the sign-in and back, to same-site paths only", async () => {
    const { app, member } = await members();
    const anonymous = await app.request("/mitglieder");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/anmelden?weiter=%2Fmitglieder");
    const form = await (await app.request("/anmelden?weiter=%2Fmitglieder")).text();
    expect(form).toContain('<input type="hidden" name="weiter" value="/mitglieder"');
    const signedIn = await member.signIn("/mitglieder");
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/mitglieder");
    for (const evil of ["//evil.example/x", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "/a\nb"]) {
      expect(nextPath(evil), evil).toBeUndefined();
    }
    expect(nextPath("/sitzungen?monat=2026-12")).toBe("/sitzungen?monat=2026-12");
  });

  it("shows a member the meetings and seats of their committees, and the non-public invitation", async () => {
    const { item, member, outsider, app, db } = await members();
    await member.signIn();
    const area = await member.get("/mitglieder");
    expect(area.status).toBe(200);
    const html = await area.text();
    expect(html).toContain(`href="/sitzungen/${item.meetingId}"`);
    expect(html).toContain("Meine Gremien");
    expect(html).toContain("Beantragte Tagesordnungspunkte");
    expect(await (await member.get("/konto")).text()).toContain('<a href="/mitglieder">');
    expect(html).toContain('href="/mitglieder"'); // the header leads to the area
    // The meeting's page and its invitation, under the page's address, show the non-public item to the member.
    expect(await (await member.get(`/sitzungen/${item.meetingId}`)).text()).toContain(item.title);
    const invitation = await member.get(`/sitzungen/${item.meetingId}/einladung.pdf`);
    expect(invitation.headers.get("content-type")).toBe("application/pdf");
    expect(pdfText(await invitation.arrayBuffer())).toContain(item.title);
    // The public and a member of the other committee read neither.
    expect(pdfText(await (await app.request(`/sitzungen/${item.meetingId}/einladung.pdf`)).arrayBuffer())).not.toContain(item.title);
    await outsider.signIn();
    expect(await (await outsider.get(`/sitzungen/${item.meetingId}`)).text()).not.toContain(item.title);
    expect(pdfText(await (await outsider.get(`/sitzungen/${item.meetingId}/einladung.pdf`)).arrayBuffer())).not.toContain(item.title);
    // The secretariat has no members' area: a German 403 page.
    const body = await db.prisma.body.findFirstOrThrow();
    const clerk = await signedInVisitor(app, db, { email: "gs@remsfeld.example", role: "secretariat", bodyId: body.id });
    await clerk.signIn();
    const refused = await clerk.get("/mitglieder");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toMatch(/text\/html/);
    expect(await refused.text()).toContain("Kein Zugriff");
  });

  it("creates a personal calendar subscription, shows its webcal and https addresses once, and revokes it", async () => {
    const { item, member } = await members();
    await member.signIn();
    const created = await member.post("/mitglieder/kalender");
    expect(created.status).toBe(200);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const html = await created.text();
    const https = /href="(http:\/\/localhost\/api\/v1\/calendar-feeds\/[^"]+\.ics)"/.exec(html)![1]!;
    expect(html).toContain(`href="${https.replace("http:", "webcal:")}"`);
    const feed = await member.get(new URL(https).pathname);
    expect(feed.status).toBe(200);
    expect((await feed.text()).replace(/\r\n /g, "")).toContain(item.title);
    const revoked = await member.post("/mitglieder/kalender/widerrufen");
    expect(revoked.headers.get("location")).toBe("/mitglieder?widerrufen");
    expect((await member.get(new URL(https).pathname)).status).toBe(404);
    // A post from another site changes nothing.
    const { app } = await demoPortal();
    expect((await app.request("/mitglieder/kalender", { method: "POST", headers: { origin: "https://evil.example" } })).status).toBe(403);
  });
});

describe("error pages", () => {
  it("gives a member of the Beirat a story in the demo: its next meeting with a non-public item, and its recommendation", async () => {
    const { app, db } = await demoPortal();
    const beirat = await db.prisma.committee.findFirstOrThrow({ where: { name: "Integrationsbeirat" } });
    const chair = await db.prisma.membership.findFirstOrThrow({ where: { committeeId: beirat.id, role: "chair" } });
    const member = await signedInVisitor(app, db, { email: "vorsitz@remsfeld.example", role: "member", personId: chair.personId });
    await member.signIn();
    const area = await (await member.get("/mitglieder")).text();
    expect(area).not.toContain("Keine Sitzungen.");
    const next = await db.prisma.meeting.findFirstOrThrow({ where: { committeeId: beirat.id, state: "invited" } });
    expect(area).toContain(`/sitzungen/${next.id}`);
    const page = await (await member.get(`/sitzungen/${next.id}`)).text();
    expect(page).toContain("Vorschläge für den Integrationspreis 2027");
    expect(await (await app.request(`/sitzungen/${next.id}`)).text()).not.toContain("Vorschläge für den Integrationspreis 2027");
    const recommendation = await db.prisma.resolution.findFirstOrThrow({ where: { committeeId: beirat.id, kind: "recommendation" } });
    expect(await (await member.get(`/beschluesse/${recommendation.id}`)).text()).toContain("übernommen");
  });

  it("answers every page address with an HTML error page, never JSON", async () => {
    const { app } = await demoPortal();
    for (const [path, status] of [
      ["/sitzungen/gibt-es-nicht/einladung.pdf", 404],
      ["/vorlagen/gibt-es-nicht/anlagen/keine", 404],
      ["/beschluesse/gibt-es-nicht/auszug.pdf", 404],
      ["/gibt-es-nicht", 404],
    ] as const) {
      const response = await app.request(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
    }
    const tooLarge = await app.request("http://localhost/anmelden", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: `email=${"a".repeat(2_000_000)}`,
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await tooLarge.text()).toContain("Zu groß");
  });
});
