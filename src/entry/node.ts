/**
 * Node entry: validates the environment, applies pending migrations to the embedded SQLite database,
 * optionally loads the demo municipality, and serves the app.
 *   tsx src/entry/node.ts [--demo]
 */
import { serve } from "@hono/node-server";
import path from "node:path";
import { createApp } from "../app";
import { nodeHashingConcurrency } from "./node-hashing";
import { loadDemoData } from "../demo/load-demo-data";
import { ConfigError, ZNodeEnv, parseEnv } from "../env";
import packageJson from "../../package.json";
import { createNodeDatabase, prepareDatabase } from "./node-database";
import { nodeClientAddress } from "./node-client-address";
import { loadDocumentAssets } from "./node-documents";
import { readStaticFile } from "./node-static";
import { createFileAttachmentStore } from "./node-storage";
import { ANONYMOUS } from "../auth/principal";
import { createServiceContext } from "../services/context";
import { DEFAULT_OPARL_LICENSE } from "../services/oparl/oparl-objects";
import { oparlBackgroundWork } from "../services/oparl/oparl-sync";
import { parseMailFrom } from "../mail/message";
import { sendDueMails } from "../services/mail/sending";
import { nodeMailTransport } from "./node-mail";
import { startBackgroundLoop } from "./node-background";

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

const env = readEnv();
const demo = process.argv.includes("--demo");
// Links in mails, PDFs, feeds and OParl must not take the request's Host header, which anyone may set. The demo
// runs on this machine.
if (!env.PUBLIC_BASE_URL && !demo) {
  console.error("Invalid configuration:\n  - PUBLIC_BASE_URL: required, the public address such as https://gremium.example.de");
  process.exit(1);
}
const publicBaseUrl = env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`;

const db = createNodeDatabase(prepareDatabase(env.DATABASE_URL), { readThreads: env.READ_THREADS });
const { version } = packageJson;

const attachments = createFileAttachmentStore(path.resolve(env.ATTACHMENTS_DIR));

if (demo) {
  const loaded = await loadDemoData(db, attachments, new Date());
  console.log(
    loaded
      ? `Demo data loaded: ${loaded.committees} committees, ${loaded.people} people, ${loaded.meetings} meetings, ${loaded.papers} papers.`
      : "Demo data: the database has data already; nothing loaded.",
  );
}

// Mail: sent by a loop in this process (every 30 seconds, and at once after a write), when SMTP_URL names a server.
const mail = { from: parseMailFrom(env.MAIL_FROM), transport: env.SMTP_URL ? nodeMailTransport(env.SMTP_URL) : null };
const documents = loadDocumentAssets();
const sender = mail.transport
  ? startBackgroundLoop("Mail sender", () => sendDueMails({ db, attachments, documents, mail, version, baseUrl: publicBaseUrl }), 30)
  : undefined;
if (!sender) console.log("Mail: no SMTP_URL; mails wait in the outbox, shown as not sent.");

// The OParl view's background work: following the writes, building the view in chunks (the first time, and after
// changes that touch much), the digests of generated files. After start, a second after writes, and every few
// seconds; each round steps for at most 200 ms and yields to the requests waiting before the next.
const oparlDeps = { documents, attachments, version, baseUrl: publicBaseUrl, license: env.OPARL_LICENSE ?? DEFAULT_OPARL_LICENSE };
const oparl =
  env.OPARL_DIGEST_SECONDS > 0
    ? startBackgroundLoop(
        "OParl view",
        () => oparlBackgroundWork(() => createServiceContext(db, ANONYMOUS, new Date()), oparlDeps, 200),
        env.OPARL_DIGEST_SECONDS,
        1000,
      )
    : undefined;

const app = createApp(
  {
    db,
    attachments,
    documents,
    mail,
    ...(sender ? { wakeSender: () => sender.wake() } : {}),
    // A read wakes nothing: the loop's timer takes up the digests, and OParl traffic must not run a round a second.
    ...(oparl ? { wakeOparl: (_c: unknown, after: "write" | "read") => after === "write" && oparl.wake() } : {}),
    adminToken: env.ADMIN_TOKEN,
    publicBaseUrl,
    clientAddress: nodeClientAddress(env.TRUSTED_PROXIES),
    oparlLicense: env.OPARL_LICENSE,
    staticFile: readStaticFile,
    sessionTimes: { idleMinutes: env.SESSION_IDLE_MINUTES, maxDays: env.SESSION_MAX_DAYS },
    requireAdmin2fa: env.REQUIRE_ADMIN_2FA,
    version,
  },
  { hashingConcurrency: nodeHashingConcurrency() },
);
const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
  console.log(`Gremium ${version} listens on http://localhost:${info.port} (API reference: /docs)`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void db.prisma.$disconnect().finally(() => process.exit(0));
  });
}
