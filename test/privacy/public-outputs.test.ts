/**
 * What the public reads holds no personal data beyond names: a crawl of every public output of the demo (the
 * portal's pages, the PDFs and feeds they link, the public minutes as JSON and PDF, OParl with its file texts,
 * the iCalendar feeds, the CSV export and search) finds no reason of absence, no remark on a recusal, no
 * reason of an interruption, and no e-mail address or phone number.
 */
import { describe, expect, it } from "vitest";
import { crawlOparl } from "../helpers/oparl";
import { crawl, demoPortal, pdfText } from "../helpers/portal";

describe("the public record", () => {
  it("names absent members only as excused or not, and holds no reason, remark or contact data anywhere", async () => {
    const { app, db } = await demoPortal();
    const [attendances, recusals, people, meetings] = await Promise.all([
      db.prisma.attendance.findMany({ where: { excuseReason: { not: null } } }),
      db.prisma.recusal.findMany({ where: { note: { not: null } } }),
      db.prisma.person.findMany(),
      db.prisma.meeting.findMany({ include: { minutes: true, committee: true } }),
    ]);
    const interruptions = meetings.flatMap((m) => (m.interruptions ? (JSON.parse(m.interruptions) as { reason?: string }[]) : []));
    const secrets = [
      ...new Set([
        ...attendances.map((a) => a.excuseReason!),
        ...recusals.map((r) => r.note!),
        ...interruptions.flatMap((i) => (i.reason ? [i.reason] : [])),
        ...people.flatMap((p) => [p.email, p.phone].filter((v): v is string => !!v)),
      ]),
    ];
    const published = meetings.filter((m) => m.minutes?.state === "published");
    // The demo must hold what the test looks for, in minutes the public reads.
    expect(attendances.some((a) => published.some((m) => m.id === a.meetingId))).toBe(true);
    expect(recusals.some((r) => published.some((m) => m.id === r.meetingId))).toBe(true);
    expect(people.filter((p) => p.email).length).toBeGreaterThan(10);

    const outputs = new Map<string, string>();
    const pages = await crawl((address) => app.request(address));
    for (const [address, page] of pages) outputs.set(address, page.html);
    for (const meeting of published) {
      const json = await app.request(`/api/v1/meetings/${meeting.id}/minutes`);
      outputs.set(`minutes ${meeting.id}`, await json.text());
      const pdf = await app.request(`/api/v1/meetings/${meeting.id}/minutes.pdf?part=public`);
      expect(pdf.status).toBe(200);
      const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
      outputs.set(`minutes.pdf ${meeting.id}`, text);
      if (attendances.some((a) => a.meetingId === meeting.id)) expect(text).toMatch(/: entschuldigt\b/);
      if (recusals.some((r) => r.meetingId === meeting.id)) expect(text).toContain("erklärt sich für befangen");
    }
    const [body] = await db.prisma.body.findMany();
    const feeds = [
      `/api/v1/bodies/${body!.id}/calendar.ics`,
      ...new Set(meetings.map((m) => `/api/v1/committees/${m.committeeId}/calendar.ics`)),
    ];
    for (const feed of feeds) outputs.set(feed, await (await app.request(feed)).text());
    for (const plan of await db.prisma.plan.findMany()) {
      for (const format of ["", "?format=excel"]) {
        const address = `/api/v1/plans/${plan.id}/measures.csv${format}`;
        outputs.set(address, await (await app.request(address)).text());
      }
    }
    // Search repeats the query, so here the test is that nothing is found (a phrase, so that no word alone matches).
    const found: string[] = [];
    for (const secret of secrets) {
      const hits = (await (await app.request(`/api/v1/search?q=${encodeURIComponent(`"${secret}"`)}`)).json()) as { items: unknown[] };
      if (hits.items.length > 0) found.push(`search: ${secret}`);
    }
    outputs.set("/api/v1/people", await (await app.request("/api/v1/people?limit=200")).text());

    for (const [address, text] of outputs) found.push(...secrets.filter((secret) => text.includes(secret)).map((s) => `${address}: ${s}`));
    expect(found).toEqual([]);
    expect(outputs.size).toBeGreaterThan(60);

    const report = await crawlOparl((address, headers) => app.request(address, { headers }), { secrets });
    expect(report.errors).toEqual([]);
    console.log(
      `Privacy crawl: ${outputs.size} portal, API, PDF, feed and CSV outputs and ${report.pages} OParl pages; ` +
        `${secrets.length} personal texts looked for`,
    );
  }, 120_000);
});
