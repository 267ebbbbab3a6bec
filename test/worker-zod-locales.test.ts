import { mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runWrangler } from "../scripts/local-worker";
import * as stand from "../src/entry/worker-zod-locales";

const root = path.resolve(import.meta.dirname, "..");

describe("the Worker's stand-in for zod's locales", () => {
  it("has zod's own English and German locales", () => {
    expect(Object.keys(stand).sort()).toEqual(["de", "en"]);
    expect(stand.en).toBe(z.locales.en);
    expect(stand.de).toBe(z.locales.de);
  });

  it("replaces only zod's locales: the alias's specifier is zod's own import of them", () => {
    const toml = readFileSync(path.join(root, "wrangler.toml"), "utf8");
    expect(toml).toContain('"../locales/index.js" = "./src/entry/worker-zod-locales.ts"');
    const zod = path.dirname(createRequire(import.meta.url).resolve("zod/package.json"));
    for (const file of ["v4/classic/external.js", "v4/core/index.js"]) {
      expect(readFileSync(path.join(zod, file), "utf8")).toContain('export * as locales from "../locales/index.js";');
    }
  });

  it("is imported by zod alone in the Worker bundle, which has no other locale and the Worker's fontkit", () => {
    const outdir = mkdtempSync(path.join(tmpdir(), "gremium-bundle-"));
    runWrangler(["deploy", "--dry-run", "--outdir", outdir, "--metafile", path.join(outdir, "meta.json")]);
    const { inputs } = JSON.parse(readFileSync(path.join(outdir, "meta.json"), "utf8")) as {
      inputs: Record<string, { imports: { path: string }[] }>;
    };
    const importers = Object.entries(inputs)
      .filter(([, input]) => input.imports.some((i) => i.path === "src/entry/worker-zod-locales.ts"))
      .map(([file]) => file);
    expect(importers.sort()).toEqual(["node_modules/zod/v4/classic/external.js", "node_modules/zod/v4/core/index.js"]);
    const files = Object.keys(inputs);
    expect(files.filter((file) => file.includes("zod/v4/locales/")).sort()).toEqual([
      "node_modules/zod/v4/locales/de.js",
      "node_modules/zod/v4/locales/en.js",
    ]);
    expect(files).toContain("src/generated/fontkit-worker.js");
    expect(files.filter((file) => file.includes("@pdf-lib/fontkit"))).toEqual([]);
  }, 60_000);

  it("is not needed by Gremium's sources, which use no locale of zod's", () => {
    const sources = readFileSync(path.join(root, "src/schemas/common.ts"), "utf8");
    expect(sources).toContain("z.config({");
    expect(sources).not.toMatch(/locales/);
  });
});
