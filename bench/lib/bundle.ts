/** The Worker bundle as wrangler would upload it: `wrangler deploy --dry-run`, sizes as wrangler reports them. */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "./servers";

export function workerBundle(): { totalKiB: number; gzipKiB: number } {
  const wrangler = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
  const outdir = mkdtempSync(path.join(tmpdir(), "gremium-bench-bundle-"));
  const output = execFileSync(process.execPath, [wrangler, "deploy", "--dry-run", "--outdir", outdir], {
    cwd: root,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    stdio: "pipe",
  }).toString();
  const match = /Total Upload:\s*([\d.]+) KiB \/ gzip:\s*([\d.]+) KiB/.exec(output);
  if (!match) throw new Error(`wrangler printed no upload size:\n${output}`);
  return { totalKiB: Number(match[1]), gzipKiB: Number(match[2]) };
}
