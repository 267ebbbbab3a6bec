import { describe, expect, it } from "vitest";
import { createServiceContext } from "../../src/services/context";
import { createToken } from "../../src/services/accounts/tokens";
import { berlinDateOf } from "../../src/rules/calendar";
import { paperNumber } from "../../src/rules/papers";
import { demoPortal } from "../helpers/portal";

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");

/** The values a select offers, the empty "all" choice left out. */
const options = (html: string, id: string) => {
  const select = new RegExp(`<select[^>]*id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option value="([^"]*)"/g)].map((match) => match[1]).filter(Boolean);
};

async function demo() {
  const { app, db } = await demoPortal();
  const get = async (path: string, token?: string) => {
    const response = await app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return { status: response.status, html: await response.text(), headers: response.headers };
  };
  return { app, db, get };
}

describe("the lists people look for", () => {
  it("lists papers newest first, by year, committee, kind, state of consultation and title; years only with papers", async () => {
    const { db, get } = await demo();
    const papers = await db.prisma.paper.findMany({ where: { deletedAt: null }, include: { consultations: true } });
    const visible = papers.filter((paper) => paper.isPublic).sort((a, b) => b.year - a.year || b.serial - a.serial);
    const { status, html } = await get("/vorlagen");
    expect(status).toBe(200);
    const listed = [...html.matchAll(/href="\/vorlagen\/([^"?]+)"/g)].map((match) => match[1]);
    expect(listed).toEqual(visible.map((paper) => paper.id));
    expect(options(html, "jahr")).toEqual([...new Set(visible.map((paper) => String(paper.year)))]);
    for (const paper of papers.filter((p) => !p.isPublic)) expect(html).not.toContain(paper.title);

    const [newest] = visible;
    const byYear = await get(`/vorlagen?jahr=${newest!.year}`);
    expect([...byYear.html.matchAll(/href="\/vorlagen\/([^"?]+)"/g)].map((m) => m[1])).toEqual(
      visible.filter((p) => p.year === newest!.year).map((p) => p.id),
    );
    const byType = await get(`/vorlagen?art=${newest!.type}`);
    expect(text(byType.html)).toContain(newest!.title);
    for (const other of visible.filter((p) => p.type !== newest!.type)) expect(byType.html).not.toContain(`/vorlagen/${other.id}"`);
    const committeeId = newest!.consultations[0]!.committeeId;
    const byCommittee = await get(`/vorlagen?gremium=${committeeId}`);
    for (const paper of visible) {
      const onRoute = paper.consultations.some((c) => c.committeeId === committeeId);
      expect(byCommittee.html.includes(`/vorlagen/${paper.id}"`), paper.title).toBe(onRoute);
    }
    const state = newest!.consultations[0]!.state;
    expect((await get(`/vorlagen?stand=${state}`)).html).toContain(`/vorlagen/${newest!.id}"`);
    const word = newest!.title.split(/\s+/).find((w) => w.length > 5)!;
    const byTitle = await get(`/vorlagen?titel=${encodeURIComponent(word)}`);
    expect(byTitle.html).toContain(`/vorlagen/${newest!.id}"`);
    expect(byTitle.html).toContain(`value="${word}"`); // the filter is kept
    expect(text((await get("/vorlagen?titel=Zeppelinhafen")).html)).toContain("Keine Vorlagen gefunden.");

    // A member of the committee on its route finds the non-public paper in the list too.
    const secret = papers.find((p) => !p.isPublic && p.consultations.length > 0);
    if (secret) {
      const seat = await db.prisma.membership.findFirstOrThrow({
        where: { committeeId: secret.consultations[0]!.committeeId, role: "member" },
      });
      const admin = createServiceContext(db, { kind: "admin", tokenId: null, name: "test" }, new Date());
      const { secret: token } = await createToken(admin, { name: "member", role: "member", personId: seat.personId });
      const member = await get("/vorlagen", token);
      expect(member.html).toContain(`/vorlagen/${secret.id}"`);
      expect(text(member.html)).toContain(`${paperNumber(secret.year, secret.serial)}: ${secret.title}`);
    }
  });

  it("lists published minutes newest first, per committee and year, and offers only years that have them", async () => {
    const { db, get } = await demo();
    const published = await db.prisma.meeting.findMany({
      where: { minutes: { is: { state: "published" } } },
      orderBy: { startsAt: "desc" },
    });
    expect(published.length).toBeGreaterThan(1);
    const { html } = await get("/niederschriften");
    const listed = [...html.matchAll(/href="\/sitzungen\/([^"/]+)\/niederschrift"/g)].map((m) => m[1]);
    expect(listed).toEqual(published.map((meeting) => meeting.id));
    expect(options(html, "jahr")).toEqual([...new Set(published.map((meeting) => berlinDateOf(meeting.startsAt).slice(0, 4)))]);
    const committeeId = published[0]!.committeeId;
    const ofCommittee = await get(`/niederschriften?gremium=${committeeId}`);
    expect([...ofCommittee.html.matchAll(/href="\/sitzungen\/([^"/]+)\/niederschrift"/g)].map((m) => m[1])).toEqual(
      published.filter((meeting) => meeting.committeeId === committeeId).map((meeting) => meeting.id),
    );
    expect(text((await get("/niederschriften?jahr=1999")).html)).toContain("Keine veröffentlichten Niederschriften gefunden.");
  });

  it("sends /massnahmen to the plan, and offers only years and months that have records", async () => {
    const { db, app, get } = await demo();
    const redirect = await app.request("/massnahmen");
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/integrationsplan");
    const resolutions = await db.prisma.resolution.findMany({ where: { isPublic: true } });
    const years = options((await get("/beschluesse")).html, "jahr");
    for (const year of years) expect(resolutions.some((r) => String(r.year) === year)).toBe(true);
    expect(years.length).toBeGreaterThan(0);
    const months = [...new Set((await db.prisma.meeting.findMany()).map((meeting) => berlinDateOf(meeting.startsAt).slice(0, 7)))].sort();
    const calendar = await get(`/sitzungen?monat=${months[0]}`);
    expect(options(calendar.html, "monat")).toEqual(months);
    // Paging skips empty months: it leads to the next month with a meeting, and there is none before the first.
    expect(calendar.html).toContain(`href="/sitzungen?monat=${months[1]}"`);
    expect(calendar.html).not.toContain('rel="prev"');
  });
});

describe("links both ways", () => {
  it("leads from a resolution to its item, meeting and paper, from the item back, and along the paper's route", async () => {
    const { db, get } = await demo();
    const resolution = await db.prisma.resolution.findFirstOrThrow({
      where: { isPublic: true, paperId: { not: null }, itemId: { not: null }, meetingId: { not: null } },
    });
    const page = (await get(`/beschluesse/${resolution.id}`)).html;
    expect(page).toContain(`href="/sitzungen/${resolution.meetingId}/top/${resolution.itemId}"`);
    expect(page).toContain(`href="/sitzungen/${resolution.meetingId}"`);
    expect(page).toContain(`href="/vorlagen/${resolution.paperId}"`);
    expect((await get(`/sitzungen/${resolution.meetingId}/top/${resolution.itemId}`)).html).toContain(
      `href="/beschluesse/${resolution.id}"`,
    );
    const paper = (await get(`/vorlagen/${resolution.paperId}`)).html;
    const route = /<table[\s\S]*?<\/table>/.exec(paper)![0];
    expect(route).toContain(`href="/beschluesse/${resolution.id}"`);
    expect(route).toContain(`href="/sitzungen/${resolution.meetingId}/top/${resolution.itemId}"`);
    expect(text(route)).toMatch(/angenommen|abgelehnt/);
    const consultations = await db.prisma.consultation.count({ where: { paperId: resolution.paperId! } });
    expect([...route.matchAll(/<tr class="kern-table__row">/g)].length).toBe(consultations + 1);
  });

  it("follows a recommendation to the receiving body's resolution, and back", async () => {
    const { db, get } = await demo();
    const followUp = await db.prisma.recommendationFollowUp.findFirstOrThrow({ where: { receivingResolutionId: { not: null } } });
    const recommendation = text((await get(`/beschluesse/${followUp.recommendationId}`)).html);
    expect(recommendation).toContain("Was aus der Empfehlung wurde");
    expect(recommendation).toMatch(/Behandlung (übernommen|mit Änderungen übernommen|nicht übernommen)/);
    const recommendationHtml = (await get(`/beschluesse/${followUp.recommendationId}`)).html;
    expect(recommendationHtml).toContain(`href="/beschluesse/${followUp.receivingResolutionId}"`);
    const receiving = (await get(`/beschluesse/${followUp.receivingResolutionId}`)).html;
    expect(text(receiving)).toContain("Dieser Beschluss folgt der Empfehlung");
    expect(receiving).toContain(`href="/beschluesse/${followUp.recommendationId}"`);
  });
});

describe("calendars and cancelled meetings", () => {
  it("offers every feed to subscribe (webcal) and to download (https), explained, with events that link to the pages", async () => {
    const { db, get, app } = await demo();
    const calendar = await get("/sitzungen");
    const body = await db.prisma.body.findFirstOrThrow();
    expect(calendar.html).toContain(`href="webcal://localhost/api/v1/bodies/${body.id}/calendar.ics"`);
    expect(calendar.html).toContain(`href="http://localhost/api/v1/bodies/${body.id}/calendar.ics"`);
    expect(text(calendar.html)).toContain("Abonnieren: Ihr Kalender");
    const committee = await db.prisma.committee.findFirstOrThrow();
    const committeePage = (await get(`/gremien/${committee.id}`)).html;
    expect(committeePage).toContain(`href="webcal://localhost/api/v1/committees/${committee.id}/calendar.ics"`);
    const feed = await (await app.request(`/api/v1/bodies/${body.id}/calendar.ics`)).text();
    const meeting = await db.prisma.meeting.findFirstOrThrow({ where: { state: { not: "cancelled" } } });
    expect(feed.replace(/\r\n /g, "")).toContain(`URL;VALUE=URI:http://localhost/sitzungen/${meeting.id}`);
  });

  it("says that a meeting was cancelled and why, and offers no appointment to take over", async () => {
    const { db, get } = await demo();
    const cancelled = await db.prisma.meeting.findFirstOrThrow({ where: { state: "cancelled" } });
    const { html } = await get(`/sitzungen/${cancelled.id}`);
    expect(text(html)).toContain(`Diese Sitzung ist abgesagt. Sie findet nicht statt. Grund: ${cancelled.cancelledReason}`);
    expect(html).not.toContain("termin.ics");
    const held = await db.prisma.meeting.findFirstOrThrow({ where: { state: "invited" } });
    expect((await get(`/sitzungen/${held.id}`)).html).toContain(`/sitzungen/${held.id}/termin.ics`);
  });
});
