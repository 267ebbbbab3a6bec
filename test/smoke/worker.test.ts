import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unstable_DevWorker } from "wrangler";
import { prepareLocalD1, startLocalWorker } from "../../scripts/local-worker";
import { ADMIN_TOKEN, jsonClient } from "../helpers/test-app";
import { testSmtp, type TestSmtp } from "../helpers/smtp";
import { contention, summary } from "../helpers/contention";
import { liveSmokeSuite, meetingsSmokeSuite, outcomesSmokeSuite, planSmokeSuite, seedBeirat, smokeSuite } from "./smoke-suite";

let worker: Unstable_DevWorker;
let smtp: TestSmtp;

beforeAll(async () => {
  // A mail server on loopback, which a local Worker may reach (production blocks port 25, not this).
  smtp = await testSmtp();
  // The same path a developer takes: derive D1 migrations from Prisma's, apply them to a local D1, serve on workerd.
  worker = await startLocalWorker(prepareLocalD1("gremium-d1-"), {
    ADMIN_TOKEN,
    SMTP_URL: smtp.url,
    MAIL_FROM: "Geschäftsstelle <gremium@remsfeld.example>",
  });
});

afterAll(async () => {
  await worker?.stop();
  await smtp?.stop();
});

const request = jsonClient((urlPath, init) => worker.fetch(urlPath, init as never) as unknown as Promise<Response>);
const target = () => ({ request, adminToken: ADMIN_TOKEN });
smokeSuite("Worker on workerd with local D1 and R2", target);
meetingsSmokeSuite("Worker on workerd with local D1 and R2", target);
outcomesSmokeSuite("Worker on workerd with local D1 and R2", target);
planSmokeSuite("Worker on workerd with local D1 and R2", target);
liveSmokeSuite("Worker on workerd with local D1 and R2", target);

describe("smoke: writes under contention on the Worker", () => {
  // Fewer writers for a shorter while than on Node (test/api/contention.test.ts): the same checks, in CI's time.
  const scenarios = () => contention(request, ADMIN_TOKEN, { writers: 20, ms: 3000 });
  it("answers attendance and votes, agenda edits with If-Match and imports without a 5xx, and loses nothing", async () => {
    console.log(summary("workerd: attendance and votes", await scenarios().attendanceAndVotes()));
    console.log(summary("workerd: agenda edits", await scenarios().agendaEdits()));
    console.log(summary("workerd: catalogue imports", await scenarios().catalogueImports()));
  }, 120_000);
});

describe("smoke: mail on the Worker", () => {
  it("sends an invitation over SMTP from workerd, right after the request (waitUntil), with its PDF", async () => {
    const { post, committee, person } = await seedBeirat(target());
    await post("/api/v1/memberships", { committeeId: committee.id, personId: person.id, role: "member", startDate: "2024-01-01" });
    const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const meeting = await post("/api/v1/meetings", { committeeId: committee.id, startsAt, locationName: "Rathaus" });
    await post(`/api/v1/meetings/${meeting.id}/agenda-items`, { title: "Sprachkurse", kind: "discussion" });
    await post(`/api/v1/meetings/${meeting.id}/invitation`, {});
    const deadline = Date.now() + 30_000;
    while (!smtp.received.some((mail) => mail.subject?.includes("Integrationsbeirat")) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const mail = smtp.received.find((received) => received.subject?.includes("Integrationsbeirat"));
    expect(mail?.text).toContain("Guten Tag Жанна Ковальчук");
    expect(mail?.attachments.map((a) => a.filename)).toEqual(["Einladung.pdf"]);
    expect(mail?.headerLines.find((h) => h.key === "auto-submitted")?.line).toContain("auto-generated");
  }, 60_000);
});
