/**
 * The Worker on local workerd with a local D1, as `npm run dev:worker` runs it: D1 migrations derived from
 * Prisma's and applied by wrangler, then the Worker served by wrangler's `unstable_dev`. Used by the worker
 * smoke tests and the benchmark.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { unstable_dev } from "wrangler";
import { deriveD1Migrations } from "./d1-migrations";

const root = path.resolve(import.meta.dirname, "..");
const wrangler = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");

/** Runs a wrangler command non-interactively, without telemetry. */
export function runWrangler(args: string[]): Buffer {
  return execFileSync(process.execPath, [wrangler, ...args], {
    cwd: root,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    stdio: "pipe",
    maxBuffer: 64 << 20,
  });
}

/** A new local D1 (and R2) folder with every migration applied; answers the folder. */
export function prepareLocalD1(prefix: string): string {
  const persistTo = mkdtempSync(path.join(tmpdir(), prefix));
  deriveD1Migrations();
  runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
  return persistTo;
}

/** Serves the Worker on workerd with the local D1 and R2 in `persistTo`. */
export function startLocalWorker(persistTo: string, vars: Record<string, string> = {}) {
  return unstable_dev(path.join(root, "src/entry/worker.ts"), {
    config: path.join(root, "wrangler.toml"),
    persistTo,
    vars,
    ip: "127.0.0.1",
    logLevel: "warn",
    experimental: { disableExperimentalWarning: true },
  });
}
