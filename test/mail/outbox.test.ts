/**
 * E-mail through a real SMTP server in the test process: the invitation to each recipient with what they may read,
 * a server that is down at first, a permanent refusal, no mail server at all, and the forgotten password.
 */
import { afterEach, describe, expect, it } from "vitest";
import { nodeMailTransport } from "../../src/entry/node-mail";
import { parseMailFrom } from "../../src/mail/message";
import { pdfText, signedInClerk, signedInVisitor } from "../helpers/portal";
import { scenario } from "../helpers/scenario";
import { testSmtp, type TestSmtp } from "../helpers/smtp";

const FROM = parseMailFrom("Geschäftsstelle Integrationsbeirat <gremium@remsfeld.example>");
const MINUTE = 60_000;
const servers: TestSmtp[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function server(options: Parameters<typeof testSmtp>[0] = {}) {
  const smtp = await testSmtp(options);
  servers.push(smtp);
  return smtp;
}

/**
 * A committee whose seat holders have addresses (the deputy asked for no mail), a newcomer whose seat begins on the
 * day of the meeting (invited, but not yet a reader of the non-public part), and a meeting with a public and a
 * non-public item.
 */
async function invitedCommittee(mail: { transport: ReturnType<typeof nodeMailTransport> | null }) {
  const t = await scenario({ mail: { from: FROM, ...mail } });
  const addresses: Record<string, string> = {};
  for (const [key, person] of Object.entries(t.people) as [string, { id: string }][]) {
    addresses[key] = `${key}@remsfeld.example`;
    await t.db.prisma.person.update({ where: { id: person.id }, data: { email: addresses[key], mailOptOut: key === "d3" } });
  }
  const newcomer = await t.f.person(t.body.id, { givenName: "Małgorzata", familyName: "Nowak", email: "neu@remsfeld.example" });
  await t.f.membership(t.committee.id, newcomer.id, { startDate: "2026-12-10" });
  const meeting = await t.createMeeting();
  const secretariat = t.as("secretariat");
  await secretariat.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { title: "Sprachkurse für Eltern", kind: "discussion" });
  await secretariat.post(`/api/v1/meetings/${meeting.id}/agenda-items`, {
    title: "Grundstück Schillerstraße",
    kind: "discussion",
    isPublic: false,
  });
  return { t, meeting, addresses, newcomer };
}

const invite = (t: Awaited<ReturnType<typeof invitedCommittee>>["t"], meetingId: string) =>
  t.as("secretariat").post(`/api/v1/meetings/${meetingId}/invitation`, {});

describe("the invitation by e-mail", () => {
  it("sends each recipient the agenda and the invitation PDF they may read, once, with the headers of an automatic mail", async () => {
    const smtp = await server();
    const { t, meeting, addresses } = await invitedCommittee({ transport: nodeMailTransport(smtp.url) });
    await invite(t, meeting.id);
    // Two senders at once (two processes, or the Cron Trigger beside a waitUntil): each mail is claimed once.
    const [first, second] = await Promise.all([t.sendMail(), t.sendMail()]);
    expect(first.sent + second.sent).toBe(6);
    const to = smtp.received.map((mail) => (mail.to as { value: { address: string }[] }).value[0]!.address).sort();
    // The members and the newcomer; not the deputy who asked for post, not the outsider of another committee.
    expect(to).toEqual([addresses.chair, addresses.clerk, addresses.m2, addresses.m3, addresses.m4, "neu@remsfeld.example"].sort());
    for (const mail of smtp.received) {
      const address = (mail.to as { value: { address: string }[] }).value[0]!.address;
      const member = address !== "neu@remsfeld.example";
      expect(mail.subject).toBe("Einladung: 1. Sitzung Integrationsausschuss am Do., 10.12.2026");
      expect(mail.from?.value[0]).toEqual({ address: FROM.email, name: FROM.name });
      expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@remsfeld\.example>$/);
      expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
      expect(mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toContain("<mailto:gremium@remsfeld.example?subject=");
      expect(mail.date).toBeInstanceOf(Date);
      expect(mail.text).toContain("Sprachkurse für Eltern");
      expect(mail.text).toContain(`http://localhost/sitzungen/${meeting.id}`);
      expect(mail.html).toContain("Sprachkurse für Eltern");
      expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([["Einladung.pdf", "application/pdf"]]);
      const pdf = pdfText(new Uint8Array(mail.attachments[0]!.content));
      expect(pdf).toContain("Sprachkurse für Eltern");
      for (const text of [mail.text, mail.html, pdf]) expect(String(text).includes("Grundstück Schillerstraße")).toBe(member);
    }
    // Names in any script, as written.
    expect(smtp.received.find((mail) => mail.text?.startsWith("Guten Tag Жанна Ковальчук,"))).toBeDefined();
    expect((await t.sendMail()).sent).toBe(0);
  });

  it("keeps the mails while the server is down, sends them when it is up, and none twice", async () => {
    const smtp = await server({ startNow: false });
    const { t, meeting } = await invitedCommittee({ transport: nodeMailTransport(smtp.url) });
    await invite(t, meeting.id);
    expect(await t.sendMail()).toEqual({ sent: 0, failed: 0, retried: 6 });
    const waiting = await t.db.prisma.outboxMail.findMany({ where: { meetingId: meeting.id } });
    expect(waiting.map((mail) => [mail.state, mail.attempts])).toEqual(Array(6).fill(["pending", 1]));
    expect(waiting[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    await smtp.start();
    expect((await t.sendMail()).sent).toBe(0); // not due yet: the next attempt is 5 minutes on
    t.clock.now = new Date(t.clock.now.getTime() + 5 * MINUTE);
    expect((await t.sendMail()).sent).toBe(6);
    expect((await t.sendMail()).sent).toBe(0);
    expect(smtp.received).toHaveLength(6);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(6);
  });

  it("marks a mail the server refuses with 550 as failed, shows it, and sends the others", async () => {
    const smtp = await server({ refuse: (address) => address === "m2@remsfeld.example" });
    const { t, meeting } = await invitedCommittee({ transport: nodeMailTransport(smtp.url) });
    await invite(t, meeting.id);
    expect(await t.sendMail()).toEqual({ sent: 5, failed: 1, retried: 0 });
    const failed = await t.db.prisma.outboxMail.findFirstOrThrow({ where: { state: "failed" } });
    expect(failed.recipientEmail).toBe("m2@remsfeld.example");
    expect(failed.lastError).toContain("550");
    const office = await signedInClerk(t.app, t.db, t.body.id);
    const page = await (await office.get(`/verwaltung/sitzungen/${meeting.id}/einladung`)).text();
    expect(page).toContain("fehlgeschlagen: ");
    expect(page).toContain("550");
    expect(page).toContain("Παπαδοπούλου: wünscht keine E-Mail");
    expect(await (await office.get("/verwaltung")).text()).toContain("1 E-Mail(s) konnten nicht zugestellt werden");
    // Resent (after the address was mended, say): a new mail in the outbox; the failed one stays as it was.
    const resend = await office.post(`/verwaltung/postausgang/${failed.id}/erneut`, {
      zurueck: `/verwaltung/sitzungen/${meeting.id}/einladung`,
    });
    expect(resend.status).toBe(303);
    expect(resend.headers.get("location")).toBe(`/verwaltung/sitzungen/${meeting.id}/einladung?erneut`);
    expect(await t.db.prisma.outboxMail.count({ where: { recipientEmail: "m2@remsfeld.example" } })).toBe(2);
    // Sent again, it is no longer a failure to warn of.
    expect(await (await office.get("/verwaltung")).text()).not.toContain("konnten nicht zugestellt werden");
  });

  it("without a mail server keeps the mails and shows them as not sent", async () => {
    const { t, meeting } = await invitedCommittee({ transport: null });
    await invite(t, meeting.id);
    expect(await t.sendMail()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await t.db.prisma.outboxMail.count({ where: { meetingId: meeting.id, state: "pending" } })).toBe(6);
    const office = await signedInClerk(t.app, t.db, t.body.id);
    const page = await (await office.get("/verwaltung/postausgang")).text();
    expect(page.match(/nicht versendet \(kein Mailserver eingerichtet\)/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it("writes the invitation and its mails together, or neither: sent twice at once, it goes once", async () => {
    const { t, meeting } = await invitedCommittee({ transport: null });
    const answers = await Promise.all([1, 2].map(() => t.as("secretariat").raw("POST", `/api/v1/meetings/${meeting.id}/invitation`, {})));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(await t.db.prisma.outboxMail.count({ where: { meetingId: meeting.id } })).toBe(6);
    expect(await t.db.prisma.invitation.count({ where: { meetingId: meeting.id } })).toBe(1);
  });

  it("sends an amendment with the changes each recipient may read, and the cancellation", async () => {
    const smtp = await server();
    const { t, meeting } = await invitedCommittee({ transport: nodeMailTransport(smtp.url) });
    await invite(t, meeting.id);
    await t.sendMail();
    t.clock.now = new Date(t.clock.now.getTime() + MINUTE);
    const secretariat = t.as("secretariat");
    await secretariat.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { title: "Bericht der Volkshochschule", kind: "information" });
    const office = await signedInClerk(t.app, t.db, t.body.id);
    const amendment = await office.post(`/verwaltung/sitzungen/${meeting.id}/nachtrag`);
    expect(amendment.status).toBe(303);
    expect((await office.post(`/verwaltung/sitzungen/${meeting.id}/nachtrag`)).status).toBe(409); // nothing new to tell
    await t.sendMail();
    const amendments = smtp.received.filter((mail) => mail.subject?.startsWith("Nachtrag"));
    expect(amendments).toHaveLength(6);
    expect(amendments[0]!.text).toContain("Bericht der Volkshochschule");
    const current = await secretariat.get(`/api/v1/meetings/${meeting.id}`);
    await secretariat.post(
      `/api/v1/meetings/${meeting.id}/transitions`,
      { to: "cancelled", reason: "Der Saal ist wegen eines Wasserschadens gesperrt." },
      { headers: { "if-match": `"${current.version}"` }, status: 200 },
    );
    await t.sendMail();
    const cancellations = smtp.received.filter((mail) => mail.subject?.startsWith("Abgesagt"));
    expect(cancellations).toHaveLength(6);
    expect(cancellations[0]!.text).toContain("Wasserschadens");
    expect(cancellations[0]!.attachments).toHaveLength(0);
  });
});

describe("a forgotten password", () => {
  it("answers the same for a known and an unknown address, mails only the known one, and the link works once", async () => {
    const smtp = await server();
    const t = await scenario({ mail: { from: FROM, transport: nodeMailTransport(smtp.url) } });
    const member = await signedInVisitor(t.app, t.db, { email: "mitglied@remsfeld.example", role: "member", personId: t.people.m2.id });
    const ask = async (email: string) => {
      const started = performance.now();
      const answer = await member.post("/passwort-vergessen", { email });
      return { status: answer.status, location: answer.headers.get("location"), ms: performance.now() - started };
    };
    const known = await ask("Mitglied@remsfeld.example");
    const unknown = await ask("niemand@remsfeld.example");
    expect([known.status, known.location]).toEqual([303, "/passwort-vergessen?gesendet"]);
    expect([unknown.status, unknown.location]).toEqual([known.status, known.location]);
    // Both take the request's minimum time, whatever the work behind it.
    for (const answer of [known, unknown]) expect(answer.ms).toBeGreaterThanOrEqual(390);
    await t.sendMail();
    expect(smtp.received.map((mail) => (mail.to as { value: { name: string; address: string }[] }).value)).toEqual([
      [{ name: "Şükrü Yıldırım", address: "mitglied@remsfeld.example" }],
    ]);
    expect(smtp.received[0]!.headerLines.find((h) => h.key === "list-unsubscribe")).toBeUndefined();
    const link = /http:\/\/localhost(\/passwort-setzen\/[\w-]+)/.exec(smtp.received[0]!.text ?? "")![1]!;
    const set = await member.post(link, { password: "Neues Passwort für den Beirat 2027", repeat: "Neues Passwort für den Beirat 2027" });
    expect(set.status).toBe(303);
    expect((await member.get(link)).status).toBe(410);
  });

  it("counts requests per address before anything else, and refuses beyond the limit", async () => {
    const t = await scenario({ mail: { from: FROM, transport: null } });
    const visitor = await signedInVisitor(t.app, t.db, { email: "mitglied@remsfeld.example", role: "member", personId: t.people.m2.id });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => visitor.post("/passwort-vergessen", { email: "mitglied@remsfeld.example" })),
    );
    expect(answers.filter((a) => a.status === 303)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(3);
    expect(await t.db.prisma.outboxMail.count({ where: { kind: "reset_password" } })).toBe(5);
  });
});

describe("a person's wish for no mail", () => {
  it("is ticked and unticked in the workspace's person form", async () => {
    const t = await scenario({ seats: { member: { givenName: "Αθηνά", familyName: "Παπαδοπούλου" } } });
    const office = await signedInClerk(t.app, t.db, t.body.id);
    const person = t.people.member;
    const save = async (fields: Record<string, string>) => {
      const { version } = await t.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
      const fieldsOf = { givenName: "Αθηνά", familyName: "Παπαδοπούλου", email: "athina@remsfeld.example", version: String(version) };
      expect((await office.post(`/verwaltung/personen/${person.id}`, { ...fieldsOf, ...fields })).status).toBe(303);
      return (await t.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).mailOptOut;
    };
    expect(await save({ mailOptOut: "ja" })).toBe(true);
    expect(await (await office.get(`/verwaltung/personen/${person.id}`)).text()).toMatch(/id="mailOptOut"[^>]*checked/);
    expect(await save({})).toBe(false);
  });
});

describe("the outbox in the API", () => {
  it("lists a body's mails without their texts, resends one, and mails an amendment, for the secretariat only", async () => {
    const { t, meeting } = await invitedCommittee({ transport: null });
    await invite(t, meeting.id);
    const list = await t.as("secretariat").get(`/api/v1/bodies/${t.body.id}/outbox?meetingId=${meeting.id}`);
    expect(list.mailServer).toBe(false);
    expect(list.items).toHaveLength(6);
    expect(list.items[0]).not.toHaveProperty("text");
    expect(list.items.every((mail: { state: string }) => mail.state === "pending")).toBe(true);
    await t.as("m2").get(`/api/v1/bodies/${t.body.id}/outbox`, { status: 403 });
    // Only a mail that went out, or failed for good, is sent again.
    await t.as("secretariat").post(`/api/v1/outbox/${list.items[0].id}/resend`, {}, { status: 409 });
    await t.db.prisma.outboxMail.update({ where: { id: list.items[0].id }, data: { state: "failed", lastError: "550" } });
    const copy = await t.as("secretariat").post(`/api/v1/outbox/${list.items[0].id}/resend`, {});
    expect([copy.state, copy.recipientEmail]).toEqual(["pending", list.items[0].recipientEmail]);
    expect(copy).not.toHaveProperty("html");
    t.clock.now = new Date(t.clock.now.getTime() + MINUTE);
    await t.as("secretariat").post(`/api/v1/meetings/${meeting.id}/agenda-items`, { title: "Verschiedenes", kind: "miscellaneous" });
    const amendment = await t.as("secretariat").post(`/api/v1/meetings/${meeting.id}/amendment`, {});
    expect(amendment).toEqual({
      changes: 1,
      mails: 6,
      byPost: [{ personId: t.people.d3.id, name: "Αθηνά Παπαδοπούλου", byPost: "opt_out" }],
    });
    await t.as("secretariat").post(`/api/v1/meetings/${meeting.id}/amendment`, {}, { status: 409 });
  });
});
