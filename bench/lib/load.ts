/** HTTP load with autocannon: a warm-up, then the measured run, each response checked against the expected body. */
import autocannon from "autocannon";

export interface LoadSettings {
  connections: number;
  /** Seconds of autocannon warm-up after the short one every load has; 0 for none. */
  warmupSeconds: number;
  /** Seconds of the measured run; autocannon ends a run on its 1-second tick, so a run takes whole seconds. */
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

/** Two requests per connection, all at once, each checked: the JIT and the caches warmed without a timed run. */
async function shortWarmUp(url: string, expectBody: string, connections: number) {
  for (let round = 0; round < 2; round++) {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const response = await fetch(url);
        const body = await response.text();
        if (response.status !== 200 || body !== expectBody) throw new Error(`${url}: the warm-up got ${response.status} or another body`);
      }),
    );
  }
}

/**
 * Loads `url` and fails loudly when any response is not 200 or differs from `expectBody` (the body
 * fetched and checked before the run), so that a fast wrong answer can never count.
 */
export async function load(url: string, expectBody: string, settings: LoadSettings): Promise<LoadResult> {
  // A request counts as failed after 30 s (autocannon: 10 s), so that a slow endpoint is measured, not aborted.
  const run = (duration: number) => autocannon({ url, connections: settings.connections, duration, expectBody, timeout: 30 });
  await shortWarmUp(url, expectBody, settings.connections);
  if (settings.warmupSeconds > 0) await run(settings.warmupSeconds);
  const result = await run(settings.seconds);
  const failures = result.non2xx + result.errors + result.timeouts + result.mismatches;
  if (failures > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.mismatches} bodies ` +
        `that differ from the checked one`,
    );
  }
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}
