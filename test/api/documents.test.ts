import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDemoData } from "../../src/demo/load-demo-data";
import { createTestApp, json } from "../helpers/test-app";

const NAMES = ["Şükrü Yıldırım", "Łucja Wąsik", "Ștefan Mureșan", "Αθηνά Παπαδοπούλου", "Жанна Ковальчук"];

/** Checks a PDF with qpdf and extracts its text with pdftotext (poppler-utils). */
function inspect(bytes: Uint8Array) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-pdf-")), "doc.pdf");
  writeFileSync(file, bytes);
  execFileSync("qpdf", ["--check", file], { stdio: "pipe" });
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())![1]);
  const info = execFileSync("pdfinfo", [file]).toString();
  return { text, pages, info, flat: text.replace(/\s+/g, " ") };
}

/**
 * The share of dark pixels in a band of page 1 (rendered by pdftoppm), to see that the text is actually drawn:
 * pdftotext reads text even where a font renders blank.
 */
function ink(bytes: Uint8Array, band: { y: number; height: number }) {
  const dir = mkdtempSync(path.join(tmpdir(), "gremium-ink-"));
  writeFileSync(path.join(dir, "doc.pdf"), bytes);
  execFileSync("pdftoppm", [
    "-gray",
    "-r",
    "72",
    "-f",
    "1",
    "-l",
    "1",
    "-x",
    "60",
    "-y",
    String(band.y),
    "-W",
    "470",
    "-H",
    String(band.height),
    path.join(dir, "doc.pdf"),
    path.join(dir, "page"),
  ]);
  const pgm = readFileSync(path.join(dir, readdirSync(dir).find((f) => f.endsWith(".pgm"))!));
  // Binary PGM: a header of three whitespace-separated fields and the maximum value, then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.toString("latin1", 0, 40))!;
  const pixels = pgm.subarray(header[0].length);
  return pixels.filter((value) => value < 128).length / pixels.length;
}

async function demo() {
  const now = new Date("2026-11-21T10:00:00Z");
  const t = createTestApp({ now: () => now });
  const loaded = (await loadDemoData(t.db, t.attachments, now))!;
  const secretariat = await t.tokenFor("secretariat", { bodyId: loaded.bodyId });
  const committees = (await json(await t.request("GET", "/api/v1/committees"))).items;
  const ia = committees.find((c: { shortName: string }) => c.shortName === "IA");
  const meetings = (await json(await t.request("GET", `/api/v1/meetings?committeeId=${ia.id}&limit=100`))).items;
  const pdf = async (url: string, token?: string) => {
    const response = await t.request("GET", url, { token });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };
  return { ...t, loaded, secretariat, ia, meetings, pdf };
}

describe("PDF documents", () => {
  it("renders the invitation with agenda, checked by qpdf, with every name readable and the public part only for the public", async () => {
    const t = await demo();
    const invited = t.meetings.find((m: { state: string }) => m.state === "invited");
    const full = await t.pdf(`/api/v1/meetings/${invited.id}/invitation.pdf`, t.secretariat);
    expect(full.response.headers.get("content-type")).toBe("application/pdf");
    const doc = inspect(full.bytes);
    expect(doc.flat).toMatch(/Integrationsausschuss: Einladung zur 7\. Sitzung/);
    expect(doc.flat).toContain("Personalangelegenheit Integrationsbeauftragte");
    for (const name of ["Łucja Wąsik", "Ayşe Demir", "Renate Özdemir-Bauer", "Ελένη Γεωργίου", "Юрій Бондаренко"])
      expect(doc.flat).toContain(name);
    expect(doc.info).toMatch(/Author:\s+Große Kreisstadt Remsfeld/);
    expect(doc.flat).toContain(`Seite 1 von ${doc.pages}`);

    const anonymous = inspect((await t.pdf(`/api/v1/meetings/${invited.id}/invitation.pdf`)).bytes);
    expect(anonymous.flat).toContain("Öffentlicher Teil");
    expect(anonymous.flat).not.toMatch(/Personalangelegenheit|Nichtöffentlicher Teil/);
  });

  it("names in the minutes the deputy who stood in, and for whom", async () => {
    const t = await demo();
    for (const meeting of t.meetings.filter((m: { state: string }) => m.state === "held" || m.state === "closed")) {
      const minutes = await json(await t.request("GET", `/api/v1/meetings/${meeting.id}/minutes`, { token: t.secretariat }));
      if (minutes.header.deputies.length === 0) continue;
      const [{ name, standsInFor }] = minutes.header.deputies;
      const text = inspect((await t.pdf(`/api/v1/meetings/${meeting.id}/minutes.pdf`, t.secretariat)).bytes).flat;
      expect(text).toContain("Vertretungen:");
      expect(text).toContain(`${name} für ${standsInFor}`);
      return;
    }
    throw new Error("the demo has no meeting with a deputy");
  });

  it("renders public and non-public minutes from one source, with ENTWURF on drafts", async () => {
    const t = await demo();
    const published = t.meetings[1]; // the demo's meetings in date order
    const publicMinutes = inspect((await t.pdf(`/api/v1/meetings/${published.id}/minutes.pdf?part=public`)).bytes);
    expect(publicMinutes.flat).toContain(`Niederschrift über die ${published.label}`);
    // Every PDF names its accessible HTML page on the portal.
    expect(publicMinutes.flat).toContain(`Im Netz: http://localhost/sitzungen/${published.id}/niederschrift`);
    expect(publicMinutes.flat).not.toContain("\\");
    expect(publicMinutes.flat).toContain("Empfehlung an Gemeinderat IA/"); // an advisory body recommends
    expect(publicMinutes.flat).not.toContain("ENTWURF");
    expect(publicMinutes.flat).toContain(`Seite ${publicMinutes.pages} von ${publicMinutes.pages}`);
    expect((await t.pdf(`/api/v1/meetings/${published.id}/minutes.pdf?part=non-public`)).response.status).toBe(404);

    const withSecret = t.meetings[2]; // the demo's meetings in date order
    const nonPublic = inspect((await t.pdf(`/api/v1/meetings/${withSecret.id}/minutes.pdf?part=non-public`, t.secretariat)).bytes);
    expect(nonPublic.flat).toContain("Vergabe Integrationsmanagement");
    const publicPart = inspect((await t.pdf(`/api/v1/meetings/${withSecret.id}/minutes.pdf?part=public`, t.secretariat)).bytes);
    expect(publicPart.flat).not.toMatch(/Vergabe Integrationsmanagement|Brücken e\. V\.|Bewertung der Angebote/);

    const draft = t.meetings[4]; // the demo's meetings in date order
    expect(inspect((await t.pdf(`/api/v1/meetings/${draft.id}/minutes.pdf?part=public`, t.secretariat)).bytes).flat).toContain("ENTWURF");
    expect((await t.pdf(`/api/v1/meetings/${draft.id}/minutes.pdf?part=public`)).response.status).toBe(404);
  });

  it(
    "prints the announced wording of a non-public resolution for the public, but not the non-public paper it rests on (§35 " + "(1) GemO)",
    async () => {
      const t = await demo();
      const resolutions = (await json(await t.request("GET", `/api/v1/resolutions?committeeId=${t.ia.id}&limit=100`))).items;
      const announced = resolutions.find((r: { isPublic: boolean }) => !r.isPublic);
      expect(announced).toMatchObject({ announcedAt: expect.any(String), paperId: null, itemId: null });

      const forPublic = inspect((await t.pdf(`/api/v1/resolutions/${announced.id}/extract.pdf`)).bytes).flat;
      expect(forPublic).toContain(announced.text.replace(/\s+/g, " "));
      expect(forPublic).toContain("Integrationsausschuss");
      expect(forPublic).not.toContain("Vergabe Integrationsmanagement – Auswahl");
      expect(forPublic).not.toMatch(/Vorlage \d{4}\/\d{3}/);
      expect(forPublic).not.toMatch(/N \d+ Vergabe/);

      const forSecretariat = inspect((await t.pdf(`/api/v1/resolutions/${announced.id}/extract.pdf`, t.secretariat)).bytes).flat;
      expect(forSecretariat).toContain("Vergabe Integrationsmanagement – Auswahl des Trägers");
      const full = await json(await t.request("GET", `/api/v1/resolutions/${announced.id}`, { token: t.secretariat }));
      expect(full.paperId).not.toBeNull();
    },
  );

  it("renders a resolution extract, a paper and a progress report, byte-identical on repeat, with ETag and 304", async () => {
    const t = await demo();
    const resolutions = (await json(await t.request("GET", `/api/v1/resolutions?committeeId=${t.ia.id}&limit=100`))).items;
    const first = resolutions.at(-1);
    const extract = await t.pdf(`/api/v1/resolutions/${first.id}/extract.pdf`);
    expect(inspect(extract.bytes).flat).toContain(`Beschlussauszug ${first.number}`);
    const again = await t.pdf(`/api/v1/resolutions/${first.id}/extract.pdf`);
    expect(Buffer.compare(Buffer.from(extract.bytes), Buffer.from(again.bytes))).toBe(0);
    const etag = extract.response.headers.get("etag")!;
    expect((await t.request("GET", `/api/v1/resolutions/${first.id}/extract.pdf`, { headers: { "if-none-match": etag } })).status).toBe(
      304,
    );

    const papers = (await json(await t.request("GET", "/api/v1/papers?limit=100"))).items;
    const paper = inspect((await t.pdf(`/api/v1/papers/${papers[0].id}.pdf`)).bytes);
    expect(paper.flat).toContain(papers[0].title);
    const secretPaper = (await json(await t.request("GET", "/api/v1/papers?limit=100", { token: t.secretariat }))).items.find(
      (p: { isPublic: boolean }) => !p.isPublic,
    );
    expect((await t.pdf(`/api/v1/papers/${secretPaper.id}.pdf`)).response.status).toBe(404);

    const plan = (await json(await t.request("GET", "/api/v1/plans"))).items.find(
      (p: { title: string }) => p.title === "Integrationsplan 2019",
    );
    const report = inspect((await t.pdf(`/api/v1/plans/${plan.id}/report.pdf?from=2025-01-01&to=2026-12-31`)).bytes);
    expect(report.flat).toContain("Sachstandsbericht Integrationsplan 2019");
    expect(report.pages).toBeGreaterThan(3);
  });

  it("uses the body's letterhead, footer, logo and template overrides", async () => {
    const t = await demo();
    const settingsPath = `/api/v1/bodies/${t.loaded.bodyId}/document-settings`;
    const bad = await t.request("PUT", settingsPath, {
      token: t.secretariat,
      body: { templates: { invitation: "{{#open}} unclosed" } },
      headers: { "if-match": '"0"' },
    });
    expect(bad.status).toBe(422);
    expect((await json(bad)).errors[0].field).toBe("templates.invitation");
    const saved = await t.request("PUT", settingsPath, {
      token: t.secretariat,
      body: {
        letterhead: "Stadt Remsfeld – Stabsstelle Integration",
        footer: "Marktplatz 1, 73525 Remsfeld",
        templates: { "resolution-extract": "# Auszug {{number}}\n\n{{{box}}}\n" },
      },
      headers: { "if-match": '"0"' },
    });
    expect(saved.status).toBe(200);
    // A 1×1 PNG.
    const png = Uint8Array.from(
      Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
    );
    const logo = await t.app.request(`/api/v1/bodies/${t.loaded.bodyId}/logo`, {
      method: "PUT",
      headers: { authorization: `Bearer ${t.secretariat}`, "content-type": "image/png" },
      body: png,
    });
    expect((await json(logo)).hasLogo).toBe(true);
    expect(
      (await t.request("PUT", settingsPath, { token: t.secretariat, body: { footer: "x" }, headers: { "if-match": '"1"' } })).status,
    ).toBe(412);

    const resolutions = (await json(await t.request("GET", `/api/v1/resolutions?committeeId=${t.ia.id}&limit=100`))).items;
    const doc = inspect((await t.pdf(`/api/v1/resolutions/${resolutions.at(-1).id}/extract.pdf`)).bytes);
    expect(doc.flat).toContain(`Auszug ${resolutions.at(-1).number}`);
    expect(doc.flat).not.toContain("Für die Richtigkeit des Auszugs"); // from the default template
    expect(doc.flat).toContain("Stadt Remsfeld – Stabsstelle Integration");
    expect(doc.flat).toContain("Marktplatz 1, 73525 Remsfeld");
  });

  it("renders names in Latin, Greek and Cyrillic scripts so that they copy out as the same text", async () => {
    const t = createTestApp({ now: () => new Date("2026-11-21T10:00:00Z") });
    const admin = "test-admin-token-0123456789abcdefghijklmnop";
    const post = async (url: string, body: unknown) => json(await t.request("POST", url, { token: admin, body }));
    const body = await post("/api/v1/bodies", { name: "Stadt Testhausen" });
    const committee = await post("/api/v1/committees", {
      bodyId: body.id,
      name: "Integrationsbeirat",
      shortName: "IBR",
      kind: "advisory_council",
    });
    for (const name of NAMES) {
      const [givenName, familyName] = name.split(" ");
      const person = await post("/api/v1/people", { bodyId: body.id, givenName, familyName });
      await post("/api/v1/memberships", { committeeId: committee.id, personId: person.id, role: "member", startDate: "2024-01-01" });
    }
    const meeting = await post("/api/v1/meetings", { committeeId: committee.id, startsAt: "2026-12-10T18:00:00+01:00" });
    await t.request("POST", `/api/v1/meetings/${meeting.id}/invitation`, { token: admin, body: {} });
    const doc = inspect(
      new Uint8Array(await (await t.request("GET", `/api/v1/meetings/${meeting.id}/invitation.pdf`, { token: admin })).arrayBuffer()),
    );
    for (const name of NAMES) expect(doc.flat).toContain(name);
  });

  it("draws the text visibly, not only as extractable text", async () => {
    const t = await demo();
    const invited = t.meetings.find((m: { state: string }) => m.state === "invited");
    const { bytes } = await t.pdf(`/api/v1/meetings/${invited.id}/invitation.pdf`, t.secretariat);
    // The agenda table on page 1, set in the regular face: a few percent of its pixels are ink.
    // About 3.8 % when the glyphs are drawn; 1.3 % when the regular face renders blank (tables and bold remain).
    expect(ink(bytes, { y: 260, height: 300 })).toBeGreaterThan(0.02);
  });
});
