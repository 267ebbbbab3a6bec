/**
 * Cloudflare Workers entry: the same app, on D1. The app is built once per isolate; each request gets its
 * dependencies from its bindings.
 */
import type { D1Database, D1DatabaseSession, ExecutionContext, Fetcher, R2Bucket, ScheduledController } from "@cloudflare/workers-types";
import { PrismaD1 } from "@prisma/adapter-d1";
import { createApp, type App } from "../app";
import type { AppDeps } from "../deps";
import { toConstraintError, type Database, type PrismaClient, type SqlValue } from "../db/database";
import { ConfigError, ZSharedEnv, parseEnv } from "../env";
import { Problem } from "../errors";
import { problemResponse } from "../http/problem";
import { ANONYMOUS } from "../auth/principal";
import { createServiceContext } from "../services/context";
import { DEFAULT_OPARL_LICENSE } from "../services/oparl/oparl-objects";
import { oparlBackgroundWork } from "../services/oparl/oparl-sync";
import { parseMailFrom } from "../mail/message";
import { sendDueMails } from "../services/mail/sending";
import { workerMailTransport } from "./worker-mail";
import { sessionFor, withBookmark } from "./worker-d1-session";
import type { Context } from "hono";
import { PrismaClient as WorkerPrismaClient } from "../generated/prisma-worker/client";
import packageJson from "../../package.json";
import type { AttachmentStore } from "../storage";
import type { Templates } from "../documents/templates";
import type { FontSet } from "../documents/pdf/render-pdf";
// Templates are bundled into the Worker (wrangler.toml rules: *.md as Text); fonts are static assets.
import invitation from "../../templates/invitation.md";
import minutes from "../../templates/minutes.md";
import resolutionExtract from "../../templates/resolution-extract.md";
import progressReport from "../../templates/progress-report.md";
import paper from "../../templates/paper.md";
import mailInvitation from "../../templates/mail-invitation.md";
import mailAmendment from "../../templates/mail-amendment.md";
import mailCancellation from "../../templates/mail-cancellation.md";
import mailMinutesCirculated from "../../templates/mail-minutes-circulated.md";
import mailSignatureRequest from "../../templates/mail-signature-request.md";
import mailSetPassword from "../../templates/mail-set-password.md";
import mailResetPassword from "../../templates/mail-reset-password.md";
import mailWrittenProcedure from "../../templates/mail-written-procedure.md";

const templates = {
  invitation,
  minutes,
  "resolution-extract": resolutionExtract,
  "progress-report": progressReport,
  paper,
  "mail-invitation": mailInvitation,
  "mail-amendment": mailAmendment,
  "mail-cancellation": mailCancellation,
  "mail-minutes-circulated": mailMinutesCirculated,
  "mail-signature-request": mailSignatureRequest,
  "mail-set-password": mailSetPassword,
  "mail-reset-password": mailResetPassword,
  "mail-written-procedure": mailWrittenProcedure,
} satisfies Templates;

/**
 * The PDF fonts, from the static assets (wrangler.toml [assets]: src/generated/assets/fonts), fetched when the
 * first document is rendered and kept for the life of the isolate. They are served as assets rather
 * than bundled, which keeps about 200 KiB (gzip) out of the Worker script. Only fonts already loaded are
 * shared: a request never waits on a fetch another request started (workerd would cancel it). A failed
 * fetch is tried again by the next document.
 */
let fonts: FontSet | undefined;
function fontsFrom(assets: Fetcher): () => Promise<FontSet> {
  const face = async (name: string) => {
    const response = await assets.fetch(`https://assets.invalid/fonts/${name}`);
    if (!response.ok) throw new Error(`font ${name}: the assets answered ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  return async () => {
    if (!fonts) {
      const [regular, bold] = await Promise.all([face("DejaVuSans.ttf"), face("DejaVuSans-Bold.ttf")]);
      fonts = { regular, bold };
    }
    return fonts;
  };
}

export interface Env {
  DB: D1Database;
  /** The request's D1 session (worker-d1-session.ts), set by `fetch` on a per-request view of the bindings. */
  DB_SESSION?: D1DatabaseSession | null;
  ATTACHMENTS: R2Bucket;
  ASSETS: Fetcher;
  ADMIN_TOKEN?: string;
  OPARL_LICENSE?: string;
  PUBLIC_BASE_URL?: string;
  SESSION_IDLE_MINUTES?: string;
  SESSION_MAX_DAYS?: string;
  REQUIRE_ADMIN_2FA?: string;
  SMTP_URL?: string;
  MAIL_FROM?: string;
}

/** D1 has no interactive transactions; `batch()` runs the statements atomically. */
function createD1Database(d1: D1Database | D1DatabaseSession): Database {
  // Both generated clients have the same API; the app is typed against the Node one. A session has what Prisma's
  // D1 adapter uses (prepare; exec only for migrations, which wrangler applies).
  const prisma = new WorkerPrismaClient({ adapter: new PrismaD1(d1 as D1Database) }) as unknown as PrismaClient;
  return {
    prisma,
    async batch(statements) {
      try {
        const results = await d1.batch(statements.map((s) => d1.prepare(s.sql).bind(...s.params)));
        return results.map((result) => result.meta.changes ?? 0);
      } catch (error) {
        throw toConstraintError(error) ?? error;
      }
    },
    async query<Row>(sql: string, params: SqlValue[]) {
      return (
        await d1
          .prepare(sql)
          .bind(...params)
          .all<Row>()
      ).results;
    },
    async queryAll(statements) {
      if (statements.length === 0) return [];
      const results = await d1.batch<Record<string, unknown>>(statements.map((s) => d1.prepare(s.sql).bind(...s.params)));
      return results.map((result) => result.results);
    },
  };
}

/** Attachments in the R2 bucket bound as ATTACHMENTS. */
function createR2AttachmentStore(bucket: R2Bucket): AttachmentStore {
  return {
    async put(key, bytes, contentType) {
      await bucket.put(key, bytes, { httpMetadata: { contentType } });
    },
    async get(key) {
      const object = await bucket.get(key);
      return object ? new Uint8Array(await object.arrayBuffer()) : null;
    },
  };
}

const configs = new WeakMap<Env, ReturnType<typeof parseEnv<typeof ZSharedEnv>>>();

/** The configuration from the bindings, validated once per bindings object; throws a ConfigError when invalid. */
function configOf(env: Env) {
  let config = configs.get(env);
  if (!config)
    configs.set(
      env,
      (config = parseEnv(ZSharedEnv, {
        ADMIN_TOKEN: env.ADMIN_TOKEN,
        PUBLIC_BASE_URL: env.PUBLIC_BASE_URL,
        SESSION_IDLE_MINUTES: env.SESSION_IDLE_MINUTES,
        SESSION_MAX_DAYS: env.SESSION_MAX_DAYS,
        REQUIRE_ADMIN_2FA: env.REQUIRE_ADMIN_2FA,
        OPARL_LICENSE: env.OPARL_LICENSE,
        SMTP_URL: env.SMTP_URL,
        MAIL_FROM: env.MAIL_FROM,
      })),
    );
  return config;
}

/**
 * The dependencies of one request, from its bindings. The database port (and its Prisma client) is made per
 * request: workerd cancels a request that waits on I/O another request started, so a client shared across
 * concurrent requests hangs them.
 */
function depsFromEnv(env: Env): AppDeps {
  const config = configOf(env);
  return {
    db: createD1Database(env.DB_SESSION ?? env.DB),
    attachments: createR2AttachmentStore(env.ATTACHMENTS),
    documents: { fonts: fontsFrom(env.ASSETS), templates },
    adminToken: config.ADMIN_TOKEN,
    // Without PUBLIC_BASE_URL, links take the request's origin: Cloudflare routes to the Worker only the hosts of
    // its own routes, so that Host is not the client's to choose.
    publicBaseUrl: config.PUBLIC_BASE_URL,
    // Set by Cloudflare's edge for every request; a client's own value is overwritten.
    clientAddress: (c) => c.req.header("cf-connecting-ip"),
    oparlLicense: config.OPARL_LICENSE,
    sessionTimes: { idleMinutes: config.SESSION_IDLE_MINUTES, maxDays: config.SESSION_MAX_DAYS },
    requireAdmin2fa: config.REQUIRE_ADMIN_2FA,
    staticFile: async (relative) => {
      const response = await env.ASSETS.fetch(`https://assets.invalid/static/${relative}`);
      return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
    },
    version: packageJson.version,
    // A Worker's response is compressed by the runtime per its Content-Encoding and the client's Accept-Encoding.
    runtimeCompresses: true,
    mail: { from: parseMailFrom(config.MAIL_FROM), transport: config.SMTP_URL ? workerMailTransport(config.SMTP_URL) : null },
    // Mail a write queued goes out right after the response, on the request's own time (the Cron Trigger retries).
    ...(config.SMTP_URL
      ? {
          wakeSender: (c: Context) =>
            c.executionCtx.waitUntil(
              sendDueMails({ ...depsFromEnv(env), baseUrl: config.PUBLIC_BASE_URL ?? new URL(c.req.url).origin }).catch((error) =>
                console.error("Mail sender:", error),
              ),
            ),
        }
      : {}),
    // The OParl view follows writes, and builds, after the response, within a budget per invocation; the Cron
    // Trigger takes up what is left.
    wakeOparl: (c: Context) => c.executionCtx.waitUntil(oparlWork(env, new URL(c.req.url).origin, OPARL_BUDGET_MS.request)),
  };
}

/** Milliseconds of OParl work per invocation: after a request, and in a Cron Trigger's. */
const OPARL_BUDGET_MS = { request: 200, scheduled: 10_000 };

/**
 * When this isolate's OParl work began, if it runs: a burst of writes starts one run, not one per write. A run that
 * the runtime cancelled (waitUntil ends 30 s after the response) never clears it: after a minute it counts as gone.
 */
let oparlSince = 0;

/** The OParl view's background work within a budget, on its own database port; none while this isolate runs some. */
async function oparlWork(env: Env, origin: string, budgetMs: number) {
  if (Date.now() - oparlSince < 60_000) return;
  oparlSince = Date.now();
  try {
    const deps = depsFromEnv(env);
    const oparl = { ...deps, baseUrl: deps.publicBaseUrl ?? origin, license: deps.oparlLicense ?? DEFAULT_OPARL_LICENSE };
    await oparlBackgroundWork(() => createServiceContext(deps.db, ANONYMOUS, new Date()), oparl, budgetMs);
  } catch (error) {
    console.error("OParl view:", error);
  } finally {
    oparlSince = 0;
  }
}

let app: App | undefined;

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    try {
      configOf(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      console.error(error.message); // visible in `wrangler tail`; the response reveals nothing
      return problemResponse(new Problem("unavailable", "The service is not configured correctly."));
    }
    app ??= createApp((bindings) => depsFromEnv(bindings as Env));
    // The request's bindings with its D1 session; the configuration parsed for the bindings stays valid.
    const session = sessionFor(env.DB, request);
    const bindings: Env = Object.assign(Object.create(env), { DB_SESSION: session });
    configs.set(bindings, configOf(env));
    return withBookmark(request, await app.fetch(request, bindings, ctx), session);
  },

  /** The Cron Trigger (wrangler.toml): sends the mails that are due, retries among them; takes the OParl view on. */
  async scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    const deps = depsFromEnv(env);
    const baseUrl = configOf(env).PUBLIC_BASE_URL;
    if (!baseUrl) console.warn("Mail sender: PUBLIC_BASE_URL is not set; documents link to http://localhost.");
    ctx.waitUntil(sendDueMails({ ...deps, baseUrl: baseUrl ?? "http://localhost" }));
    // The documents' links, and so their digests, carry the public address: without it, requests do this work.
    if (baseUrl) ctx.waitUntil(oparlWork(env, baseUrl, OPARL_BUDGET_MS.scheduled));
  },
};
