/** The Worker bundle as wrangler would upload it: `wrangler deploy --dry-run`, sizes as wrangler reports them. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runWrangler } from "../../scripts/local-worker";

export function workerBundle(): { totalKiB: number; gzipKiB: number } {
  const outdir = mkdtempSync(path.join(tmpdir(), "gremium-bench-bundle-"));
  const output = runWrangler(["deploy", "--dry-run", "--outdir", outdir]).toString();
  const match = /Total Upload:\s*([\d.]+) KiB \/ gzip:\s*([\d.]+) KiB/.exec(output);
  if (!match) throw new Error(`wrangler printed no upload size:\n${output}`);
  return { totalKiB: Number(match[1]), gzipKiB: Number(match[2]) };
}
