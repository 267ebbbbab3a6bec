/**
 * Copies the portal's static files into src/generated/assets/static/ after install: KERN UX's stylesheet from
 * node_modules, and Gremium's own CSS and icon from src/web/static/. The Node entry serves them from
 * there, and the Worker uploads that folder as static assets (wrangler.toml). Generated, not kept in git.
 *
 * KERN's Fira Sans faces weigh 130–150 KB each, with every script they cover. The portal uses five of them, split
 * here by script as the font services do it (latin, latin-ext, greek, cyrillic, each with its `unicode-range`): a
 * browser loads only the parts that the page's text needs, about 25 KB per face for a German page, and a name in
 * Greek or Cyrillic loads that part when it appears.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import subsetFont from "subset-font";

const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, "src/generated/assets/static");
const require = createRequire(import.meta.url);
const kern = path.join(path.dirname(require.resolve("@kern-ux/native/package.json")), "dist");

rmSync(target, { recursive: true, force: true });
mkdirSync(path.join(target, "kern/fonts"), { recursive: true });
copyFileSync(path.join(kern, "kern.min.css"), path.join(target, "kern/kern.min.css"));
for (const file of readdirSync(path.join(root, "src/web/static")))
  copyFileSync(path.join(root, "src/web/static", file), path.join(target, file));

/** The faces the portal's CSS asks for (KERN: 400, 500 and 600; emphasis in italic); bold text takes 600. */
const FACES = [
  { file: "FiraSans-Regular", weight: 400, style: "normal" },
  { file: "FiraSans-Italic", weight: 400, style: "italic" },
  { file: "FiraSans-Medium", weight: 500, style: "normal" },
  { file: "FiraSans-SemiBold", weight: 600, style: "normal" },
  { file: "FiraSans-SemiBoldItalic", weight: 600, style: "italic" },
] as const;

/** The scripts, as Google Fonts splits them; combining marks go with Latin, so that a letter and its accent meet. */
const SUBSETS: Record<string, [number, number][]> = {
  latin: [
    [0x0000, 0x00ff],
    [0x0131, 0x0131],
    [0x0152, 0x0153],
    [0x02bb, 0x02bc],
    [0x02c6, 0x02c6],
    [0x02da, 0x02da],
    [0x02dc, 0x02dc],
    [0x0300, 0x036f],
    [0x2000, 0x206f],
    [0x20ac, 0x20ac],
    [0x2122, 0x2122],
    [0x2190, 0x2193],
    [0x2212, 0x2215],
    [0xfeff, 0xfeff],
    [0xfffd, 0xfffd],
  ],
  "latin-ext": [
    [0x0100, 0x0130],
    [0x0132, 0x0151],
    [0x0154, 0x024f],
    [0x0259, 0x0259],
    [0x1e00, 0x1eff],
    [0x20a0, 0x20ab],
    [0x20ad, 0x20cf],
    [0x2113, 0x2113],
    [0x2c60, 0x2c7f],
    [0xa720, 0xa7ff],
  ],
  greek: [
    [0x0370, 0x03ff],
    [0x1f00, 0x1fff],
  ],
  cyrillic: [
    [0x0400, 0x052f],
    [0x1c80, 0x1c88],
    [0x20b4, 0x20b4],
    [0x2116, 0x2116],
    [0x2de0, 0x2dff],
    [0xa640, 0xa69f],
    [0xfe2e, 0xfe2f],
  ],
};

/** The OpenType features that text needs (shaping, marks, kerning, standard ligatures); the stylistic sets stay out. */
const FEATURES = ["ccmp", "locl", "mark", "mkmk", "kern", "liga", "calt", "rlig", "clig", "lnum", "tnum", "pnum"];

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, "0");

async function subsetFiraSans(source: string, target: string) {
  const faces: string[] = [];
  await Promise.all(
    FACES.flatMap((face) =>
      Object.entries(SUBSETS).map(async ([name, ranges]) => {
        const text = ranges
          .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))
          .join("");
        const file = `${face.file}-${name}.woff2`;
        writeFileSync(
          path.join(target, file),
          await subsetFont(readFileSync(path.join(source, `${face.file}.woff2`)), text, { targetFormat: "woff2", keepFeatures: FEATURES }),
        );
        const range = ranges.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(", ");
        faces.push(
          `@font-face {\n  font-family: "Fira Sans";\n  font-style: ${face.style};\n  font-weight: ${face.weight};\n` +
            `  font-display: swap;\n  src: url("./${file}") format("woff2");\n  unicode-range: ${range};\n}\n`,
        );
      }),
    ),
  );
  writeFileSync(path.join(target, "fira-sans.css"), faces.sort().join("\n"));
}

await subsetFiraSans(path.join(kern, "fonts/fira-sans"), path.join(target, "kern/fonts"));
console.log("Copied KERN UX and the portal's CSS, and split Fira Sans by script, into src/generated/assets/static/");
