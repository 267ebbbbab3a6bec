/**
 * Writes under contention, through the API only, so that the same scenarios run on Node and on workerd with a local
 * D1: many writers at once for a while at the attendance and votes of one meeting, the agenda of one meeting with
 * If-Match, and the catalogue of one plan. Each scenario answers its outcomes and checks the final state against the
 * successful answers: no lost update, no duplicate number.
 */
import { expect } from "vitest";
import { json, type TestFetch } from "./test-app";

/** What an answer may be under contention: a success or a refusal the client can act on, never a 5xx. */
export const ACCEPTED = new Set([200, 201, 204, 409, 412, 428]);

export interface Load {
  writers: number;
  ms: number;
}

/** Runs `writers` loops of `write` for `ms`; the outcomes in the order the answers came, with throughput and p99. */
export async function hammer<T>(load: Load, write: (writer: number, round: number) => Promise<{ status: number; result?: T }>) {
  const until = Date.now() + load.ms;
  const outcomes: { status: number; ms: number; result?: T }[] = [];
  await Promise.all(
    Array.from({ length: load.writers }, async (_, writer) => {
      for (let round = 0; Date.now() < until; round++) {
        const started = performance.now();
        const outcome = await write(writer, round);
        outcomes.push({ ...outcome, ms: performance.now() - started });
      }
    }),
  );
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const byStatus: Record<number, number> = {};
  for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  return {
    outcomes,
    p99: sorted[Math.floor(sorted.length * 0.99)] ?? 0,
    perSecond: outcomes.length / (load.ms / 1000),
    byStatus,
  };
}

type Run = Awaited<ReturnType<typeof hammer>>;
export const summary = (name: string, run: Run) =>
  `${name}: ${run.outcomes.length} writes, ${run.perSecond.toFixed(0)}/s, p99 ${run.p99.toFixed(0)} ms, ` +
  `by status ${JSON.stringify(run.byStatus)}`;

/** The three scenarios against one runtime, as the admin (whose token may do what the secretariat does). */
export function contention(request: TestFetch, token: string, load: Load) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await request(method, path, { token, body, headers });
    return {
      status: response.status,
      body: response.status < 300 && response.status !== 204 ? await json(response) : await response.text(),
    };
  };
  const created = async (path: string, body: unknown) => {
    const answer = await call("POST", path, body);
    expect(answer.status, `POST ${path}: ${JSON.stringify(answer.body)}`).toBe(201);
    return answer.body;
  };
  const noServerErrors = (run: Run) => expect(run.outcomes.filter((o) => !ACCEPTED.has(o.status)).map((o) => o.status)).toEqual([]);

  async function committeeWithMembers() {
    const body = await created("/api/v1/bodies", { name: `Stadt ${crypto.randomUUID().slice(0, 8)}` });
    const committee = await created("/api/v1/committees", {
      bodyId: body.id,
      name: "Integrationsbeirat",
      shortName: "IBR",
      kind: "advisory_council",
    });
    const people: string[] = [];
    for (const familyName of ["Yıldırım", "Ковальчук", "Παπαδοπούλου", "Wąsik"]) {
      const person = await created("/api/v1/people", { bodyId: body.id, givenName: "X", familyName });
      await created("/api/v1/memberships", { committeeId: committee.id, personId: person.id, role: "member", startDate: "2024-01-01" });
      people.push(person.id);
    }
    return { body, committee, people };
  }

  return {
    async attendanceAndVotes() {
      const { committee, people } = await committeeWithMembers();
      const meeting = await created("/api/v1/meetings", {
        committeeId: committee.id,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        standardFrame: false,
      });
      const items: string[] = [];
      for (const title of ["Sprachcafé", "Interkulturelle Woche", "Zuschuss"])
        items.push((await created(`/api/v1/meetings/${meeting.id}/agenda-items`, { title, kind: "resolution", isPublic: true })).itemId);
      await created(`/api/v1/meetings/${meeting.id}/invitation`, { lateReason: "Kurzfristig einberufen" });
      for (const personId of people) await call("PUT", `/api/v1/meetings/${meeting.id}/attendance/${personId}`, { status: "present" });
      const written = new Map(people.map((id) => [id, new Set(["present"])]));
      const run = await hammer<{ number?: string }>(load, async (writer, round) => {
        if ((writer + round) % 2 === 0) {
          const personId = people[(writer + round) % people.length]!;
          const status = round % 3 === 0 ? "remote" : "present";
          written.get(personId)!.add(status);
          return { status: (await call("PUT", `/api/v1/meetings/${meeting.id}/attendance/${personId}`, { status })).status };
        }
        const answer = await call("POST", `/api/v1/agenda-items/${items[round % items.length]}/votes`, {
          motion: `Antrag ${writer}/${round}`,
          counts: { yes: 3, no: 1, abstain: 0 },
          resolution: { text: `Beschluss ${writer}/${round}`, kind: "recommendation", recipientBody: "Gemeinderat" },
        });
        return { status: answer.status, result: answer.status === 201 ? { number: answer.body.resolution.number } : {} };
      });
      noServerErrors(run);
      const numbers = run.outcomes.flatMap((o) => (o.result?.number ? [o.result.number] : []));
      expect(new Set(numbers).size).toBe(numbers.length);
      const listed: string[] = [];
      for (let cursor = ""; ; ) {
        const page = (await call("GET", `/api/v1/resolutions?meetingId=${meeting.id}&limit=200${cursor ? `&cursor=${cursor}` : ""}`)).body;
        listed.push(...page.items.map((r: { number: string }) => r.number));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(listed.sort()).toEqual([...numbers].sort());
      // Numbered without a gap: 1 … n.
      const serials = numbers.map((n) => Number(n.split("/").pop())).sort((a, b) => a - b);
      expect(serials).toEqual(serials.map((_, i) => i + 1));
      // Every vote is in the minutes once.
      const minutes = (await call("GET", `/api/v1/meetings/${meeting.id}/minutes`)).body;
      expect(minutes.items.reduce((sum: number, item: { votes: unknown[] }) => sum + item.votes.length, 0)).toBe(numbers.length);
      const sheet = (await call("GET", `/api/v1/meetings/${meeting.id}/attendance`)).body;
      for (const a of sheet.attendance) expect(written.get(a.personId)!.has(a.status)).toBe(true);
      return run;
    },

    async agendaEdits() {
      const { committee } = await committeeWithMembers();
      const meeting = await created("/api/v1/meetings", {
        committeeId: committee.id,
        startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        standardFrame: false,
      });
      const { itemId } = await created(`/api/v1/meetings/${meeting.id}/agenda-items`, {
        title: "Sprachcafé",
        kind: "resolution",
        isPublic: true,
      });
      const versionOf = async () =>
        ((await call("GET", `/api/v1/meetings/${meeting.id}/agenda`)).body.items as { id: string; version: number; title: string }[]).find(
          (item) => item.id === itemId,
        )!;
      const run = await hammer<{ version: number; title: string }>(load, async (writer, round) => {
        const { version } = await versionOf();
        const title = `Sprachcafé ${writer}/${round}`;
        const answer = await call("PATCH", `/api/v1/agenda-items/${itemId}`, { title }, { "if-match": `"${version}"` });
        return { status: answer.status, result: { version: version + 1, title } };
      });
      noServerErrors(run);
      const wins = run.outcomes.filter((o) => o.status === 200);
      // Each version was won once: the winners' versions are 2, 3, 4, … without a gap or a repeat.
      expect(wins.map((o) => o.result!.version).sort((a, b) => a - b)).toEqual(wins.map((_, i) => i + 2));
      const item = await versionOf();
      expect(item.version).toBe(wins.length + 1);
      expect(item.title).toBe(wins.find((o) => o.result?.version === item.version)?.result?.title ?? "Sprachcafé");
      return run;
    },

    async catalogueImports() {
      const { body } = await committeeWithMembers();
      const plan = await created("/api/v1/plans", { bodyId: body.id, title: "Integrationsplan" });
      const csv = (progress: number) =>
        [
          "code,actionField,actionFieldTitle,title,status,progress",
          ...[1, 2, 3, 4, 5].map((n) => `1.${n},1,Sprache,Maßnahme ${n},in_progress,${(progress + n) % 100}`),
        ].join("\n");
      const run = await hammer<{ progress: number }>(load, async (writer, round) => {
        const progress = (writer * 7 + round * 13) % 90;
        const response = await request("POST", `/api/v1/plans/${plan.id}/measures/import`, {
          token,
          body: csv(progress),
          headers: { "content-type": "text/csv" },
        });
        await response.arrayBuffer();
        return { status: response.status, result: { progress } };
      });
      noServerErrors(run);
      const measures = ((await call("GET", `/api/v1/plans/${plan.id}/measures`)).body.items as { code: string; progress: number }[]).sort(
        (a, b) => a.code.localeCompare(b.code),
      );
      expect(measures.map((m) => m.code)).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5"]);
      // The five measures agree with one successful import: none of them kept another import's value.
      const first = measures[0]!.progress - 1;
      expect(run.outcomes.some((o) => o.status === 200 && (o.result!.progress + 1) % 100 === measures[0]!.progress)).toBe(true);
      expect(measures.map((m) => m.progress)).toEqual(measures.map((_, i) => (first + i + 1) % 100));
      return run;
    },
  };
}
