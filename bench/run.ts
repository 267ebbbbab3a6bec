/**
 * Gremium's benchmark: every figure side by side with a baseline or a reference run in the same run,
 * reported as a ratio, because absolute timings on shared machines drift.
 *   npm run bench              full run (small and large dataset, 10 s per load, 20 PDF renders)
 *   npm run bench -- --quick   the same rows in under 2 minutes (small and medium dataset, 1 s per load)
 *   npm run bench -- --smoke   a few seconds per row, for the test suite
 * Prints each part's rows as soon as they are measured (on stderr), then the whole table (on stdout), and writes
 * bench/results/latest.json (smoke: smoke.json). Fails (exit 1) on any wrong answer.
 */
import Sqlite from "better-sqlite3";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { gzipSync } from "node:zlib";
import { SCALES, datasetFile, type Scale } from "./dataset";
import { workerBundle } from "./lib/bundle";
import { ENDPOINTS, MEETING_ENDPOINT, MEETING_PAGE, type Endpoint } from "./lib/endpoints";
import { load, type LoadResult, type LoadSettings } from "./lib/load";
import { pdfRun } from "./lib/pdf";
import {
  bundleRows,
  contentionRows,
  cpuRows,
  fixed,
  isolationRows,
  markdownTable,
  oparlRows,
  pdfRows,
  portalRows,
  readRows,
  searchRows,
  workerRows,
  type Row,
} from "./lib/report";
import { queryPlans } from "./lib/query-plans";
import { searchScaling } from "./lib/search-set";
import { nodeContention, workerContention } from "./lib/contention";
import { isolation } from "./lib/isolation";
import { oparlBuild } from "./lib/oparl-build";
import { workerCpu } from "./lib/worker-cpu";
import { freePort, root, startBaseline, startGremium, type Server } from "./lib/servers";
import { startWorker } from "./lib/workerd";

const MODES = {
  full: {
    small: SCALES.small,
    large: SCALES.large,
    load: { connections: 50, warmupSeconds: 3, seconds: 10 },
    pdf: { warmups: 3, renders: 20, heapCaps: [32, 40, 48, 64, 96, 128] },
    searchRounds: 30,
    contention: { writers: 50, ms: 10_000 },
    cpu: { n: 40, warmup: 20 },
    digestAggregates: 20,
  },
  quick: {
    small: SCALES.small,
    large: SCALES.medium,
    load: { connections: 50, warmupSeconds: 0, seconds: 1 },
    pdf: { warmups: 1, renders: 3, heapCaps: [64] },
    searchRounds: 10,
    contention: { writers: 50, ms: 1000 },
    cpu: { n: 6, warmup: 3 },
    digestAggregates: 5,
  },
  smoke: {
    small: SCALES.small,
    large: SCALES.medium,
    load: { connections: 10, warmupSeconds: 0, seconds: 1 },
    pdf: { warmups: 1, renders: 2, heapCaps: [128] },
    searchRounds: 2,
    contention: { writers: 10, ms: 1000 },
    cpu: { n: 2, warmup: 1 },
    digestAggregates: 2,
  },
} satisfies Record<
  string,
  {
    small: Scale;
    large: Scale;
    load: LoadSettings;
    pdf: { warmups: number; renders: number; heapCaps: number[] };
    searchRounds: number;
    contention: { writers: number; ms: number };
    cpu: { n: number; warmup: number };
    digestAggregates: number;
  }
>;

const started = performance.now();
const modeName = process.argv.includes("--smoke") ? "smoke" : process.argv.includes("--quick") ? "quick" : "full";
// `--large=medium`: the full run's settings with the medium dataset in place of the large one (its OParl build alone
// takes tens of minutes on the large one).
const largeName = process.argv.find((a) => a.startsWith("--large="))?.slice("--large=".length) as keyof typeof SCALES | undefined;
const mode = largeName ? { ...MODES[modeName], large: SCALES[largeName] } : MODES[modeName];
const log = (message: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/**
 * The load settings of an endpoint. Rows 1 and 6 compare the meeting read with bare Hono and with the meeting page:
 * these three get at least a second of warm-up, so that the quick run does not compare a cold JIT with a warm one.
 */
const loadOf = (endpoint: Endpoint): LoadSettings =>
  endpoint === MEETING_ENDPOINT || endpoint === MEETING_PAGE
    ? { ...mode.load, warmupSeconds: Math.max(1, mode.load.warmupSeconds) }
    : mode.load;

/** Fetches an endpoint once, checks the answer against the database, and returns the body. */
async function checked(server: Server, endpoint: Endpoint, db: Sqlite.Database): Promise<string> {
  const response = await fetch(server.url + endpoint.path);
  if (response.status !== 200) throw new Error(`${endpoint.path} answered ${response.status}: ${await response.text()}`);
  const body = await response.text();
  endpoint.check(endpoint.kind === "page" ? body : JSON.parse(body), db);
  return body;
}

/** The weight of the meeting page as a browser loads it: the HTML and its stylesheets, gzip, fonts aside. */
async function pageWeight(server: Server): Promise<{ htmlKiB: number; cssKiB: number }> {
  const html = await (await fetch(server.url + MEETING_PAGE.path)).text();
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  const gzipKiB = (text: string) => gzipSync(Buffer.from(text)).byteLength / 1024;
  let cssKiB = 0;
  for (const href of stylesheets) cssKiB += gzipKiB(await (await fetch(server.url + href.replaceAll("&amp;", "&"))).text());
  return { htmlKiB: gzipKiB(html), cssKiB };
}

/** Every endpoint on Gremium's Node server over one dataset: the checked body and the load figures. */
async function gremiumReads(file: string, port: number) {
  const db = new Sqlite(file, { readonly: true });
  const server = await startGremium(file, port);
  const results = new Map<string, { body: string; load: LoadResult }>();
  let weight = { htmlKiB: 0, cssKiB: 0 };
  try {
    weight = await pageWeight(server);
    for (const endpoint of ENDPOINTS) {
      const body = await checked(server, endpoint, db);
      log(`  ${endpoint.name}`);
      results.set(endpoint.name, { body, load: await load(server.url + endpoint.path, body, loadOf(endpoint)) });
    }
  } finally {
    await server.stop();
    db.close();
  }
  return { results, firstResponseMs: server.firstResponseMs, weight };
}

/** The search set on a server of each dataset, started side by side (see `searchScaling`). */
async function searchByClass(largeFile: string, smallFile: string) {
  const dbs = { large: new Sqlite(largeFile, { readonly: true }), small: new Sqlite(smallFile, { readonly: true }) };
  const servers = { large: await startGremium(largeFile, await freePort()), small: await startGremium(smallFile, await freePort()) };
  try {
    return await searchScaling({ url: servers.large.url, db: dbs.large }, { url: servers.small.url, db: dbs.small }, mode.searchRounds);
  } finally {
    await Promise.all([servers.large.stop(), servers.small.stop()]);
    dbs.large.close();
    dbs.small.close();
  }
}

/** One endpoint on another server, whose answer must equal Gremium's (as JSON); the server is stopped unless `keep`. */
async function sameAnswerReads(server: Server, endpoint: Endpoint, gremiumBody: string, label: string, stop = true) {
  try {
    const response = await fetch(server.url + endpoint.path);
    const body = await response.text();
    if (response.status !== 200 || !isDeepStrictEqual(JSON.parse(body), JSON.parse(gremiumBody))) {
      throw new Error(`${label} answers ${endpoint.path} differently from Gremium on Node (status ${response.status})`);
    }
    return await load(server.url + endpoint.path, body, loadOf(endpoint));
  } finally {
    if (stop) await server.stop();
  }
}

log(
  `mode ${modeName}: datasets ${mode.small.name} and ${mode.large.name}, ${mode.load.connections} ` +
    `connections, ${mode.load.warmupSeconds} s warm-up, ${mode.load.seconds} s per load`,
);
const datasets = { small: await datasetFile(mode.small), large: await datasetFile(mode.large) };
for (const [name, dataset] of Object.entries(datasets)) {
  log(
    dataset.built
      ? `built the ${name} dataset in ${dataset.seconds!.toFixed(0)} s: ${JSON.stringify(dataset.counts)}`
      : `reusing ${path.relative(root, dataset.file)}`,
  );
}

const rows: Row[] = [];
/** Prints rows as soon as their part is measured, so that a run stopped early still shows what it measured. */
function emit(part: Row[]) {
  rows.push(...part);
  console.error(markdownTable(part).split("\n").slice(2).join("\n"));
}

log(`Gremium on Node, ${mode.large.name} dataset`);
const large = await gremiumReads(datasets.large.file, await freePort());
log("bare-Hono baseline, same dataset");
const baseline = await sameAnswerReads(
  await startBaseline(datasets.large.file, await freePort(), MEETING_ENDPOINT.path),
  MEETING_ENDPOINT,
  large.results.get(MEETING_ENDPOINT.name)!.body,
  "the baseline",
);
log(`Gremium on Node, ${mode.small.name} dataset`);
const small = await gremiumReads(datasets.small.file, await freePort());
emit([...readRows(mode, large, small, baseline), ...portalRows(mode, large)]);

log(`search by class of query, ${mode.large.name} and ${mode.small.name} side by side`);
const search = await searchByClass(datasets.large.file, datasets.small.file);
emit(searchRows(mode, search));

log(`isolation: the meeting read with searches alongside, ${mode.large.name} dataset`);
const isolated = await isolation(datasets.large.file, mode.load);
emit(isolationRows(mode, isolated));

log("writes under contention on Node");
const nodeContended = await nodeContention(mode.contention);
emit(contentionRows("Node", nodeContended));

log("query plans");
const plans = await queryPlans(datasets.large.file, Object.fromEntries(ENDPOINTS.map((e) => [e.name, e.path])));

log("PDF: Gremium, then pdfmake");
const pdf = {
  gremium: pdfRun("gremium", mode.pdf.warmups, mode.pdf.renders, mode.pdf.heapCaps),
  pdfmake: pdfRun("pdfmake", mode.pdf.warmups, mode.pdf.renders, mode.pdf.heapCaps),
};
emit(pdfRows(mode.pdf.renders, pdf));

log("Worker bundle (wrangler deploy --dry-run)");
const bundle = workerBundle();
emit(bundleRows(bundle));

log(`Worker on workerd with local D1, ${mode.small.name} dataset`);
const worker = await startWorker(datasets.small.file, MEETING_ENDPOINT.path);
const workerFirstResponseMs = worker.firstResponseMs;
const workerLoad = await sameAnswerReads(worker, MEETING_ENDPOINT, small.results.get(MEETING_ENDPOINT.name)!.body, "the Worker", false);
emit(workerRows(mode, workerLoad, workerFirstResponseMs, small));
log("writes under contention on the same Worker");
const contended = { node: nodeContended, workerd: await workerContention(worker.url, mode.contention).finally(() => worker.stop()) };
emit(contentionRows("workerd + local D1", contended.workerd));

log(`Worker CPU time per request on workerd, ${mode.small.name} dataset`);
// On the local D1 the Worker row loaded, now stopped.
const cpu = await workerCpu(worker.persistTo, mode.cpu);
emit(cpuRows(mode, cpu));

// The quick and smoke runs build the OParl view of the small dataset: the large one's takes minutes.
const oparlScale = modeName === "full" ? mode.large : mode.small;
log(`OParl view built in chunks, ${oparlScale.name} dataset`);
const oparl = {
  scale: oparlScale.name,
  ...(await oparlBuild(modeName === "full" ? datasets.large.file : datasets.small.file, mode.digestAggregates, log)),
};
emit(oparlRows(oparl));

const planLines = Object.entries(plans).map(
  ([name, p]) => `- ${name}: indexes ${p.indexes.join(", ") || "none"}; whole-table scans: ${p.fullScans.join(", ") || "none"}`,
);
const seconds = (performance.now() - started) / 1000;
console.log(
  `\nGremium benchmark, ${modeName} mode, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ` +
    `Node ${process.version}, ${fixed(seconds)} s\n`,
);
console.log(markdownTable(rows));
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
      pageWeight: large.weight,
      http: {
        large: Object.fromEntries([...large.results].map(([k, v]) => [k, v.load])),
        small: Object.fromEntries([...small.results].map(([k, v]) => [k, v.load])),
        baseline,
        worker: workerLoad,
      },
      startup: { nodeFirstResponseMs: small.firstResponseMs, workerFirstResponseMs, workerDatasetLoadSeconds: worker.loadSeconds },
      pdf,
      bundle,
      isolation: isolated,
      workerCpu: cpu,
      oparlBuild: oparl,
      contention: contended,
      searchByClass: search,
      queryPlans: plans,
    },
    null,
    2,
  ),
);
