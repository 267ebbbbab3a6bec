/**
 * Rules of the source that Biome does not check: the layers of src/ and what each may import, no import cycle among
 * the modules of src/, no database access in src/web/, no SQL outside src/db/, and the line length (Biome's formatter
 * breaks code at 140 characters, but not strings and comments). Run as `tsx scripts/check-source.ts` (part of
 * `npm run lint`); test/source.test.ts runs the same checks in `npm test`.
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

/**
 * The implementations of `Database` for the two runtimes: they run the statements handed to them (with Prisma's
 * `$executeRawUnsafe` on Node), and hold no SQL of their own.
 */
export const DATABASE_RUNTIMES: ReadonlySet<string> = new Set(["entry/node-database.ts", "entry/worker.ts"]);

/**
 * Raw SQL in a line: a string or template literal that begins with a statement (SELECT, INSERT, UPDATE, DELETE or
 * WITH, then a space or the end of the line; also at the start of a line, where a template literal goes on), a quoted
 * table after FROM, a subquery in EXISTS, or a call that runs SQL. Keywords count in capitals only, so that text and
 * an HTTP method name ("DELETE") are no SQL.
 */
const RAW_SQL = new RegExp(
  [
    /(["'`]|^)\s*(SELECT|INSERT|UPDATE|DELETE|WITH)(\s|$)/.source,
    / FROM "|EXISTS \(SELECT/.source,
    /\.db\.(query|queryAll)\s*[<(]|\$(queryRaw|executeRaw)/.source,
  ].join("|"),
);

/** The SQL lives in src/db/ (its queries and statement builders); the services call it, and nothing else writes SQL. */
export function sqlOutsideDb(files: { file: string; source: string }[]): string[] {
  return files
    .filter(({ file }) => !file.startsWith("db/") && !DATABASE_RUNTIMES.has(file))
    .flatMap(({ file, source }) =>
      source.split("\n").flatMap((line, index) => {
        const code = line.trimStart();
        if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) return [];
        return RAW_SQL.test(line) ? [`src/${file}:${index + 1} has SQL outside src/db/`] : [];
      }),
    );
}

/**
 * The import cycles among `files` (paths relative to src/), each once, as "src/a.ts -> src/b.ts -> src/a.ts". Type-only
 * imports count too: they tie the modules together as much. Imports of files not among `files` are left aside.
 */
export function importCycles(files: { file: string; source: string }[]): string[] {
  const known = new Set(files.map(({ file }) => file));
  const resolve = (from: string, specifier: string) => {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    return [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`].find((candidate) => known.has(candidate));
  };
  const graph = new Map(
    files.map(({ file, source }) => [file, relativeImports(source).flatMap((specifier) => resolve(file, specifier) ?? [])]),
  );
  const cycles: string[] = [];
  const done = new Set<string>();
  const trail: string[] = [];
  const visit = (file: string) => {
    trail.push(file);
    for (const target of graph.get(file) ?? []) {
      const at = trail.indexOf(target);
      if (at >= 0) cycles.push([...trail.slice(at), target].map((f) => `src/${f}`).join(" -> "));
      else if (!done.has(target)) visit(target);
    }
    trail.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return cycles;
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
  const problems = [
    ...layerViolations(sources),
    ...importCycles(sources).map((cycle) => `${cycle} is an import cycle`),
    ...databaseInWeb(sources),
    ...sqlOutsideDb(sources),
    ...longLines(repositorySources(root)),
  ];
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log(
    "Source: no import reaches up or goes round in a cycle, no page reads the database, no SQL is outside src/db/, " +
      `no line is longer than ${MAX_LINE} characters.`,
  );
}
