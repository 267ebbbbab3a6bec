/**
 * Writes under contention as a benchmark row: the test suite's three scenarios (test/helpers/contention.ts, with
 * their checks of the final state) against Gremium's Node server over HTTP and against the Worker on workerd with a
 * local D1, each on a new database.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { contention, type Load } from "../../test/helpers/contention";
import { ADMIN_TOKEN, jsonClient, type TestFetch } from "../../test/helpers/test-app";
import { freePort, startGremium } from "./servers";

export interface ContentionFigures {
  writes: number;
  perSecond: number;
  p99Ms: number;
  byStatus: Record<number, number>;
}

async function scenarios(request: TestFetch, load: Load): Promise<Record<string, ContentionFigures>> {
  const run = contention(request, ADMIN_TOKEN, load);
  const figures = (r: { outcomes: unknown[]; perSecond: number; p99: number; byStatus: Record<number, number> }) => ({
    writes: r.outcomes.length,
    perSecond: r.perSecond,
    p99Ms: r.p99,
    byStatus: r.byStatus,
  });
  return {
    "attendance and votes": figures(await run.attendanceAndVotes()),
    "agenda edits with If-Match": figures(await run.agendaEdits()),
    "catalogue imports": figures(await run.catalogueImports()),
  };
}

/** The scenarios on Gremium's Node server, on a new database file. */
export async function nodeContention(load: Load) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-bench-contention-")), "contention.db");
  const server = await startGremium(file, await freePort(), { ADMIN_TOKEN });
  try {
    return await scenarios(
      jsonClient((urlPath, init) => fetch(server.url + urlPath, init)),
      load,
    );
  } finally {
    await server.stop();
  }
}

/** The scenarios on a running Worker (each creates the body it writes to, beside whatever the D1 holds). */
export function workerContention(url: string, load: Load) {
  return scenarios(
    jsonClient((urlPath, init) => fetch(url + urlPath, init)),
    load,
  );
}
