import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  MAX_LINE,
  databaseInWeb,
  importCycles,
  layerViolations,
  longLines,
  repositorySources,
  sourceFiles,
  sqlOutsideDb,
} from "../scripts/check-source";

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

  it("keeps SQL in src/db/, and finds it elsewhere", () => {
    expect(sqlOutsideDb(sourceFiles(path.resolve(import.meta.dirname, "../src")))).toEqual([]);
    const files = [
      { file: "db/queries/x.ts", source: 'export const s = { sql: `SELECT 1 FROM "Meeting"`, params: [] };' },
      {
        file: "services/x.ts",
        source: [
          'const a = { sql: `DELETE FROM "Session" WHERE "id" = ?`, params: [id] };',
          "const rows = await ctx.db.query<Row>(sql, []);",
          "const [x] = await ctx.db.queryAll([statement]);",
          'const b = { sql: `NOT EXISTS (SELECT 1 FROM "OparlSync")`, params: [] };',
          "await ctx.db.prisma.$queryRaw`SELECT 1`;",
          "const c = `",
          "  WITH t AS (SELECT 1) SELECT * FROM t`;",
        ].join("\n"),
      },
      {
        file: "routes/x.ts",
        source: [
          "// SELECT the meeting; the comment is no SQL",
          ' * DELETE FROM "Session" in a doc comment',
          'app.on(["POST", "DELETE"], "*", handler);',
          'const text = "Die Sitzung wurde gelöscht; UPDATE folgt, Select aus der Liste.";',
          "const d = await deleteSessions(ctx.db, id);",
          'const e = "Update der Tagesordnung";',
        ].join("\n"),
      },
      { file: "entry/node-database.ts", source: "await tx.$executeRawUnsafe(statement.sql, ...statement.params);" },
    ];
    expect(sqlOutsideDb(files)).toEqual([1, 2, 3, 4, 5, 7].map((line) => `src/services/x.ts:${line} has SQL outside src/db/`));
  });

  it("has no import cycle among the modules of src/, and finds one", () => {
    expect(importCycles(sourceFiles(path.resolve(import.meta.dirname, "../src")))).toEqual([]);
    const files = [
      { file: "services/meetings.ts", source: 'import { agendaOf } from "./agenda";\nimport { x } from "../errors";' },
      { file: "services/agenda.ts", source: 'import { getMeeting } from "./meeting-lookup";\nimport type { M } from "./meetings";' },
      { file: "services/meeting-lookup.ts", source: 'import { findMeeting } from "../db/queries/meetings";' },
      { file: "db/queries/meetings.ts", source: 'import type { Database } from "../database";' },
      { file: "db/database.ts", source: "" },
      { file: "errors.ts", source: 'export { x } from "./db/database";' },
    ];
    expect(importCycles(files)).toEqual(["src/services/agenda.ts -> src/services/meetings.ts -> src/services/agenda.ts"]);
    expect(importCycles(files.filter((f) => f.file !== "services/agenda.ts"))).toEqual([]);
  });

  it(`has no line longer than ${MAX_LINE} characters`, () => {
    expect(longLines(repositorySources(path.resolve(import.meta.dirname, "..")))).toEqual([]);
    expect(longLines([{ file: "x.ts", source: `ok\n${"x".repeat(MAX_LINE + 1)}` }])).toEqual([`x.ts:2 has ${MAX_LINE + 1} characters`]);
  });
});
