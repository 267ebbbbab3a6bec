/**
 * Finding 4 of the security test, under load: a flood of sign-ins (50 a second for 20 seconds, each from another
 * forwarded address behind a trusted proxy, so that the per-client limit does not stop it and every one wants a
 * password hashed) must leave the pages answering. Bounded in count and time, on loopback only.
 */
import { describe, expect, it } from "vitest";
import { nodeClientAddress } from "../../src/entry/node-client-address";
import { nodeHashingConcurrency } from "../../src/entry/node-hashing";
import { onLoopback, postForm } from "../helpers/portal";
import { ONE_MEMBER, scenario } from "../helpers/scenario";

const FLOOD = { perSecond: 50, seconds: 20 };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

describe("a sign-in flood", () => {
  it(`of ${FLOOD.perSecond} requests a second for ${FLOOD.seconds} s leaves a meeting page's p99 under 1 s`, async () => {
    const t = await scenario({
      seats: ONE_MEMBER,
      clientAddress: nodeClientAddress(["127.0.0.1"]),
      hashingConcurrency: nodeHashingConcurrency(),
    });
    const meeting = await t.createMeeting();
    const { origin, close } = await onLoopback(t.app);
    try {
      const statuses = new Map<number, number>();
      const signIns: Promise<void>[] = [];
      const end = performance.now() + FLOOD.seconds * 1000;
      let sent = 0;
      // At the flood's rate by the clock: a tick that comes late sends what is due, as an attacker's would.
      const flood = (async () => {
        const start = performance.now();
        while (performance.now() < end) {
          const due = Math.floor(((performance.now() - start) * FLOOD.perSecond) / 1000);
          while (sent < due) {
            const i = sent++;
            signIns.push(
              postForm(
                origin,
                "/anmelden",
                { email: `angreifer${i}@example.org`, password: "Passwort raten 123" },
                { "x-forwarded-for": `198.51.${(i >> 8) & 255}.${i & 255}` },
              ).then(async (response) => {
                await response.arrayBuffer();
                statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
              }),
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 1000 / FLOOD.perSecond));
        }
      })();
      const latencies: number[] = [];
      const reads = (async () => {
        while (performance.now() < end) {
          const started = performance.now();
          for (const address of [`/sitzungen/${meeting.id}`, "/static/kern/kern.min.css"]) {
            const response = await fetch(`${origin}${address}`);
            await response.arrayBuffer();
            expect(response.status).toBe(200);
          }
          latencies.push(performance.now() - started);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      await Promise.all([flood, reads]);
      await Promise.all(signIns);
      latencies.sort((a, b) => a - b);
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      console.log(
        `Sign-in flood: ${sent} sign-ins in ${FLOOD.seconds} s (${[...statuses].map(([s, n]) => `${n}×${s}`).join(", ")}); ` +
          `meeting page with its stylesheet, ${latencies.length} reads: p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
      );
      expect(sent).toBeGreaterThanOrEqual(FLOOD.perSecond * FLOOD.seconds * 0.95);
      expect(statuses.get(503) ?? 0).toBeGreaterThan(0); // the hashing bound refused some
      expect(p99).toBeLessThan(1000);
    } finally {
      await close();
    }
  }, 60_000);
});
