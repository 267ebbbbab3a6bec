import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_LINE, databaseInWeb, layerViolations, longLines, repositorySources, sourceFiles } from "../scripts/check-source";

describe("the source", () => {
  it("keep services, rules, data access, documents and policies free of HTTP, and rules pure", () => {
    expect(layerViolations(sourceFiles(path.resolve(import.meta.dirname, "../src")))).toEqual([]);
    expect(databaseInWeb(sourceFiles(path.resolve(import.meta.dirname, "../src")))).toEqual([]);
    expect(databaseInWeb([{ file: "web/x.tsx", source: "const a = await ctx.db.prisma.term.findMany();" }])).toEqual([
      "src/web/x.tsx:1 reads the database",
    ]);
  });

  it("finds an upward import, and an impure rule", () => {
    const files = [
      { file: "services/meetings.ts", source: 'import { Problem } from "../http/problem";\nimport { x } from "../errors";' },
      { file: "policies/papers.ts", source: 'import type { AppEnv } from "../http/context";' },
      { file: "db/queries/search.ts", source: 'export { y } from "../../routes/search";' },
      { file: "rules/voting.ts", source: 'import { berlinDateOf } from "./calendar";\nimport { getMeeting } from "../services/meetings";' },
      { file: "routes/meetings.ts", source: 'import { serviceContext } from "../http/context";' },
    ];
    expect(layerViolations(files)).toEqual([
      "src/services/meetings.ts imports src/http/problem: services, rules, data access, documents and policies never see HTTP",
      "src/policies/papers.ts imports src/http/context: services, rules, data access, documents and policies never see HTTP",
      "src/db/queries/search.ts imports src/routes/search: services, rules, data access, documents and policies never see HTTP",
      "src/rules/voting.ts imports src/services/meetings: rules of procedure are pure functions over plain values",
    ]);
  });

  it(`has no line longer than ${MAX_LINE} characters`, () => {
    expect(longLines(repositorySources(path.resolve(import.meta.dirname, "..")))).toEqual([]);
    expect(longLines([{ file: "x.ts", source: `ok\n${"x".repeat(MAX_LINE + 1)}` }])).toEqual([`x.ts:2 has ${MAX_LINE + 1} characters`]);
  });
});
