import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "../../src/rules/attachments";
import { ONE_MEMBER, scenario } from "../helpers/scenario";
import { json } from "../helpers/test-app";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function paperSetup() {
  const t = await scenario({ seats: ONE_MEMBER });
  const createPaper = async (body: Record<string, unknown> = {}) => {
    const response = await t.request("POST", "/api/v1/papers", {
      token: t.tokens.secretariat,
      body: {
        bodyId: t.body.id,
        title: "Sprachförderung in Kitas",
        type: "proposal",
        proposedResolution: "Der Ausschuss empfiehlt **Zustimmung**.",
        ...body,
      },
    });
    if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
    return json(response);
  };
  const upload = (paperId: string, bytes: Uint8Array, contentType: string, filename = "Konzept Sprachförderung.pdf") =>
    t.app.request(`/api/v1/papers/${paperId}/attachments?filename=${encodeURIComponent(filename)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.tokens.secretariat}`, "content-type": contentType },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
  return { ...t, createPaper, upload };
}

describe("papers", () => {
  it("numbers papers per body and year, also when created at once", async () => {
    const t = await paperSetup();
    const papers = await Promise.all([t.createPaper(), t.createPaper(), t.createPaper()]);
    expect(papers.map((p) => p.number).sort()).toEqual(["2026/001", "2026/002", "2026/003"]);
    expect((await t.createPaper({ year: 2027 })).number).toBe("2027/001");
  });

  it("renders Markdown fields as HTML", async () => {
    const t = await paperSetup();
    const paper = await t.createPaper();
    expect(paper.proposedResolutionHtml).toBe("<p>Der Ausschuss empfiehlt <strong>Zustimmung</strong>.</p>\n");
  });

  it("keeps a non-public paper from anyone but the secretariat and the members of the committees on its route", async () => {
    const t = await paperSetup();
    const paper = await t.createPaper({ title: "Vertrauliche Personalangelegenheit", isPublic: false });
    await t.request("POST", `/api/v1/papers/${paper.id}/consultations`, {
      token: t.tokens.secretariat,
      body: { committeeId: t.committee.id, role: "deciding" },
    });
    const attached = await json(await t.upload(paper.id, PDF, "application/pdf"));
    const attachmentUrl = attached.attachments[0].url;

    for (const token of [undefined, t.tokens.outsider]) {
      expect((await t.request("GET", `/api/v1/papers/${paper.id}`, { token })).status).toBe(404);
      expect((await t.request("GET", attachmentUrl, { token })).status).toBe(404);
      const list = await json(await t.request("GET", `/api/v1/papers?bodyId=${t.body.id}`, { token }));
      expect(JSON.stringify(list)).not.toContain("Vertrauliche");
      expect((await json(await t.request("GET", "/api/v1/search?q=Personalangelegenheit", { token }))).items).toEqual([]);
    }
    for (const token of [t.tokens.member, t.tokens.secretariat]) {
      expect((await t.request("GET", `/api/v1/papers/${paper.id}`, { token })).status).toBe(200);
      expect((await t.request("GET", attachmentUrl, { token })).status).toBe(200);
      expect((await json(await t.request("GET", `/api/v1/papers?bodyId=${t.body.id}`, { token }))).items).toHaveLength(1);
      const found = await json(await t.request("GET", "/api/v1/search?q=Personalangelegenheit", { token }));
      expect(found.items.map((hit: { kind: string; id: string }) => [hit.kind, hit.id])).toEqual([["paper", paper.id]]);
    }
  });

  it("does not name a non-public paper on a public agenda item to those who may not read it", async () => {
    const t = await paperSetup();
    const paper = await t.createPaper({ title: "Vertrauliche Kalkulation", isPublic: false });
    const meeting = await t.createMeeting();
    await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
      token: t.tokens.secretariat,
      body: { kind: "information", title: "Kosten", paperId: paper.id },
    });
    for (const token of [undefined, t.tokens.outsider]) {
      expect(JSON.stringify(await json(await t.request("GET", `/api/v1/meetings/${meeting.id}/agenda`, { token })))).not.toContain(
        "Vertrauliche",
      );
    }
    expect(
      JSON.stringify(await json(await t.request("GET", `/api/v1/meetings/${meeting.id}/agenda`, { token: t.tokens.member }))),
    ).toContain("Vertrauliche");
  });

  it("stores attachments with their SHA-512 and serves the same bytes", async () => {
    const t = await paperSetup();
    const paper = await t.createPaper();
    const response = await t.upload(paper.id, PDF, "application/pdf");
    expect(response.status).toBe(201);
    const attachment = (await json(response)).attachments[0];
    const sha512 = createHash("sha512").update(PDF).digest();
    expect(attachment).toMatchObject({
      filename: "Konzept Sprachförderung.pdf",
      contentType: "application/pdf",
      size: PDF.byteLength,
      sha512: sha512.toString("hex"),
    });

    const download = await t.request("GET", attachment.url);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    expect(download.headers.get("repr-digest")).toBe(`sha-512=:${sha512.toString("base64")}:`);
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''Konzept%20Sprachf%C3%B6rderung.pdf");
  });

  it("refuses types outside the allow-list, files over the limit, and bytes that are not what they claim", async () => {
    const t = await paperSetup();
    const paper = await t.createPaper();
    const html = await t.upload(paper.id, new TextEncoder().encode("<script>alert(1)</script>"), "text/html", "x.html");
    expect(html.status).toBe(415);
    expect((await json(html)).errors[0].field).toBe("Content-Type");
    const tooBig = await t.upload(paper.id, new Uint8Array(MAX_ATTACHMENT_BYTES + 1), "application/pdf");
    expect(tooBig.status).toBe(413);
    const fake = await t.upload(paper.id, new TextEncoder().encode("MZ not a pdf"), "application/pdf");
    expect(fake.status).toBe(422);
    expect((await json(await t.request("GET", `/api/v1/papers/${paper.id}`))).attachments).toEqual([]);
  });

  it("lists the route through the committees and links a paper to an agenda item", async () => {
    const t = await paperSetup();
    const paper = await t.createPaper();
    await t.request("POST", `/api/v1/papers/${paper.id}/consultations`, {
      token: t.tokens.secretariat,
      body: { committeeId: t.otherCommittee.id, role: "preparing" },
    });
    const routed = await json(
      await t.request("POST", `/api/v1/papers/${paper.id}/consultations`, {
        token: t.tokens.secretariat,
        body: { committeeId: t.committee.id, role: "deciding" },
      }),
    );
    expect(
      routed.consultations.map((c: { committee: { shortName: string }; role: string }) => `${c.committee.shortName}:${c.role}`),
    ).toEqual(["FGZ:preparing", "IA:deciding"]);

    const meeting = await t.createMeeting();
    const agenda = await json(
      await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
        token: t.tokens.secretariat,
        body: { kind: "resolution", title: "Sprachförderung", paperId: paper.id, position: 2 },
      }),
    );
    expect(agenda.items.find((i: { id: string }) => i.id === agenda.itemId).paper).toEqual({
      id: paper.id,
      number: "2026/001",
      title: "Sprachförderung in Kitas",
    });
    expect(
      (await t.request("DELETE", `/api/v1/papers/${paper.id}`, { token: t.tokens.secretariat, headers: { "if-match": '"1"' } })).status,
    ).toBe(409);
  });
});

describe("Markdown is safe", () => {
  const payloads = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[klick](javascript:alert(1))",
    "[klick](JAVASCRIPT:alert(1))",
    "[klick](vbscript:msgbox(1))",
    "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![bild](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    "[x](  javascript:alert(1))",
    "<details open ontoggle=alert(1)>",
  ];

  it("lets no script survive in any Markdown field", async () => {
    const t = await paperSetup();
    const meeting = await t.createMeeting({ standardFrame: false });
    for (const payload of payloads) {
      const paper = await t.createPaper({ proposedResolution: payload, factsAndReasons: payload, financialEffects: payload });
      const agenda = await json(
        await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
          token: t.tokens.secretariat,
          body: { kind: "information", title: "XSS", description: payload },
        }),
      );
      const html = [
        paper.proposedResolutionHtml,
        paper.factsAndReasonsHtml,
        paper.financialEffectsHtml,
        ...agenda.items.map((i: { descriptionHtml: string }) => i.descriptionHtml),
      ].join("\n");
      expect(html, payload).not.toMatch(
        /<script|<img[^>]*onerror|<iframe|<svg|<details|href="\s*(javascript|vbscript|data):|src="\s*javascript:/i,
      );
    }
  });

  it("keeps ordinary links", async () => {
    const t = await paperSetup();
    const paper = await t.createPaper({
      factsAndReasons: "Siehe [Integrationsplan](https://www.example.de/plan) und <mailto:integration@example.de>.",
    });
    expect(paper.factsAndReasonsHtml).toContain('<a href="https://www.example.de/plan">Integrationsplan</a>');
    expect(paper.factsAndReasonsHtml).toContain('href="mailto:integration@example.de"');
  });
});
