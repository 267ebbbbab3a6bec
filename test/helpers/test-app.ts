import { createServiceContext } from "../../src/services/context";
import SQLite from "better-sqlite3";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sendDueMails } from "../../src/services/mail/sending";
import { createApp } from "../../src/app";
import type { Role } from "../../src/auth/principal";
import type { Database } from "../../src/db/database";
import type { AppDeps } from "../../src/deps";
import { createNodeDatabase } from "../../src/entry/node-database";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { readStaticFile } from "../../src/entry/node-static";
import { createFileAttachmentStore } from "../../src/entry/node-storage";

const documentAssets = loadDocumentAssets();
import { createToken } from "../../src/services/accounts/tokens";
import { assertDeclaredResponse } from "./response-schemas";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";
const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** A new SQLite file with every migration applied, as `prisma migrate deploy` would. */
export function migratedDatabaseFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-test-")), "test.db");
  const sqlite = new SQLite(file);
  for (const name of readdirSync(migrationsDir)
    .filter((n) => !n.endsWith(".toml"))
    .sort()) {
    sqlite.exec(readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  return file;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export type TestFetch = (method: string, path: string, options?: RequestOptions) => Promise<Response>;

/** Wraps a fetch function with JSON and bearer-token handling. */
export function jsonClient(doFetch: (path: string, init: RequestInit) => Promise<Response>): TestFetch {
  return (method, urlPath, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: BodyInit | undefined;
    if (options.body instanceof Uint8Array) {
      body = options.body as Uint8Array<ArrayBuffer>;
    } else if (options.body !== undefined) {
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    return doFetch(urlPath, { method, headers, body, redirect: "manual" });
  };
}

/** A fresh app on its own database; every test builds its own. */
export function createTestApp(
  options: {
    now?: () => Date;
    wrapDatabase?: (db: Database) => Database;
    requireAdmin2fa?: boolean;
    hashingConcurrency?: number;
    /** Another app's database file, to read the same data through another app. */
    file?: string;
    /** Reader threads for the slow reads, as the Node entry starts them. */
    readThreads?: number;
  } & Pick<AppDeps, "clientAddress" | "publicBaseUrl" | "mail"> = {},
) {
  const file = options.file ?? migratedDatabaseFile();
  const real = createNodeDatabase(`file:${file}`, { readThreads: options.readThreads });
  const db = options.wrapDatabase?.(real) ?? real;
  const attachments = createFileAttachmentStore(mkdtempSync(path.join(tmpdir(), "gremium-files-")));
  const app = createApp(
    {
      db,
      attachments,
      documents: documentAssets,
      adminToken: ADMIN_TOKEN,
      staticFile: readStaticFile,
      version: "test",
      now: options.now,
      requireAdmin2fa: options.requireAdmin2fa ?? false,
      ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
      ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
      ...(options.mail ? { mail: options.mail } : {}),
    },
    { hashingConcurrency: options.hashingConcurrency },
  );
  const request = jsonClient(async (urlPath, init) => {
    const response = await app.request(urlPath, init);
    await assertDeclaredResponse(app, init.method ?? "GET", urlPath, response);
    return response;
  });

  /** Mints a token directly through the service, as the CLI does. */
  async function tokenFor(role: Role, scope: { bodyId?: string; personId?: string } = {}) {
    const { secret } = await createToken(
      createServiceContext(db, { kind: "admin", tokenId: null, name: "test" }, options.now?.() ?? new Date()),
      { name: `${role} test token`, role, expiresInDays: 730, ...scope },
    );
    return secret;
  }

  /** One run of the mail sender, as the Node loop or the Worker's Cron Trigger runs it. */
  const sendMail = () =>
    sendDueMails({
      db,
      attachments,
      documents: documentAssets,
      version: "test",
      ...(options.now ? { now: options.now } : {}),
      ...(options.mail ? { mail: options.mail } : {}),
      baseUrl: options.publicBaseUrl ?? "http://localhost",
    });

  return { app, db, file, attachments, request, tokenFor, sendMail, close: () => real.close() };
}

export type TestApp = ReturnType<typeof createTestApp>;

/** Reads a JSON body, failing the test with the body text if it is not JSON. */
export async function json<T = any>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Expected JSON, got ${response.status}: ${text}`);
  }
}
