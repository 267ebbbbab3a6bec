import { describe, expect, it } from "vitest";
import { loadDemoData } from "../../src/demo/load-demo-data";
import { ADMIN_TOKEN, createTestApp, json } from "../helpers/test-app";

type Seat = {
  role: string;
  seatCategory: string | null;
  votingRight: boolean;
  person: { name: string };
  deputyFor: { person: { name: string } } | null;
};

describe("demo data", () => {
  it("brings up a municipality with the two committees of the domain notes and an internal working group", async () => {
    const { db, attachments, request } = createTestApp({ now: () => new Date("2026-11-21T10:00:00Z") });
    const loaded = await loadDemoData(db, attachments, new Date("2026-11-21T10:00:00Z"));
    expect(loaded).toMatchObject({ committees: 3 });

    const committees = (await json(await request("GET", "/api/v1/committees"))).items;
    const byShortName = Object.fromEntries(committees.map((c: { shortName: string; id: string }) => [c.shortName, c.id]));
    const composition = async (id: string) =>
      (await json(await request("GET", `/api/v1/committees/${id}/members?at=2026-11-21`))).items as Seat[];

    const beirat = await composition(byShortName.IBR);
    const voting = beirat.filter((s) => s.votingRight);
    expect(voting).toHaveLength(33);
    expect(beirat[0]).toMatchObject({ role: "chair" });
    const count = (seats: Seat[], category: string) => seats.filter((s) => s.seatCategory === category).length;
    expect([count(voting, "Gemeinderat"), count(voting, "ausländische Einwohner"), count(voting, "Spätaussiedler")]).toEqual([10, 17, 5]);

    const ausschuss = await composition(byShortName.IA);
    const members = ausschuss.filter((s) => s.votingRight);
    expect([count(members, "Gemeinderat"), count(members, "sachkundige Einwohner")]).toEqual([10, 9]);
    const deputies = ausschuss.filter((s) => s.role === "deputy");
    expect(deputies).toHaveLength(19);
    expect(deputies.every((d) => d.deputyFor !== null)).toBe(true);

    const fachgruppe = await composition(byShortName.FGZ);
    expect(fachgruppe.map((s) => s.role)).toEqual(["chair", "member", "member", "member"]);

    const names = [...beirat, ...ausschuss].map((s) => s.person.name);
    for (const name of ["Şükrü Yıldırım", "Łucja Wąsik", "Ștefan Mureșan", "Αθηνά Παπαδοπούλου", "Жанна Ковальчук"])
      expect(names).toContain(name);
  });

  it("brings up a year of the integration committee, with every meeting state and the non-public parts hidden", async () => {
    const now = new Date("2026-11-21T10:00:00Z");
    const { db, attachments, request, tokenFor } = createTestApp({ now: () => now });
    const loaded = await loadDemoData(db, attachments, now);
    const committees = (await json(await request("GET", "/api/v1/committees"))).items;
    const ia = committees.find((c: { shortName: string }) => c.shortName === "IA");
    const meetings = (await json(await request("GET", `/api/v1/meetings?committeeId=${ia.id}&limit=100`))).items;
    expect(new Set(meetings.map((m: { state: string }) => m.state))).toEqual(
      new Set(["planned", "invited", "held", "closed", "cancelled"]),
    );
    expect(meetings.filter((m: { state: string }) => m.state === "cancelled")).toHaveLength(1);
    expect(meetings[0].startsAtBerlin).toMatch(/T18:00:00\+0[12]:00$/);

    const invited = meetings.find((m: { state: string }) => m.state === "invited");
    const publicAgenda = await json(await request("GET", `/api/v1/meetings/${invited.id}/agenda`));
    expect(publicAgenda.amendments).toHaveLength(1);
    expect(JSON.stringify(publicAgenda)).not.toContain("Personalangelegenheit");
    const secretariat = await tokenFor("secretariat", { bodyId: loaded!.bodyId });
    expect(JSON.stringify(await json(await request("GET", `/api/v1/meetings/${invited.id}/agenda`, { token: secretariat })))).toContain(
      "Personalangelegenheit",
    );

    const lateOnes = [];
    for (const meeting of meetings.filter((m: { state: string }) => m.state !== "planned")) {
      const invitations = (await json(await request("GET", `/api/v1/meetings/${meeting.id}/invitations`, { token: secretariat }))).items;
      lateOnes.push(...invitations.filter((i: { notice: { late: boolean } }) => i.notice.late));
    }
    expect(lateOnes).toHaveLength(1);
    expect(lateOnes[0].lateReason).toMatch(/Haushalt/);

    const papers = (await json(await request("GET", "/api/v1/papers?limit=100"))).items;
    expect(papers.length).toBe(4); // the non-public one is hidden
    const withFile = papers.find((p: { attachments: unknown[] }) => p.attachments.length > 0);
    const download = await request("GET", withFile.attachments[0].url);
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode((await download.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    expect((await json(await request("GET", "/api/v1/papers?limit=100", { token: secretariat }))).items).toHaveLength(5);
  });

  it("records what happened in the past meetings: attendance, a recusal, a tie, resolutions and minutes in every state", async () => {
    const now = new Date("2026-11-21T10:00:00Z");
    const { db, attachments, request, tokenFor } = createTestApp({ now: () => now });
    const loaded = await loadDemoData(db, attachments, now);
    const secretariat = await tokenFor("secretariat", { bodyId: loaded!.bodyId });
    const committees = (await json(await request("GET", "/api/v1/committees"))).items;
    const ia = committees.find((c: { shortName: string }) => c.shortName === "IA");
    const meetings = (await json(await request("GET", `/api/v1/meetings?committeeId=${ia.id}&limit=100`))).items;
    const minutesStates = [];
    for (const meeting of meetings.filter((m: { state: string }) => m.state === "held" || m.state === "closed")) {
      minutesStates.push((await json(await request("GET", `/api/v1/meetings/${meeting.id}/minutes`, { token: secretariat }))).state);
    }
    expect(new Set(minutesStates)).toEqual(new Set(["draft", "circulated", "final", "published"]));

    const sheet = await json(await request("GET", `/api/v1/meetings/${meetings[0].id}/attendance`, { token: secretariat }));
    expect(sheet.attendance.filter((a: { status: string }) => a.status === "excused")[0].excuseReason).toBe("Urlaub");
    expect(sheet.attendance.some((a: { standsInForMembershipId: string | null }) => a.standsInForMembershipId !== null)).toBe(true);

    const resolutions = (await json(await request("GET", `/api/v1/resolutions?committeeId=${ia.id}`))).items;
    const announced = resolutions.find((r: { isPublic: boolean }) => !r.isPublic);
    expect(announced.announcedAt).not.toBeNull(); // the non-public one, announced at the following meeting
    const published = meetings[1]; // the demo's meetings in date order
    const publicMinutes = await json(await request("GET", `/api/v1/meetings/${published.id}/minutes`));
    expect(publicMinutes).toMatchObject({ state: "published", variant: "public" });
    expect(publicMinutes.signatures).toHaveLength(4);
    const tieMeeting = meetings[5]; // the demo's meetings in date order
    const tieMinutes = await json(await request("GET", `/api/v1/meetings/${tieMeeting.id}/minutes`, { token: secretariat }));
    expect(JSON.stringify(tieMinutes)).toContain("Stimmengleichheit (8:8): abgelehnt");
    expect(tieMinutes.objections).toHaveLength(1);
  });

  it("brings up the integration plan with 40 measures, traces, a followed-up recommendation and forum ideas", async () => {
    const now = new Date("2026-11-21T10:00:00Z");
    const { db, attachments, request, tokenFor } = createTestApp({ now: () => now });
    const loaded = await loadDemoData(db, attachments, now);
    // 40 in the integration plan, 11 in the "Gmünder Weg für alle".
    expect(loaded).toMatchObject({ measures: 51 });
    const plans = (await json(await request("GET", `/api/v1/plans?bodyId=${loaded!.bodyId}`))).items;
    const plan = plans.find((p: { title: string }) => p.title === "Integrationsplan 2019");
    expect(plan.actionFields).toHaveLength(5);
    const measures = (await json(await request("GET", `/api/v1/plans/${plan.id}/measures`))).items;
    const kita = measures.find((m: { code: string }) => m.code === "1.2");
    const trace = await json(await request("GET", `/api/v1/measures/${kita.id}/trace`));
    expect(trace.trace.length).toBeGreaterThanOrEqual(2);
    expect(trace.trace[0]).toMatchObject({ relation: "changes", itemNumber: expect.stringMatching(/^Ö /), vote: { outcome: "adopted" } });
    expect(trace.trace[0].minutesExcerpt).toMatch(/Sprachförderung/); // the minutes of that meeting are published
    // Each status change appears once, and each step starts where the one before ended.
    const steps = trace.trace.map((e: { statusChange: Record<string, unknown> }) => e.statusChange);
    expect(steps.filter((c: { fromStatus: string; toStatus: string }) => c.fromStatus !== c.toStatus)).toHaveLength(1);
    for (const [index, step] of steps.slice(1).entries()) {
      expect(step).toMatchObject({ fromStatus: steps[index].toStatus, fromProgress: steps[index].toProgress });
    }

    const management = measures.find((m: { code: string }) => m.code === "2.4");
    const secretariat = await tokenFor("secretariat", { bodyId: loaded!.bodyId });
    expect((await json(await request("GET", `/api/v1/measures/${management.id}/trace`, { token: secretariat }))).trace).toHaveLength(1);
    // The non-public award was announced at the following meeting, so its wording is public by now.
    expect((await json(await request("GET", `/api/v1/measures/${management.id}/trace`))).trace).toHaveLength(1);

    const recommendations = (await json(await request("GET", "/api/v1/resolutions?limit=100"))).items.filter((r: { number: string }) =>
      r.number.startsWith("IBR/"),
    );
    expect(recommendations).toHaveLength(1);
    expect(await json(await request("GET", `/api/v1/resolutions/${recommendations[0].id}/follow-up`))).toMatchObject({
      handling: "adopted",
      receivingResolution: { number: expect.stringMatching(/^IA\//) },
    });
    // Three ideas from each of the last two years' forums, two from this year's.
    expect((await json(await request("GET", `/api/v1/bodies/${loaded!.bodyId}/forum-ideas`))).items).toHaveLength(8);
    const overview = await json(await request("GET", `/api/v1/plans/${plan.id}/overview?staleMonths=12`));
    expect(overview.stale.length).toBeGreaterThan(0);
    expect((await json(await request("GET", "/api/v1/search?q=Schwimmkurse"))).items[0].kind).toBe("measure");
  });

  it("keeps its dates true: nothing sent or signed in the future, nothing recorded before its meeting began", async () => {
    // A Monday, so that the next invited meeting (a Thursday 12 to 18 days ahead) lies more than 14 days away.
    const now = new Date("2026-11-23T08:00:00Z");
    const { db, attachments } = createTestApp({ now: () => now });
    await loadDemoData(db, attachments, now);
    const meetings = new Map((await db.prisma.meeting.findMany()).map((m) => [m.id, m]));
    for (const invitation of await db.prisma.invitation.findMany()) expect(invitation.sentAt.getTime()).toBeLessThanOrEqual(now.getTime());
    for (const vote of await db.prisma.vote.findMany()) {
      expect(vote.createdAt.getTime()).toBeGreaterThanOrEqual(meetings.get(vote.meetingId)!.startsAt.getTime());
      expect(vote.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    for (const minutes of await db.prisma.minutes.findMany({ include: { signatures: true } })) {
      for (const signature of minutes.signatures) {
        expect(signature.signedAt.getTime()).toBeGreaterThanOrEqual(meetings.get(minutes.meetingId)!.startsAt.getTime());
        expect(signature.signedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      }
    }
  });

  it("loads only into an empty database", async () => {
    const { db, attachments, request } = createTestApp();
    expect((await request("POST", "/api/v1/demo-data", { token: ADMIN_TOKEN })).status).toBe(201);
    expect((await request("POST", "/api/v1/demo-data", { token: ADMIN_TOKEN })).status).toBe(409);
    expect(await loadDemoData(db, attachments, new Date())).toBeUndefined();
    expect(await db.prisma.body.count()).toBe(1);
  });
});
