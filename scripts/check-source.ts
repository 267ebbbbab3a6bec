/**
 * Rules of the source that Biome does not check: the layers of src/ and what each may import, no database access
 * in src/web/, and the line length (Biome's formatter breaks code at 140 characters, but not strings and comments). Run as
 * `tsx scripts/check-source.ts` (part of `npm run lint`); test/source.test.ts runs the same checks in `npm test`.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** Folders under src/ that must not reach up into the HTTP layer, and what they may not import. */
export const LAYER_RULES: { layer: string; forbidden: (target: string) => boolean; why: string }[] = [
  ...["services", "rules", "db", "documents", "policies"].map((layer) => ({
    layer,
    forbidden: (target: string) => target.startsWith("http/") || target.startsWith("routes/") || target.startsWith("web/"),
    why: "services, rules, data access, documents and policies never see HTTP",
  })),
  {
    layer: "rules",
    forbidden: (target: string) => !target.startsWith("rules/"),
    why: "rules of procedure are pure functions over plain values",
  },
];

/** The relative imports of a TypeScript source, as written. */
export function relativeImports(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"|import\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g)];
  return specifiers.map((m) => (m[1] ?? m[2])!);
}

/** Every import of `files` (paths relative to src/, with their text) that breaks a layer rule. */
export function layerViolations(files: { file: string; source: string }[]): string[] {
  const violations: string[] = [];
  for (const { file, source } of files) {
    const layer = file.split("/")[0]!;
    for (const specifier of relativeImports(source)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (target.startsWith("..")) continue; // outside src/ (package.json, templates): not a layer
      for (const rule of LAYER_RULES.filter((r) => r.layer === layer)) {
        if (rule.forbidden(target)) violations.push(`src/${file} imports src/${target}: ${rule.why}`);
      }
    }
  }
  return violations;
}

/** Pages read and write through the services, never the database: the services call the policies. */
export function databaseInWeb(files: { file: string; source: string }[]): string[] {
  return files
    .filter(({ file }) => file.startsWith("web/"))
    .flatMap(({ file, source }) =>
      source
        .split("\n")
        .flatMap((line, index) => (/\.prisma\b|\.db\.(query|batch)\(/.test(line) ? [`src/${file}:${index + 1} reads the database`] : [])),
    );
}

/** The longest line we keep. */
export const MAX_LINE = 140;

/** Every line of `files` longer than MAX_LINE, as "file:line". */
export function longLines(files: { file: string; source: string }[]): string[] {
  return files.flatMap(({ file, source }) =>
    source.split("\n").flatMap((line, index) => (line.length > MAX_LINE ? [`${file}:${index + 1} has ${line.length} characters`] : [])),
  );
}

/** The TypeScript sources of src/, generated code aside. */
export function sourceFiles(root: string): { file: string; source: string }[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith("generated"))
    .map((file) => ({ file: file.split(path.sep).join("/"), source: readFileSync(path.join(root, file), "utf8") }));
}

/** The TypeScript sources the line length applies to, keyed by their path in the repository. */
export function repositorySources(root: string): { file: string; source: string }[] {
  return ["src", "test", "bench", "scripts"].flatMap((folder) =>
    sourceFiles(path.join(root, folder)).map(({ file, source }) => ({ file: `${folder}/${file}`, source })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(import.meta.dirname, "..");
  const sources = sourceFiles(path.join(root, "src"));
  const problems = [...layerViolations(sources), ...databaseInWeb(sources), ...longLines(repositorySources(root))];
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log(`Source: no import reaches up, no page reads the database, no line is longer than ${MAX_LINE} characters.`);
}
