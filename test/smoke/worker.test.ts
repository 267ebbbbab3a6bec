import { afterAll, beforeAll } from "vitest";
import type { Unstable_DevWorker } from "wrangler";
import { prepareLocalD1, startLocalWorker } from "../../scripts/local-worker";
import { ADMIN_TOKEN, jsonClient } from "../helpers/test-app";
import { meetingsSmokeSuite, outcomesSmokeSuite, planSmokeSuite, smokeSuite } from "./smoke-suite";

let worker: Unstable_DevWorker;

beforeAll(async () => {
  // The same path a developer takes: derive D1 migrations from Prisma's, apply them to a local D1, serve on workerd.
  worker = await startLocalWorker(prepareLocalD1("gremium-d1-"), { ADMIN_TOKEN });
});

afterAll(async () => {
  await worker?.stop();
});

const request = jsonClient((urlPath, init) => worker.fetch(urlPath, init as never) as unknown as Promise<Response>);
const target = () => ({ request, adminToken: ADMIN_TOKEN });
smokeSuite("Worker on workerd with local D1 and R2", target);
meetingsSmokeSuite("Worker on workerd with local D1 and R2", target);
outcomesSmokeSuite("Worker on workerd with local D1 and R2", target);
planSmokeSuite("Worker on workerd with local D1 and R2", target);
