/**
 * Writes under contention (issue 26): 50 writers at once for a while (10 s each by default, `CONTENTION_MS` to
 * change it) at the attendance and votes of one meeting, the agenda of one meeting with If-Match, and the catalogue
 * of one plan. Every answer is a 2xx, 409, 412 or 428 — never a 5xx — and the final state is what the successful
 * answers say: no lost update, no duplicate number.
 */
import { describe, expect, it } from "vitest";
import { json } from "../helpers/test-app";
import { scenario } from "../helpers/scenario";

const DURATION = Number(process.env.CONTENTION_MS ?? 10_000);
const WRITERS = 50;
const ACCEPTED = new Set([200, 201, 204, 409, 412, 428]);

/** Runs `WRITERS` loops of `write` until the time is up; answers every outcome in the order the answers came. */
async function hammer<T>(write: (writer: number, round: number) => Promise<{ status: number; result?: T }>) {
  const until = Date.now() + DURATION;
  const outcomes: { status: number; ms: number; result?: T }[] = [];
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let round = 0; Date.now() < until; round++) {
        const started = performance.now();
        const outcome = await write(writer, round);
        outcomes.push({ ...outcome, ms: performance.now() - started });
      }
    }),
  );
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  const byStatus = Object.fromEntries(
    [...new Set(outcomes.map((o) => o.status))].map((s) => [s, outcomes.filter((o) => o.status === s).length]),
  );
  return { outcomes, p99, perSecond: Math.round(outcomes.length / (DURATION / 1000)), byStatus };
}

const report = (name: string, run: Awaited<ReturnType<typeof hammer>>) =>
  console.log(
    `${name}: ${run.outcomes.length} writes, ${run.perSecond}/s, p99 ${run.p99.toFixed(0)} ms, by status ${JSON.stringify(run.byStatus)}`,
  );

describe("writes under contention", () => {
  it("attendance and votes of one meeting: every vote numbered once, attendance as last written", async () => {
    const t = await scenario();
    const clerk = t.as("secretariat");
    const meeting = await clerk.post("/api/v1/meetings", { committeeId: t.committee.id, startsAt: "2026-12-10T18:00:00+01:00" });
    const items: string[] = [];
    for (const title of ["Sprachcafé", "Interkulturelle Woche", "Zuschuss"])
      items.push((await clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { title, kind: "resolution", isPublic: true })).itemId);
    await clerk.post(`/api/v1/meetings/${meeting.id}/invitation`, {});
    t.clock.now = new Date("2026-12-10T17:30:00Z");
    const people = (["chair", "m2", "m3", "m4"] as const).map((key) => t.people[key].id as string);
    for (const personId of people) await clerk.put(`/api/v1/meetings/${meeting.id}/attendance/${personId}`, { status: "present" });

    const written = new Map<string, Set<string>>(people.map((id) => [id, new Set(["present"])]));
    const run = await hammer<{ number?: string }>(async (writer, round) => {
      if ((writer + round) % 2 === 0) {
        const personId = people[(writer + round) % people.length]!;
        const status = round % 3 === 0 ? "remote" : "present";
        written.get(personId)!.add(status);
        const response = await clerk.raw("PUT", `/api/v1/meetings/${meeting.id}/attendance/${personId}`, { status });
        await response.arrayBuffer();
        return { status: response.status };
      }
      const response = await clerk.raw("POST", `/api/v1/agenda-items/${items[round % items.length]}/votes`, {
        motion: `Antrag ${writer}/${round}`,
        counts: { yes: 3, no: 1, abstain: 0 },
        resolution: { text: `Beschluss ${writer}/${round}`, kind: "recommendation", recipientBody: "Gemeinderat" },
      });
      return { status: response.status, result: response.status === 201 ? { number: (await json(response)).resolution.number } : {} };
    });
    report("attendance and votes", run);
    expect(run.outcomes.filter((o) => !ACCEPTED.has(o.status))).toEqual([]);
    const numbers = run.outcomes.flatMap((o) => (o.result?.number ? [o.result.number] : []));
    const resolutions = await t.db.prisma.resolution.findMany({ where: { meetingId: meeting.id } });
    expect(resolutions.length).toBe(numbers.length);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(resolutions.map((r) => r.serial).sort((a, b) => a - b)).toEqual(resolutions.map((_, i) => i + 1));
    expect(await t.db.prisma.vote.count({ where: { meetingId: meeting.id } })).toBe(numbers.length);
    for (const a of await t.db.prisma.attendance.findMany({ where: { meetingId: meeting.id } }))
      expect(written.get(a.personId)!.has(a.status)).toBe(true);
  }, 60_000);

  it("agenda edits with If-Match: one winner per version, the last winner's title stands", async () => {
    const t = await scenario();
    const clerk = t.as("secretariat");
    const meeting = await clerk.post("/api/v1/meetings", { committeeId: t.committee.id, startsAt: "2026-12-10T18:00:00+01:00" });
    const { itemId } = await clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, {
      title: "Sprachcafé",
      kind: "resolution",
      isPublic: true,
    });
    const run = await hammer<{ version: number; title: string }>(async (writer, round) => {
      const agenda = await clerk.get(`/api/v1/meetings/${meeting.id}/agenda`);
      const version = agenda.items.find((item: { id: string }) => item.id === itemId).version as number;
      const title = `Sprachcafé ${writer}/${round}`;
      const response = await clerk.raw("PATCH", `/api/v1/agenda-items/${itemId}`, { title }, { "if-match": `"${version}"` });
      await response.arrayBuffer();
      return { status: response.status, result: { version: version + 1, title } };
    });
    report("agenda edits", run);
    expect(run.outcomes.filter((o) => !ACCEPTED.has(o.status))).toEqual([]);
    const wins = run.outcomes.filter((o) => o.status === 200);
    // Each version was won once: the winners' versions are 2, 3, 4, … without a gap or a repeat.
    expect(wins.map((o) => o.result!.version).sort((a, b) => a - b)).toEqual(wins.map((_, i) => i + 2));
    const item = await t.db.prisma.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    expect(item.version).toBe(wins.length + 1);
    expect(item.title).toBe(wins.find((o) => o.result!.version === item.version)!.result!.title);
  }, 60_000);

  it("catalogue imports of one plan: all or nothing, the measures as the last successful import wrote them", async () => {
    const t = await scenario();
    const clerk = t.as("secretariat");
    const plan = await clerk.post("/api/v1/plans", { bodyId: t.body.id, title: "Integrationsplan" });
    const csv = (progress: number) =>
      [
        "code,actionField,actionFieldTitle,title,status,progress",
        ...[1, 2, 3, 4, 5].map((n) => `1.${n},1,Sprache,Maßnahme ${n},in_progress,${(progress + n) % 100}`),
      ].join("\n");
    const run = await hammer<{ progress: number }>(async (writer, round) => {
      const progress = (writer * 7 + round * 13) % 90;
      const response = await t.request("POST", `/api/v1/plans/${plan.id}/measures/import`, {
        token: t.tokens.secretariat,
        body: csv(progress),
        headers: { "content-type": "text/csv" },
      });
      await response.arrayBuffer();
      return { status: response.status, result: { progress } };
    });
    report("catalogue imports", run);
    expect(run.outcomes.filter((o) => !ACCEPTED.has(o.status))).toEqual([]);
    const measures = await t.db.prisma.measure.findMany({ where: { planId: plan.id }, orderBy: { code: "asc" } });
    expect(measures.map((m) => m.code)).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5"]);
    // The five measures agree with one successful import: none of them lost to another import's half.
    const progresses = new Set(run.outcomes.filter((o) => o.status === 200).map((o) => o.result!.progress));
    const first = measures[0]!.progress - 1;
    expect([...progresses].some((p) => (p + 1) % 100 === measures[0]!.progress)).toBe(true);
    expect(measures.map((m) => m.progress)).toEqual(measures.map((_, i) => (first + i + 1) % 100));
  }, 60_000);
});
