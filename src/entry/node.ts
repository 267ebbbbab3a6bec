/**
 * Node entry: validates the environment, applies pending migrations to the embedded SQLite database,
 * optionally loads the demo municipality, and serves the app.
 *   tsx src/entry/node.ts [--demo]
 */
import { serve } from "@hono/node-server";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createApp } from "../app";
import { loadDemoData } from "../demo/load-demo-data";
import { ConfigError, ZNodeEnv, parseEnv } from "../env";
import { createNodeDatabase } from "./node-database";

const root = path.resolve(import.meta.dirname, "../..");

function readEnv() {
  try {
    return parseEnv(ZNodeEnv, process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Creates the database folder and applies pending migrations with `prisma migrate deploy`. */
function migrate(databaseUrl: string) {
  mkdirSync(path.dirname(databaseUrl.replace(/^file:/, "")), { recursive: true });
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  execFileSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

const env = readEnv();
// Relative paths are relative to the working directory; both Prisma CLI and the app get the absolute one.
const databaseUrl = `file:${path.resolve(env.DATABASE_URL.replace(/^file:/, ""))}`;
migrate(databaseUrl);
const db = createNodeDatabase(databaseUrl);
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };

if (process.argv.includes("--demo")) {
  const loaded = await loadDemoData(db, new Date());
  console.log(loaded ? `Demo data loaded: ${loaded.committees} committees, ${loaded.people} people.` : "Demo data: the database has data already; nothing loaded.");
}

const app = createApp({ db, adminToken: env.ADMIN_TOKEN, publicBaseUrl: env.PUBLIC_BASE_URL, version });
const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
  console.log(`Gremium ${version} listens on http://localhost:${info.port} (API reference: /docs)`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void db.prisma.$disconnect().finally(() => process.exit(0));
  });
}
