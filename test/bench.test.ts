import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");

/** The benchmark is not part of the tests, but this short run of every row keeps it from breaking silently. */
describe("benchmark (npm run bench -- --smoke)", () => {
  it("runs all rows, checks every answer, and writes its results", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts", "--smoke"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, stderr.slice(-4000)).toBe(0);

    for (let row = 1; row <= 11; row++) expect(stdout).toMatch(new RegExp(`^\\| ${row} \\|`, "m"));
    expect(stdout).toMatch(/\| 1 \| HTTP meeting with agenda .* \| throughput [\d.]+, p99 [\d.]+ \|/);
    const results = JSON.parse(readFileSync(path.join(root, "bench/results/smoke.json"), "utf8"));
    expect(results.rows.length).toBeGreaterThanOrEqual(12);
    expect(results.http.baseline.requests).toBeGreaterThan(0);
    expect(results.pdf.gremium.pages).toBeGreaterThanOrEqual(15);
    expect(results.bundle.gzipKiB).toBeGreaterThan(0);
    expect(Object.keys(results.queryPlans)).toContain("meeting with agenda");
    expect(stdout).toMatch(/\| 6 \| HTTP meeting page \(HTML\) .* \| throughput [\d.]+ \|/);
    expect(results.pageWeight.cssKiB).toBeGreaterThan(10);
    // Search by class, isolation, contention (every scenario checked its final state), CPU time, the OParl build.
    expect(results.searchByClass.small["frequent word"].samples).toBeGreaterThan(0);
    expect(results.isolation.pooled.withSearch.requests).toBeGreaterThan(0);
    expect(Object.keys(results.contention.workerd)).toHaveLength(3);
    expect(results.workerCpu.figures.map((f: { route: string }) => f.route)).toContain("sign-in (scrypt)");
    expect(results.oparlBuild.first.steps).toBeGreaterThan(3);
    expect(results.oparlBuild.digests.documents).toBeGreaterThan(0);
    // Each part's rows are printed as soon as it is measured: the OParl rows before the table.
    expect(stderr.indexOf("| 11 |")).toBeGreaterThan(-1);
  }, 600_000);
});
