/**
 * Writes under contention on Node (issue 26): 50 writers at once for 10 s each (`CONTENTION_MS` to change it) at the
 * attendance and votes of one meeting, the agenda of one meeting with If-Match, and the catalogue of one plan. Every
 * answer is a 2xx, 409, 412 or 428 — never a 5xx — and the final state is what the successful answers say. The same
 * scenarios run on workerd with a local D1 in the smoke suite (`test/helpers/contention.ts`).
 */
import { describe, it } from "vitest";
import { contention, summary } from "../helpers/contention";
import { ADMIN_TOKEN, createTestApp } from "../helpers/test-app";

const load = { writers: 50, ms: Number(process.env.CONTENTION_MS ?? 10_000) };

describe("writes under contention on Node", () => {
  const { request } = createTestApp();
  const scenarios = contention(request, ADMIN_TOKEN, load);
  it("attendance and votes of one meeting: every vote numbered once and without a gap, attendance as written", async () => {
    console.log(summary("Node: attendance and votes", await scenarios.attendanceAndVotes()));
  }, 90_000);
  it("agenda edits with If-Match: one winner per version, the last winner's title stands", async () => {
    console.log(summary("Node: agenda edits", await scenarios.agendaEdits()));
  }, 90_000);
  it("catalogue imports of one plan: all or nothing, the measures as one successful import wrote them", async () => {
    console.log(summary("Node: catalogue imports", await scenarios.catalogueImports()));
  }, 90_000);
});
