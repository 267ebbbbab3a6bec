import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scenario } from "../helpers/scenario";

/** The text of a PDF, checked by qpdf and read by pdftotext (poppler-utils), with whitespace collapsed. */
function pdfText(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-cycle-")), "doc.pdf");
  writeFileSync(file, bytes);
  execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
  return execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
}

describe("the meeting cycle as a clerk lives it", () => {
  it("runs a meeting of the Integrationsbeirat from planning to published minutes in at most 25 calls", async () => {
    const t = await scenario({ committee: { name: "Integrationsbeirat", shortName: "IBR", kind: "advisory_council" } });
    const clerk = t.as("secretariat");
    t.calls.count = 0;

    // Planning: the meeting from the standard frame, and three items (each answers the whole agenda).
    const meeting = await clerk.post("/api/v1/meetings", {
      committeeId: t.committee.id,
      startsAt: "2026-12-16T18:00",
      locationName: "Rathaus",
    });
    const add = async (title: string, isPublic = true) =>
      (await clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { kind: "resolution", title, isPublic })).itemId as string;
    const items = [
      await add("Sprachcafé im Quartier"),
      await add("Interkulturelle Woche 2027"),
      await add("Zuschuss an einen Verein", false),
    ];
    await clerk.post(`/api/v1/meetings/${meeting.id}/invitation`, {});

    // The evening of the meeting: attendance in one step, three votes, the meeting held.
    t.clock.now = new Date("2026-12-16T17:05:00Z");
    await clerk.put(`/api/v1/meetings/${meeting.id}/attendance`, {
      default: "present",
      entries: [
        { personId: t.people.m3.id, status: "excused", excuseReason: "Dienstreise" },
        { personId: t.people.d3.id, status: "present", standsInForMembershipId: t.seats.m3.id },
        { personId: t.people.m4.id, status: "remote" },
      ],
    });
    for (const [index, itemId] of items.entries()) {
      const recorded = await clerk.post(`/api/v1/agenda-items/${itemId}/votes`, {
        motion: "Zustimmung",
        counts: { yes: 4, no: 0, abstain: 0 },
        resolution: { text: `Der Beirat empfiehlt Vorschlag ${index + 1}.`, kind: "recommendation", recipientBody: "den Gemeinderat" },
      });
      expect(recorded.resolution.number).toBe(`IBR/2026/00${index + 1}`);
    }
    await clerk.post(`/api/v1/meetings/${meeting.id}/transitions`, { to: "held" }, { status: 200, headers: { "if-match": '"2"' } });

    // The minutes: notes on the three items, circulated, four signatures (two given on paper), final, published.
    t.clock.now = new Date("2026-12-18T09:00:00Z");
    const minutesPath = `/api/v1/meetings/${meeting.id}/minutes`;
    for (const [index, itemId] of items.entries()) {
      await clerk.put(
        `${minutesPath}/items/${itemId}`,
        { notes: `Aussprache zu Vorschlag ${index + 1}.` },
        { headers: { "if-match": `"${index}"` } },
      );
    }
    await clerk.post(`${minutesPath}/transitions`, { to: "circulated" }, { status: 200, headers: { "if-match": '"3"' } });
    t.clock.now = new Date("2026-12-22T09:00:00Z");
    await clerk.post(`${minutesPath}/signatures`, { role: "chair", personId: t.people.chair.id, signedAt: "2026-12-21T10:00" });
    await clerk.post(`${minutesPath}/signatures`, { role: "minute_taker", personId: t.people.clerk.id, signedAt: "2026-12-21T10:05" });
    await t.as("m2").post(`${minutesPath}/signatures`, { role: "member" });
    await t.as("d3").post(`${minutesPath}/signatures`, { role: "member" });
    await clerk.post(`${minutesPath}/transitions`, { to: "final" }, { status: 200, headers: { "if-match": '"4"' } });
    const published = await clerk.post(`${minutesPath}/transitions`, { to: "published" }, { status: 200, headers: { "if-match": '"5"' } });

    // The documents.
    const invitation = pdfText(
      new Uint8Array(await (await clerk.raw("GET", `/api/v1/meetings/${meeting.id}/invitation.pdf`)).arrayBuffer()),
    );
    const minutesPdf = pdfText(
      new Uint8Array(await (await clerk.raw("GET", `/api/v1/meetings/${meeting.id}/minutes.pdf?part=public`)).arrayBuffer()),
    );

    expect(t.calls.count).toBeLessThanOrEqual(25);
    console.log(`The meeting cycle took ${t.calls.count} calls.`);

    expect(published.header).toMatchObject({
      membersPresent: 4, // the chair, m2, m4 (remote) and the deputy d3; the minute-taker is no member
      deputies: [{ name: "Αθηνά Παπαδοπούλου", standsInFor: "Жанна Ковальчук" }],
      remote: ["Łucja Wąsik"],
      absent: [{ name: "Жанна Ковальчук", status: "excused", reason: "Dienstreise", label: "entschuldigt (Dienstreise)" }],
    });
    expect(published.signatures.map((s: { role: string; onPaper: boolean }) => `${s.role}${s.onPaper ? " (Papier)" : ""}`)).toEqual([
      "chair (Papier)",
      "member",
      "member",
      "minute_taker (Papier)",
    ]);
    expect(invitation).toContain("Sprachcafé im Quartier");
    expect(minutesPdf).toContain("Empfehlung an den Gemeinderat IBR/2026/001");
    expect(minutesPdf).toContain("Αθηνά Παπαδοπούλου für Жанна Ковальчук");
    expect(minutesPdf).toContain("(auf Papier)");
    expect(minutesPdf).not.toContain("Zuschuss an einen Verein");
  });
});
