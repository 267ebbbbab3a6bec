import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { FontSet } from "../documents/pdf/render-pdf";
import { TEMPLATE_NAMES, type Templates } from "../documents/templates";

const root = path.resolve(import.meta.dirname, "../..");

/** Fonts from the dejavu-fonts-ttf package and templates from templates/, read once at start. */
export function loadDocumentAssets(): { fonts: FontSet; templates: Templates } {
  const fontDir = path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json"));
  const font = (name: string) => new Uint8Array(readFileSync(path.join(fontDir, "ttf", name)));
  return {
    fonts: { regular: font("DejaVuSans.ttf"), bold: font("DejaVuSans-Bold.ttf"), italic: font("DejaVuSans-Oblique.ttf") },
    templates: Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, readFileSync(path.join(root, "templates", `${name}.md`), "utf8")])) as Templates,
  };
}
