/**
 * Slow reads off the request thread on Node: a few worker threads, each with its own read-only better-sqlite3
 * connection to the same file (WAL mode lets them read while the main connection writes). better-sqlite3 is
 * synchronous: a 20 ms search on the request thread would hold every other request for 20 ms, a meeting read
 * included. The services mark such reads (`{ slow: true }`); the pool runs them, one statement list per message,
 * in one read transaction, so that the list sees one snapshot as it does on D1.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { SqlValue, Statement } from "../db/database";

// The worker is plain CommonJS evaluated from this string, so that it needs no TypeScript loader under tsx or vitest.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Sqlite = require(workerData.driver);
const db = new Sqlite(workerData.file, { readonly: true, fileMustExist: true });
for (const pragma of workerData.pragmas) db.pragma(pragma);
const prepared = new Map();
const statement = (sql) => {
  let s = prepared.get(sql);
  if (!s) prepared.set(sql, (s = db.prepare(sql)));
  return s;
};
const readAll = db.transaction((list) => list.map(({ sql, params }) => statement(sql).all(...params)));
parentPort.on("message", ({ id, list }) => {
  try {
    parentPort.postMessage({ id, rows: list.length === 1 ? [statement(list[0].sql).all(...list[0].params)] : readAll(list) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

/**
 * Reader connections keep more of the file at hand than SQLite's default 2 MB cache: a search touches index pages
 * all over a large file, and re-reading them through the OS costs more the larger the archive. Memory-mapped reads
 * spare the copy. Both only read; the main connection's writes are unaffected.
 */
export const READER_PRAGMAS = ["cache_size = -32768", "mmap_size = 268435456"];

export interface ReadPool {
  /** Runs read-only statements in one snapshot on a worker thread and answers the rows of each. */
  read(list: Statement[]): Promise<Record<string, unknown>[][]>;
  close(): Promise<void>;
}

/** An error of SQLite in a pool thread, with the message and code it had there. */
export class PoolReadError extends Error {
  override name = "SqliteError";
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface Pending {
  resolve(rows: Record<string, unknown>[][]): void;
  reject(error: Error): void;
}

/** A pool of `size` threads reading `file`; each read goes to the thread with the fewest reads in flight. */
export function createReadPool(file: string, size: number): ReadPool {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const start = (thread: { worker?: Worker; inFlight: Set<number> }) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, pragmas: READER_PRAGMAS } });
    worker.on(
      "message",
      ({ id, rows, error }: { id: number; rows?: Record<string, unknown>[][]; error?: { message: string; code?: string } }) => {
        const waiting = pending.get(id);
        pending.delete(id);
        thread.inFlight.delete(id);
        if (error) waiting?.reject(new PoolReadError(error.message, error.code));
        else waiting?.resolve(rows!);
      },
    );
    // A thread that dies fails the reads it held and is replaced, a second later; the others go on.
    worker.once("exit", (code) => {
      for (const id of thread.inFlight) {
        pending.get(id)?.reject(new Error(`a read thread stopped (exit code ${code})`));
        pending.delete(id);
      }
      thread.inFlight.clear();
      if (!closing) setTimeout(() => start(thread), 1000).unref();
    });
    worker.on("error", (error) => console.error("Read thread:", error));
    worker.unref();
    thread.worker = worker;
    return thread as { worker: Worker; inFlight: Set<number> };
  };
  let closing = false;
  const threads = Array.from({ length: size }, () => start({ inFlight: new Set<number>() }));
  return {
    read(list) {
      const id = nextId++;
      const thread = threads.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
      thread.inFlight.add(id);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          thread.worker.postMessage({ id, list: list.map((s) => ({ sql: s.sql, params: s.params as SqlValue[] })) });
        } catch (error) {
          pending.delete(id);
          thread.inFlight.delete(id);
          reject(error);
        }
      });
    },
    async close() {
      closing = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
