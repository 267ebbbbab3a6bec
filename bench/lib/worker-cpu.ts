/**
 * CPU time per request of the Worker on local workerd, per route. Method: the CPU time of the workerd process that
 * runs the Worker (all its threads, /proc/<pid>/task/<tid>/schedstat, in ns) across N sequential requests, divided
 * by N, minus its idle rate; then the same for N replays of exactly the D1 calls the route made (`/__probe/replay`
 * of bench/lib/worker-cpu-entry.ts, on the raw binding). The difference is the isolate's own CPU time, what
 * Cloudflare bills and limits; the replay is the local D1 (SQLite and miniflare's D1 object, in the same process),
 * which on Cloudflare runs outside the isolate. Wrangler's proxy workerd (the one without --inspector-addr) is not
 * counted. Local workerd does not fill TraceItem.cpuTime, and performance.now() there is wall time.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { unstable_dev } from "wrangler";
import { REFERENCE } from "../dataset";
import { runWrangler } from "../../scripts/local-worker";
import { hashPassword } from "../../src/auth/passwords";
import { freePort, root } from "./servers";

const PASSWORD = "correct horse battery staple";

type Route = { name: string; path: string; init?: (base: string) => RequestInit; status: number };
const ROUTES: Record<string, Route> = {
  meeting: { name: "meeting (JSON)", path: `/api/v1/meetings/${REFERENCE.meetingId}`, status: 200 },
  page: { name: "meeting page (HTML)", path: `/sitzungen/${REFERENCE.meetingId}`, status: 200 },
  search: { name: "search (JSON)", path: `/api/v1/search?q=${encodeURIComponent(REFERENCE.searchQuery)}&limit=20`, status: 200 },
  trace: { name: "measure trace (JSON)", path: `/api/v1/measures/${REFERENCE.measureId}/trace`, status: 200 },
  pdf: { name: "minutes PDF", path: `/api/v1/meetings/${REFERENCE.meetingId}/minutes.pdf`, status: 200 },
  signin: {
    name: "sign-in (scrypt)",
    path: "/anmelden",
    status: 303,
    init: (base) => ({
      method: "POST",
      redirect: "manual",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "probe@example.de", password: PASSWORD }).toString(),
    }),
  },
};

/** CPU milliseconds of all threads of a process (threads that ended in between are lost: the probe starts none). */
function cpuMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // the thread ended
    }
  }
  return ns / 1e6;
}

/** The workerd that runs the Worker (of wrangler's processes under this one). */
function userWorkerd(): number {
  const lines = execFileSync("ps", ["-eww", "-o", "pid=,ppid=,args="]).toString().trim().split("\n");
  const rows = lines
    .map((l) => l.trim().split(/\s+/))
    .map(([pid, ppid, ...args]) => ({ pid: Number(pid), ppid: Number(ppid), args: args.join(" ") }));
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (mine.has(r.ppid) && !mine.has(r.pid)) {
        mine.add(r.pid);
        grew = true;
      }
    }
  }
  // With an inspector, wrangler runs the Worker in a workerd of its own beside a proxy; without, in one workerd.
  const workerds = rows.filter((r) => mine.has(r.pid) && /workerd serve/.test(r.args));
  const found = workerds.length === 1 ? workerds : workerds.filter((r) => r.args.includes("--inspector-addr"));
  if (found.length !== 1) throw new Error(`expected one workerd that runs the Worker, found ${found.length}`);
  return found[0]!.pid;
}

/** CPU ms per request of `n` sequential requests, less the idle rate over the same time. */
async function perRequest(pid: number, idlePerMs: number, n: number, send: () => Promise<unknown>) {
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await send();
  return (cpuMs(pid) - cpu0 - idlePerMs * (performance.now() - t0)) / n;
}

export interface CpuFigures {
  route: string;
  /** CPU ms of the whole user workerd per request, D1 included. */
  processMs: number;
  /** CPU ms of replaying the route's D1 calls on the raw binding. */
  d1Ms: number;
  /** processMs − d1Ms: what runs in the isolate, as Cloudflare bills and limits it. */
  isolateMs: number;
  /** The first request of the route on a fresh isolate: process CPU, D1 included. */
  coldMs: number;
}

/**
 * CPU time per request of each route on the Worker, over `n` sequential requests after `warmup` ones, on a local D1
 * that holds the small dataset already (bench/lib/workerd.ts loaded it), with one account of a known password added
 * for the sign-in.
 */
export async function workerCpu(persistTo: string, settings: { n: number; warmup: number }) {
  const account =
    `INSERT INTO "Account" (id, bodyId, email, role, passwordHash, version, createdAt, updatedAt) VALUES ('probe-account', ` +
    `'${REFERENCE.bodyId}', 'probe@example.de', 'secretariat', '${await hashPassword(PASSWORD)}', 1, ` +
    `'2025-01-01T00:00:00.000+00:00', '2025-01-01T00:00:00.000+00:00');`;
  runWrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--command", account, "--yes"]);
  const port = await freePort();
  const worker = await unstable_dev(path.join(root, "bench/lib/worker-cpu-entry.ts"), {
    config: path.join(root, "wrangler.toml"),
    persistTo,
    ip: "127.0.0.1",
    port,
    inspectorPort: await freePort(),
    logLevel: "error",
    experimental: { disableExperimentalWarning: true },
  });
  const base = `http://127.0.0.1:${worker.port}`;
  const call = async (route: Route | string) => {
    const r = typeof route === "string" ? { name: route, path: route, status: 200 } : route;
    const response = await fetch(base + r.path, r.init?.(base));
    await response.arrayBuffer();
    if (response.status !== r.status) throw new Error(`${r.name}: ${response.status}`);
    return response;
  };
  try {
    // Cold start: the isolate's first request builds the app (once per isolate). The workerd that runs the Worker
    // starts with it, so its CPU cannot be read across it: this is the time inside the isolate (local workerd's
    // clock moves during execution), the app's construction included.
    const start = Number((await call("/health")).headers.get("x-probe-wall-ms"));
    const pid = userWorkerd();
    const cold = new Map<Route, number>();
    for (const route of Object.values(ROUTES)) cold.set(route, await perRequest(pid, 0, 1, () => call(route)));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle0 = cpuMs(pid);
    const idleT0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idlePerMs = (cpuMs(pid) - idle0) / (performance.now() - idleT0);
    const figures: CpuFigures[] = [];
    for (const route of Object.values(ROUTES)) {
      for (let i = 0; i < settings.warmup; i++) await call(route);
      const processMs = await perRequest(pid, idlePerMs, settings.n, () => call(route));
      // Below the idle rate's noise a replay may come out under 0; it is a deduction and never adds to the isolate's.
      const d1Ms = Math.max(0, await perRequest(pid, idlePerMs, settings.n, () => call("/__probe/replay")));
      // The replay's own request costs the plumbing once more: it is subtracted with it, as in the route's figure.
      figures.push({ route: route.name, processMs, d1Ms, isolateMs: Math.max(0, processMs - d1Ms), coldMs: cold.get(route)! });
    }
    return { figures, coldStartMs: start };
  } finally {
    await worker.stop();
  }
}
