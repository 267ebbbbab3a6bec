import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { unstable_dev, type Unstable_DevWorker } from "wrangler";
import { deriveD1Migrations } from "../../scripts/d1-migrations";
import { ADMIN_TOKEN, jsonClient } from "../helpers/test-app";
import { meetingsSmokeSuite, outcomesSmokeSuite, planSmokeSuite, smokeSuite } from "./smoke-suite";

const root = path.resolve(import.meta.dirname, "../..");
let worker: Unstable_DevWorker;

beforeAll(async () => {
  // The same path a developer takes: derive D1 migrations from Prisma's, apply them to a local D1, serve on workerd.
  deriveD1Migrations();
  const persistTo = mkdtempSync(path.join(tmpdir(), "gremium-d1-"));
  const wrangler = createRequire(import.meta.url).resolve("wrangler/bin/wrangler.js");
  execFileSync(process.execPath, [wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], {
    cwd: root,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    stdio: "pipe",
  });
  worker = await unstable_dev(path.join(root, "src/entry/worker.ts"), {
    config: path.join(root, "wrangler.toml"),
    persistTo,
    vars: { ADMIN_TOKEN },
    ip: "127.0.0.1",
    logLevel: "warn",
    experimental: { disableExperimentalWarning: true },
  });
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
