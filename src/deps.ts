import type { Context } from "hono";
import type { MailAddress, MailTransport } from "./mail/message";
import type { Database } from "./db/database";
import type { FontSet } from "./documents/pdf/render-pdf";
import type { Templates } from "./documents/templates";
import type { AttachmentStore } from "./storage";

/** Everything the app needs from its runtime, injected by an entry file. */
export interface AppDeps {
  db: Database;
  attachments: AttachmentStore;
  /**
   * Fonts and templates for PDF documents. Templates are read at start on Node and bundled into the
   * Worker; fonts are read at start on Node and fetched from the Worker's static assets when first needed.
   */
  documents: { fonts: () => Promise<FontSet>; templates: Templates };
  /** Accepted as an admin bearer token, for bootstrap and automation. */
  adminToken?: string;
  /** The public address of the service, used in links and the OpenAPI document. */
  publicBaseUrl?: string;
  /** The licence of the data published through OParl (a URL); by default the Datenlizenz Deutschland 2.0. */
  oparlLicense?: string;
  /** The service version reported by /health. */
  version: string;
  /**
   * A static file of the portal (a path below static/, such as "kern/kern.min.css"), or null when there is none.
   * From disk on Node, from the static assets on Workers.
   */
  staticFile?: (path: string) => Promise<Uint8Array<ArrayBuffer> | null>;
  /** How long a sign-in session lasts: idle (sliding) and at most. Default 8 hours and 30 days. */
  sessionTimes?: { idleMinutes: number; maxDays: number };
  /** Admin accounts act as admins on the pages only with two-factor sign-in switched on. */
  requireAdmin2fa?: boolean;
  /**
   * The address of the client that sent a request, as the runtime knows it: on Node the socket's, or the hop a
   * trusted proxy added to X-Forwarded-For; on Workers CF-Connecting-IP, which the platform sets.
   */
  clientAddress?: (c: Context) => string | undefined;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Whether the platform compresses responses itself (Workers: Cloudflare's edge), so that the app must not. */
  runtimeCompresses?: boolean;
  /**
   * Sending mail: the sender's address, and the transport (null without SMTP_URL: the mails wait in the outbox and
   * the secretariat sees them as not sent).
   */
  mail?: { from: MailAddress; transport: MailTransport | null };
  /** Called after a request whose write queued mail, to send it now rather than at the sender's next round. */
  wakeSender?: (c: Context) => void;
  /**
   * Called after a request that wrote, and after every OParl request (`read`): the OParl view's background work runs
   * soon. Node's loop takes writes and runs on its timer anyway, so a read need not wake it; a Worker has no loop and
   * runs the work with `waitUntil` on both. With it, OParl requests never build the view; without it (tests), an
   * OParl request brings the view up to date first.
   */
  wakeOparl?: (c: Context, after: "write" | "read") => void;
}
