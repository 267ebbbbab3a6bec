import { readFileSync } from "node:fs";
import path from "node:path";
import type { FontSet } from "../documents/pdf/render-pdf";
import { TEMPLATE_NAMES, type Templates } from "../documents/templates";

const root = path.resolve(import.meta.dirname, "../..");

/** The PDF fonts: DejaVu Sans, subset after install by scripts/build-fonts.ts. */
export function loadFonts(): FontSet {
  const font = (name: string) => new Uint8Array(readFileSync(path.join(root, "src", "generated", "assets", "fonts", name)));
  return { regular: font("DejaVuSans.ttf"), bold: font("DejaVuSans-Bold.ttf") };
}

/** Fonts and templates, read once at start. */
export function loadDocumentAssets(): { fonts: () => Promise<FontSet>; templates: Templates } {
  const fonts = loadFonts();
  return {
    fonts: async () => fonts,
    templates: Object.fromEntries(
      TEMPLATE_NAMES.map((name) => [name, readFileSync(path.join(root, "templates", `${name}.md`), "utf8")]),
    ) as Templates,
  };
}
