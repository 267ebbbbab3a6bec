import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
// @ts-expect-error: generated JavaScript (scripts/build-fontkit.ts), typed as the package below
import trimmedModule from "../src/generated/fontkit-worker.js";

/** The Worker's copy of @pdf-lib/fontkit (wrangler.toml `[alias]`, scripts/build-fontkit.ts). */
const trimmed = trimmedModule as typeof fontkit;
const fontsDir = path.resolve(import.meta.dirname, "../src/generated/assets/fonts");
const fonts = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((name) => readFileSync(path.join(fontsDir, name)));
const TEXT = "Şükrü Yıldırım, Łukasz, Ștefan, Ωμέγα, Привет: «Größe» – 1½ € fi";
const NO_LIGATURES = { liga: false, clig: false, dlig: false };

async function pdfWith(kit: typeof fontkit): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(kit);
  const page = doc.addPage();
  for (const [index, bytes] of fonts.entries()) {
    const font = await doc.embedFont(bytes, { subset: false, customName: `F${index}`, features: NO_LIGATURES });
    page.drawText(TEXT, { x: 20, y: 700 - index * 40, size: 12, font });
    expect(font.widthOfTextAtSize(TEXT, 12)).toBeGreaterThan(100);
  }
  return doc.save({ useObjectStreams: false });
}

describe("the Worker's copy of @pdf-lib/fontkit", () => {
  it("reads Gremium's fonts as the package does: names, metrics and shaping", () => {
    for (const bytes of fonts) {
      const [a, b] = [fontkit.create(bytes), trimmed.create(bytes)];
      expect([b.postscriptName, b.familyName, b.fullName, b.copyright]).toEqual([a.postscriptName, a.familyName, a.fullName, a.copyright]);
      expect(typeof b.postscriptName).toBe("string");
      expect([b.unitsPerEm, b.ascent, b.descent, b.bbox]).toEqual([a.unitsPerEm, a.ascent, a.descent, a.bbox]);
      const [la, lb] = [a.layout(TEXT, NO_LIGATURES), b.layout(TEXT, NO_LIGATURES)];
      expect(lb.glyphs.map((g) => g.id)).toEqual(la.glyphs.map((g) => g.id));
      expect(lb.positions).toEqual(la.positions);
    }
  });

  it("embeds them into the same PDF bytes", async () => {
    expect(Buffer.from(await pdfWith(trimmed)).equals(Buffer.from(await pdfWith(fontkit)))).toBe(true);
  });

  it("leaves out the CJK code tables and WOFF2, and says so when asked for WOFF2", () => {
    const source = readFileSync(path.resolve(import.meta.dirname, "../src/generated/fontkit-worker.js"), "utf8");
    expect(source).not.toMatch(/dictionary_bin|BrotliDecompress|WOFF2Font|dbcsData\]/);
    // A WOFF2 web font of the portal's: the package reads it, the copy refuses it.
    const woff2 = readFileSync(path.resolve(fontsDir, "../static/kern/fonts/FiraSans-Regular-latin.woff2"));
    expect(fontkit.create(woff2).familyName).toBe("Fira Sans");
    expect(() => trimmed.create(woff2)).toThrow(/Unknown font format/);
  });
});
