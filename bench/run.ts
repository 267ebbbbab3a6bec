/**
 * Gremium's benchmark: every figure side by side with a baseline or a reference run in the same run,
 * reported as a ratio, because absolute timings on shared machines drift.
 *   npm run bench              full run (small and large dataset, 10 s per load, 20 PDF renders)
 *   npm run bench -- --quick   the same rows in under 2 minutes (small and medium dataset, 2 s per load)
 *   npm run bench -- --smoke   a few seconds per row, for the test suite
 * Prints a table and writes bench/results/latest.json (smoke: smoke.json). Fails (exit 1) on any wrong answer.
 */
import Sqlite from "better-sqlite3";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { SCALES, datasetFile, type Scale } from "./dataset";
import { workerBundle } from "./lib/bundle";
import { ENDPOINTS, type Endpoint } from "./lib/endpoints";
import { load, type LoadResult, type LoadSettings } from "./lib/load";
import { pdfRun } from "./lib/pdf";
import { queryPlans } from "./lib/query-plans";
import { freePort, root, startBaseline, startGremium, type Server } from "./lib/servers";
import { startWorker } from "./lib/workerd";

const MODES = {
  full: { small: SCALES.small, large: SCALES.large, load: { connections: 50, warmupSeconds: 3, seconds: 10 }, pdf: { warmups: 3, renders: 20, heapCaps: [32, 40, 48, 64, 96, 128] } },
  quick: { small: SCALES.small, large: SCALES.medium, load: { connections: 50, warmupSeconds: 1, seconds: 2 }, pdf: { warmups: 2, renders: 8, heapCaps: [48, 128] } },
  smoke: { small: SCALES.small, large: SCALES.medium, load: { connections: 10, warmupSeconds: 1, seconds: 1 }, pdf: { warmups: 1, renders: 2, heapCaps: [128] } },
} satisfies Record<string, { small: Scale; large: Scale; load: LoadSettings; pdf: { warmups: number; renders: number; heapCaps: number[] } }>;

const modeName = process.argv.includes("--smoke") ? "smoke" : process.argv.includes("--quick") ? "quick" : "full";
const mode = MODES[modeName];
const log = (message: string) => console.error(`[bench] ${message}`);
const meetingEndpoint = ENDPOINTS.find((e) => e.kind === "read")!;

/** Fetches an endpoint once, checks the answer against the database, and returns the body. */
async function checked(server: Server, endpoint: Endpoint, db: Sqlite.Database): Promise<string> {
  const response = await fetch(server.url + endpoint.path);
  if (response.status !== 200) throw new Error(`${endpoint.path} answered ${response.status}: ${await response.text()}`);
  const body = await response.text();
  endpoint.check(JSON.parse(body), db);
  return body;
}

/** Every endpoint on Gremium's Node server over one dataset: the checked body and the load figures. */
async function gremiumReads(file: string, port: number) {
  const db = new Sqlite(file, { readonly: true });
  const server = await startGremium(file, port);
  const results = new Map<string, { body: string; load: LoadResult }>();
  try {
    for (const endpoint of ENDPOINTS) {
      const body = await checked(server, endpoint, db);
      log(`  ${endpoint.name}`);
      results.set(endpoint.name, { body, load: await load(server.url + endpoint.path, body, mode.load) });
    }
  } finally {
    await server.stop();
    db.close();
  }
  return { results, firstResponseMs: server.firstResponseMs };
}

/** One endpoint on another server, whose answer must equal Gremium's (as JSON). */
async function sameAnswerReads(server: Server, endpoint: Endpoint, gremiumBody: string, label: string) {
  try {
    const response = await fetch(server.url + endpoint.path);
    const body = await response.text();
    if (response.status !== 200 || !isDeepStrictEqual(JSON.parse(body), JSON.parse(gremiumBody))) {
      throw new Error(`${label} answers ${endpoint.path} differently from Gremium on Node (status ${response.status})`);
    }
    return await load(server.url + endpoint.path, body, mode.load);
  } finally {
    await server.stop();
  }
}

const started = performance.now();
log(`mode ${modeName}: datasets ${mode.small.name} and ${mode.large.name}, ${mode.load.connections} connections, ${mode.load.warmupSeconds} s warm-up, ${mode.load.seconds} s per load`);
const datasets = { small: datasetFile(mode.small), large: datasetFile(mode.large) };
for (const [name, dataset] of Object.entries(datasets)) {
  log(dataset.built ? `built the ${name} dataset in ${dataset.seconds!.toFixed(0)} s: ${JSON.stringify(dataset.counts)}` : `reusing ${path.relative(root, dataset.file)}`);
}

log(`Gremium on Node, ${mode.large.name} dataset`);
const large = await gremiumReads(datasets.large.file, await freePort());
log("bare-Hono baseline, same dataset");
const baseline = await sameAnswerReads(await startBaseline(datasets.large.file, await freePort(), meetingEndpoint.path), meetingEndpoint, large.results.get(meetingEndpoint.name)!.body, "the baseline");
log(`Gremium on Node, ${mode.small.name} dataset`);
const small = await gremiumReads(datasets.small.file, await freePort());

log("query plans");
const plans = await queryPlans(datasets.large.file, Object.fromEntries(ENDPOINTS.map((e) => [e.name, e.path])));

log("PDF: Gremium, then pdfmake");
const pdf = {
  gremium: pdfRun("gremium", mode.pdf.warmups, mode.pdf.renders, mode.pdf.heapCaps),
  pdfmake: pdfRun("pdfmake", mode.pdf.warmups, mode.pdf.renders, mode.pdf.heapCaps),
};

log("Worker bundle (wrangler deploy --dry-run)");
const bundle = workerBundle();

log(`Worker on workerd with local D1, ${mode.small.name} dataset`);
const worker = await startWorker(datasets.small.file, meetingEndpoint.path);
const workerFirstResponseMs = worker.firstResponseMs;
const workerLoad = await sameAnswerReads(worker, meetingEndpoint, small.results.get(meetingEndpoint.name)!.body, "the Worker");

// ---- Report ----------------------------------------------------------------------------------------
const fixed = (n: number, digits = 0) => n.toFixed(digits);
const ratio = (a: number, b: number) => (b === 0 ? "n/a" : fixed(a / b, 2));
const verdict = (met: boolean) => (met ? "met" : "MISSED");
const throughput = (r: LoadResult) => `${fixed(r.requestsPerSecond)} req/s, p99 ${fixed(r.p99Ms, 1)} ms`;
const rows: { row: string; measurement: string; gremium: string; reference: string; ratio: string; target: string; result: string }[] = [];

const meetingLarge = large.results.get(meetingEndpoint.name)!.load;
rows.push({
  row: "1",
  measurement: `HTTP ${meetingEndpoint.name} (Node, ${mode.large.name})`,
  gremium: throughput(meetingLarge),
  reference: `bare Hono: ${throughput(baseline)}`,
  ratio: `throughput ${ratio(meetingLarge.requestsPerSecond, baseline.requestsPerSecond)}, p99 ${ratio(meetingLarge.p99Ms, baseline.p99Ms)}`,
  target: "throughput ≥ 0.5",
  result: verdict(meetingLarge.requestsPerSecond / baseline.requestsPerSecond >= 0.5),
});
for (const endpoint of ENDPOINTS.filter((e) => e.kind === "trace" || e.kind === "search")) {
  const result = large.results.get(endpoint.name)!.load;
  rows.push({
    row: "1",
    measurement: `HTTP ${endpoint.name} (Node, ${mode.large.name})`,
    gremium: throughput(result),
    reference: `meeting read: ${fixed(meetingLarge.requestsPerSecond)} req/s`,
    ratio: `throughput ${ratio(result.requestsPerSecond, baseline.requestsPerSecond)} of the baseline's meeting read`,
    target: "reported",
    result: "-",
  });
}
for (const endpoint of ENDPOINTS) {
  const big = large.results.get(endpoint.name)!.load;
  const little = small.results.get(endpoint.name)!.load;
  const scaled = endpoint.kind !== "read";
  rows.push({
    row: "2",
    measurement: `p50 ${endpoint.name}`,
    gremium: `${mode.large.name}: ${fixed(big.p50Ms, 1)} ms`,
    reference: `${mode.small.name}: ${fixed(little.p50Ms, 1)} ms`,
    ratio: ratio(big.p50Ms, little.p50Ms),
    target: scaled ? "≤ 1.5" : "reported",
    result: scaled ? verdict(big.p50Ms / little.p50Ms <= 1.5) : "-",
  });
}
const pdfFigures = (r: typeof pdf.gremium) =>
  `${fixed(r.medianMs)} ms, ${r.pages} pages, ${fixed(r.sizeKiB)} KiB; heap +${fixed(r.peakHeapGrowthMiB)} MiB with garbage, +${fixed(r.retainedGrowthMiB, 1)} MiB retained, renders in ${r.smallestHeapMiB ?? "> 128"} MiB old space`;
rows.push({
  row: "3",
  measurement: `PDF minutes, 30 items (median of ${mode.pdf.renders})`,
  gremium: pdfFigures(pdf.gremium),
  reference: `pdfmake: ${pdfFigures(pdf.pdfmake)}`,
  ratio: `time ${ratio(pdf.gremium.medianMs, pdf.pdfmake.medianMs)}, heap growth ${ratio(pdf.gremium.peakHeapGrowthMiB, pdf.pdfmake.peakHeapGrowthMiB)}`,
  target: "time ≤ 1.0; memory well under 128 MiB",
  result: verdict(pdf.gremium.medianMs <= pdf.pdfmake.medianMs && pdf.gremium.smallestHeapMiB !== null && pdf.gremium.smallestHeapMiB <= 64),
});
rows.push({
  row: "4",
  measurement: "Worker bundle, gzip (wrangler deploy --dry-run)",
  gremium: `${fixed(bundle.gzipKiB)} KiB (${fixed(bundle.totalKiB)} KiB raw)`,
  reference: "target 1536 KiB, limit 3072 KiB",
  ratio: ratio(bundle.gzipKiB, 1536),
  target: "≤ 1.5 MiB (hard 3 MiB)",
  result: bundle.gzipKiB <= 1536 ? "met" : bundle.gzipKiB <= 3072 ? "MISSED (under the hard limit)" : "MISSED (over the hard limit)",
});
const meetingSmall = small.results.get(meetingEndpoint.name)!.load;
rows.push({
  row: "5",
  measurement: `${meetingEndpoint.name} on workerd + local D1 (${mode.small.name})`,
  gremium: throughput(workerLoad),
  reference: `Node: ${throughput(meetingSmall)}`,
  ratio: `throughput ${ratio(workerLoad.requestsPerSecond, meetingSmall.requestsPerSecond)}, p99 ${ratio(workerLoad.p99Ms, meetingSmall.p99Ms)}`,
  target: "reported",
  result: "-",
});
rows.push({
  row: "5",
  measurement: "time to first response after start",
  gremium: `workerd: ${fixed(workerFirstResponseMs)} ms (unstable_dev incl. bundling)`,
  reference: `Node: ${fixed(small.firstResponseMs)} ms (process spawn incl. migrate deploy)`,
  ratio: ratio(workerFirstResponseMs, small.firstResponseMs),
  target: "reported",
  result: "-",
});

const header = ["#", "Measurement", "Gremium", "Baseline / reference", "Ratio", "Target", "Result"];
const table = [header, header.map(() => "---"), ...rows.map((r) => [r.row, r.measurement, r.gremium, r.reference, r.ratio, r.target, r.result])].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
const planLines = Object.entries(plans).map(
  ([name, p]) => `- ${name}: indexes ${p.indexes.join(", ") || "none"}; whole-table scans: ${p.fullScans.join(", ") || "none"}`,
);
const seconds = (performance.now() - started) / 1000;
console.log(`\nGremium benchmark, ${modeName} mode, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, ${fixed(seconds)} s\n`);
console.log(table);
console.log(`\nQuery plans on the ${mode.large.name} dataset (all queries: bench/results/latest.json):\n${planLines.join("\n")}`);

const results = path.join(root, "bench/results");
mkdirSync(results, { recursive: true });
writeFileSync(
  // The smoke run of the test suite must not overwrite the figures of a real run.
  path.join(results, modeName === "smoke" ? "smoke.json" : "latest.json"),
  JSON.stringify(
    {
      mode: modeName,
      at: new Date().toISOString(),
      seconds,
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
      settings: mode,
      datasets: { small: mode.small, large: mode.large },
      rows,
      http: {
        large: Object.fromEntries([...large.results].map(([k, v]) => [k, v.load])),
        small: Object.fromEntries([...small.results].map(([k, v]) => [k, v.load])),
        baseline,
        worker: workerLoad,
      },
      startup: { nodeFirstResponseMs: small.firstResponseMs, workerFirstResponseMs, workerDatasetLoadSeconds: worker.loadSeconds },
      pdf,
      bundle,
      queryPlans: plans,
    },
    null,
    2,
  ),
);
