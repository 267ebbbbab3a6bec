// Prisma CLI configuration. The WebAssembly engines keep every Prisma command offline (see README).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { DEFAULT_DATABASE_URL } from "./src/env";

// The schema reads DATABASE_URL too, so give it the same default the service uses.
process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;
const url = process.env.DATABASE_URL;

/**
 * The schema engine sends a whole multi-statement migration script through `executeRaw` without
 * arguments; better-sqlite3 prepares one statement at a time, so route such calls to `executeScript`.
 */
function scriptAware(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const wrap = async (connect: () => Promise<any>) => {
    const adapter = await connect();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query: { sql: string; args: unknown[] }) => {
      if (query.args.length === 0 && /;\s*\S/.test(query.sql)) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  };
  const wrapped = Object.create(factory) as SqlMigrationAwareDriverAdapterFactory;
  wrapped.connect = () => wrap(() => factory.connect());
  wrapped.connectToShadowDb = () => wrap(() => factory.connectToShadowDb());
  return wrapped;
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => scriptAware(new PrismaBetterSQLite3({ url })),
});
