/**
 * Subsets the DejaVu Sans fonts to the scripts Gremium writes (Latin with its extensions, Greek, Cyrillic,
 * punctuation), so that the Worker bundle stays small: 760 KB → about 170 KB per face. Runs after install;
 * the output is generated, not kept in git. pdf-lib subsets again per document.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import subsetFont from "subset-font";

const RANGES: [number, number][] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x024f], // Latin-1 Supplement, Latin Extended-A and -B (Ş, ł, ș, ț …)
  [0x0300, 0x036f], // combining diacritics
  [0x0370, 0x03ff], // Greek
  [0x0400, 0x052f], // Cyrillic and its supplement
  [0x1e00, 0x1eff], // Latin Extended Additional (ễ …)
  [0x1f00, 0x1fff], // Greek Extended
  [0x2000, 0x206f], // punctuation: dashes, quotes, bullet, ellipsis
  [0x20ac, 0x20ac], // €
  [0x2100, 0x214f], // letterlike symbols (№ …)
  [0x2190, 0x21ff], // arrows
  [0x2212, 0x2212], // minus
];

// Italics are drawn slanted from the regular face (see FontSet in src/documents/pdf/render-pdf.ts).
const FACES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] as const;
const FONT_DIR = path.resolve(import.meta.dirname, "../src/generated/assets/fonts");

const text = RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join("");
const source = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
mkdirSync(FONT_DIR, { recursive: true });
for (const face of FACES) {
  const subset = await subsetFont(readFileSync(path.join(source, face)), text, { targetFormat: "truetype" });
  writeFileSync(path.join(FONT_DIR, face), subset);
}
console.log(`Subset ${FACES.length} font faces into src/generated/assets/fonts/`);
