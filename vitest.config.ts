import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

/**
 * Tests that measure time under load (a sign-in flood, a pathological PDF) run after all others and alone, so that
 * what they measure is the product, not the browser tests that share the machine's two cores.
 */
const TIMED = ["test/hardening/sign-in-flood.test.ts", "test/hardening/pdf-long-word.test.ts"];

export default defineConfig({
  // The Worker bundles its Markdown templates as text (wrangler.toml rules); the same here, for tests that import it.
  plugins: [
    {
      name: "markdown-as-text",
      load: (id) => (id.endsWith(".md") ? `export default ${JSON.stringify(readFileSync(id, "utf8"))};` : undefined),
    },
  ],
  test: {
    testTimeout: 20_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "functional", include: ["test/**/*.test.ts"], exclude: TIMED } },
      { extends: true, test: { name: "timed", include: TIMED, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
