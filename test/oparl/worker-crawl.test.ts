import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unstable_DevWorker } from "wrangler";
import { prepareLocalD1, startLocalWorker } from "../../scripts/local-worker";
import { crawlOparl, oparlViewReady } from "../helpers/oparl";
import { demoPortal, demoSecrets } from "../helpers/portal";
import { ADMIN_TOKEN } from "../helpers/test-app";

let worker: Unstable_DevWorker;

beforeAll(async () => {
  // A D1 of its own: the demo data loads only into an empty database.
  worker = await startLocalWorker(prepareLocalD1("gremium-oparl-d1-"), { ADMIN_TOKEN });
});

afterAll(async () => {
  await worker?.stop();
});

describe("OParl 1.1 on the Worker (workerd, D1, R2)", () => {
  it("passes the same crawl of the demo data as on Node", { timeout: 240_000 }, async () => {
    const loaded = await worker.fetch("/api/v1/demo-data", { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(loaded.status, await loaded.clone().text()).toBe(201);
    // The demo's texts are the same in every load; its non-public ones come from a Node copy of it.
    const { secretItems, secretPapers, secretResolutions } = await demoSecrets((await demoPortal()).db);
    const secrets = [
      ...secretItems.map((i) => i.title),
      ...secretPapers.map((p) => p.title),
      ...secretResolutions.flatMap((r) => [r.number, r.text]),
    ];
    const fetch = (path: string, headers?: Record<string, string>) =>
      worker.fetch(path, headers ? { headers } : {}) as unknown as Promise<Response>;
    // The view is built after the demo's write, in the background: as a client does, ask again until it is there.
    const first = await fetch("/oparl/v1.1/system");
    expect([200, 503]).toContain(first.status);
    if (first.status === 503) expect(Number(first.headers.get("retry-after"))).toBeGreaterThan(0);
    await oparlViewReady(fetch);
    const report = await crawlOparl(fetch, { secrets, pageSize: 5 });
    console.log(`OParl crawl on the Worker: ${JSON.stringify(report.objects)}, ${report.pages} list pages, ${report.files} file downloads`);
    expect(report.errors).toEqual([]);
    expect(report.objects.Meeting).toBeGreaterThan(10);
    expect(report.objects.File).toBeGreaterThan(10);
  });
});
