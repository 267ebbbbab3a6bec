/**
 * The Worker entry wrapped for bench/lib/cpu-probe.ts. Passes every request to src/entry/worker.ts, and:
 * - times the request inside the isolate: handler wall time and the wall time spent awaiting D1 (local workerd's
 *   performance.now() advances during execution, unlike production), answered as `x-probe-*` headers;
 * - records the D1 calls of the last request, so that `/__probe/replay` can issue exactly those calls again on the
 *   raw binding (the D1 share of the process's CPU time: SQLite and miniflare's D1 object run in the same workerd);
 * - answers `/__probe/noop` without the app (the cost of the local plumbing: sockets, miniflare's entry worker).
 */
import type { D1Database, D1PreparedStatement, ExecutionContext } from "@cloudflare/workers-types";
import worker, { type Env } from "../../src/entry/worker";

type Call =
  | { kind: "stmt"; method: string; args: unknown[]; sql: string; params: unknown[] }
  | { kind: "batch"; stmts: { sql: string; params: unknown[] }[] };
let recorded: Call[] = [];
/** The request being timed (the probe sends one at a time). */
let current: { calls: Call[]; timed: <T>(p: Promise<T>) => Promise<T> } | null = null;
const passThrough = <T>(promise: Promise<T>) => promise;
/** One wrapped env per env, so that the worker's per-env caches (its parsed configuration) still hit. */
const wrappedEnvs = new WeakMap<Env, Env>();

function probeDb(db: D1Database): D1Database {
  const calls = { push: (call: Call) => current?.calls.push(call) };
  const timed = <T>(promise: Promise<T>) => (current?.timed ?? passThrough)(promise);
  const raw = new WeakMap<object, { stmt: D1PreparedStatement; sql: string; params: unknown[] }>();
  const wrap = (stmt: D1PreparedStatement, sql: string, params: unknown[]): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, key) {
        if (key === "bind") return (...values: unknown[]) => wrap(target.bind(...values), sql, values);
        if (key === "first" || key === "run" || key === "all" || key === "raw")
          return (...args: unknown[]) => {
            calls.push({ kind: "stmt", method: key, args, sql, params });
            return timed((target[key] as (...a: unknown[]) => Promise<unknown>).apply(target, args));
          };
        const value = Reflect.get(target, key, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    raw.set(proxy, { stmt, sql, params });
    return proxy;
  };
  return new Proxy(db, {
    get(target, key) {
      if (key === "prepare") return (sql: string) => wrap(target.prepare(sql), sql, []);
      if (key === "batch")
        return (stmts: D1PreparedStatement[]) => {
          const inner = stmts.map((s) => raw.get(s)!);
          calls.push({ kind: "batch", stmts: inner.map(({ sql, params }) => ({ sql, params })) });
          return timed(target.batch(inner.map((i) => i.stmt)));
        };
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function replay(db: D1Database, calls: Call[]) {
  for (const call of calls) {
    try {
      if (call.kind === "batch") await db.batch(call.stmts.map((s) => db.prepare(s.sql).bind(...s.params)));
      else await (db.prepare(call.sql).bind(...call.params) as any)[call.method](...call.args);
    } catch {
      // a replayed insert may collide with the row the request wrote: the statement ran all the same
    }
  }
  return new Response(`replayed ${calls.length}`);
}

export default {
  ...worker,
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === "/__probe/noop") return new Response("ok");
    if (path === "/__probe/replay") return replay(env.DB, recorded);
    const calls: Call[] = [];
    let d1Ms = 0;
    let inFlight = 0;
    let since = 0;
    const timed = <T>(promise: Promise<T>) => {
      if (inFlight++ === 0) since = performance.now();
      return promise.finally(() => {
        if (--inFlight === 0) d1Ms += performance.now() - since;
      });
    };
    let wrapped = wrappedEnvs.get(env);
    if (!wrapped) wrappedEnvs.set(env, (wrapped = { ...env, DB: probeDb(env.DB) } as Env));
    current = { calls, timed };
    const started = performance.now();
    const answered = await worker.fetch(request, wrapped, ctx);
    // The body is read here, so that streamed work (if any) is inside the timed span.
    const body = await answered.arrayBuffer();
    const wallMs = performance.now() - started;
    current = null;
    if (request.method === "GET" || path === "/anmelden") recorded = calls;
    const response = new Response(body, answered);
    response.headers.set("x-probe-wall-ms", wallMs.toFixed(3));
    response.headers.set("x-probe-d1-ms", d1Ms.toFixed(3));
    response.headers.set("x-probe-d1-calls", String(calls.length));
    return response;
  },
};
