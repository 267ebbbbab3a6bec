import { readFileSync } from "node:fs";
import path from "node:path";
import type { FontSet } from "../documents/pdf/render-pdf";
import { TEMPLATE_NAMES, type Templates } from "../documents/templates";

const root = path.resolve(import.meta.dirname, "../..");

/** Fonts (DejaVu Sans, subset after install by scripts/build-fonts.ts) and templates, read once at start. */
export function loadDocumentAssets(): { fonts: FontSet; templates: Templates } {
  const font = (name: string) => new Uint8Array(readFileSync(path.join(root, "src", "generated", "fonts", name)));
  return {
    fonts: { regular: font("DejaVuSans.ttf"), bold: font("DejaVuSans-Bold.ttf") },
    templates: Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, readFileSync(path.join(root, "templates", `${name}.md`), "utf8")])) as Templates,
  };
}
