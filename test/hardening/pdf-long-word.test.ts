/**
 * Finding 1 of the security test: one long word in a paper held the event loop for minutes, because the line
 * breaker shortened an overlong word one character at a time. Wrapping is now linear, and a render is bounded.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { MAX_PAGES, renderPdf } from "../../src/documents/pdf/render-pdf";
import { Typesetter } from "../../src/documents/pdf/typesetter";
import { loadFonts } from "../../src/entry/node-documents";
import { ONE_MEMBER, scenario } from "../helpers/scenario";

const LONG_WORD = "Integrationsförderungsmaßnahmenkatalog".repeat(600).slice(0, 20_000);

async function typesetter() {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = loadFonts();
  return new Typesetter({
    regular: await doc.embedFont(fonts.regular, { subset: false }),
    bold: await doc.embedFont(fonts.bold, { subset: false }),
  });
}

describe("a word longer than a line", () => {
  it("wraps a 20,000-character word in under 200 ms, into lines that fit and keep every letter", async () => {
    const setter = await typesetter();
    const started = performance.now();
    const lines = setter.wrap([{ text: `Vorher ${LONG_WORD} nachher`, bold: false, italic: false }], 10, 400);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(200);
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(line.reduce((sum, segment) => sum + segment.width, 0)).toBeLessThanOrEqual(400.001);
    const text = lines.map((line) => line.flatMap((segment) => segment.pieces).join(""));
    expect(text.join("").replaceAll(" ", "")).toBe(`Vorher${LONG_WORD}nachher`);
    expect(text[0]).toBe("Vorher");
    // Every full line of the word is nearly as wide as the line: the pieces are cut by measuring, not by guessing.
    const widths = lines.slice(1, -2).map((line) => line.reduce((sum, segment) => sum + segment.width, 0));
    expect(Math.min(...widths)).toBeGreaterThan(380);
  });

  it("keeps a letter and its combining accent together", async () => {
    const setter = await typesetter();
    const word = "e\u0301".repeat(400);
    const lines = setter.wrap([{ text: word, bold: false, italic: false }], 10, 100);
    for (const line of lines) expect(line[0]!.pieces.join("").startsWith("\u0301")).toBe(false);
  });

  it("sets a letter with 65 accents, and 5,000 distinct words, without a crash and in well under a second", async () => {
    const setter = await typesetter();
    const piled = setter.wrap([{ text: `a${"\u0301".repeat(65)} ${"\u0301".repeat(70)}`, bold: false, italic: false }], 10, 400);
    expect(piled.length).toBeGreaterThan(0);
    const words = Array.from({ length: 5_000 }, (_, i) => `Wort${i.toString(36).padStart(6, "x")}${"k".repeat(50)}`).join(" ");
    const started = performance.now();
    setter.wrap([{ text: words, bold: false, italic: false }], 10, 400);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("renders a public paper holding a 20,000-character word in under 2 s, and /health answers meanwhile in under 1 s", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const paper = await t.as("secretariat").post("/api/v1/papers", {
      bodyId: t.body.id,
      title: "Ein sehr langes Wort",
      type: "proposal",
      factsAndReasons: `Sachverhalt: ${LONG_WORD}`,
      proposedResolution: LONG_WORD,
    });
    const started = performance.now();
    const pdf = t.request("GET", `/api/v1/papers/${paper.id}.pdf`).then(async (response) => {
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { response, bytes, elapsed: performance.now() - started };
    });
    const health = t.request("GET", "/health").then((response) => ({ status: response.status, elapsed: performance.now() - started }));
    const [document, answered] = await Promise.all([pdf, health]);
    expect(document.response.status).toBe(200);
    expect(document.elapsed).toBeLessThan(2_000);
    expect(answered.status).toBe(200);
    expect(answered.elapsed).toBeLessThan(1_000);
    const dir = mkdtempSync(path.join(tmpdir(), "gremium-long-word-"));
    writeFileSync(path.join(dir, "paper.pdf"), document.bytes);
    execFileSync("qpdf", ["--check", path.join(dir, "paper.pdf")], { stdio: "pipe" });
    const text = execFileSync("pdftotext", [path.join(dir, "paper.pdf"), "-"])
      .toString()
      .replace(/\s/g, "");
    expect(text).toContain(LONG_WORD.slice(0, 2_000));
  });

  it("refuses a document longer than the page limit with a clear error", async () => {
    const paragraphs = Array.from({ length: MAX_PAGES * 60 }, (_, i) => `Absatz ${i + 1}.`).join("\n\n");
    const render = renderPdf({
      markdown: paragraphs,
      fonts: loadFonts(),
      title: "Zu lang",
      subject: "",
      author: "",
      date: new Date("2026-11-21T10:00:00Z"),
      header: "",
      footer: "",
    });
    await expect(render).rejects.toThrow(/länger als 400 Seiten/);
  });
});
