/** Child servers of the benchmark: started one after the other from this process, and stopped again. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export interface Server {
  url: string;
  /** Milliseconds from spawning the process to the first answered request. */
  firstResponseMs: number;
  stop(): Promise<void>;
}

/** A port nothing listens on, so that the benchmark runs beside anything else on the machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it answers 200; fails loudly if the process exits or 60 s pass. */
export async function waitForFirstResponse(probe: string, started: number, child?: ChildProcess): Promise<number> {
  let exited: number | null = null;
  child?.once("exit", (code) => (exited = code ?? -1));
  while (performance.now() - started < 60_000) {
    if (exited !== null) throw new Error(`the server exited with ${exited} before answering ${probe}`);
    try {
      if ((await fetch(probe)).ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no answer from ${probe} within 60 s`);
}

function spawnServer(script: string, env: Record<string, string>, port: number, probePath: string): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  return waitForFirstResponse(url + probePath, started, child).then((firstResponseMs) => ({
    url,
    firstResponseMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  }));
}

/** Gremium's Node entry (`npm run serve`) on a database file. */
export const startGremium = (databaseFile: string, port: number, env: Record<string, string> = {}) =>
  spawnServer(
    "src/entry/node.ts",
    {
      DATABASE_URL: `file:${databaseFile}`,
      ATTACHMENTS_DIR: path.join(root, "bench/.data/attachments"),
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      // The benchmark measures reading the view; the background filling of file digests would compete with it.
      OPARL_DIGEST_SECONDS: "0",
      ...env,
    },
    port,
    "/health",
  );

/** The bare-Hono baseline on the same database file. */
export const startBaseline = (databaseFile: string, port: number, probePath: string) =>
  spawnServer("bench/baseline-server.ts", { DATABASE_FILE: databaseFile }, port, probePath);
