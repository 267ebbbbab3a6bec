import type { Database } from "./db/database";
import type { FontSet } from "./documents/pdf/render-pdf";
import type { Templates } from "./documents/templates";
import type { AttachmentStore } from "./storage";

/** Everything the app needs from its runtime, injected by an entry file. */
export interface AppDeps {
  db: Database;
  attachments: AttachmentStore;
  /** Fonts and templates for PDF documents: read from disk on Node, bundled into the Worker. */
  documents: { fonts: FontSet; templates: Templates };
  /** Accepted as an admin bearer token, for bootstrap and automation. */
  adminToken?: string;
  /** The public address of the service, used in links and the OpenAPI document. */
  publicBaseUrl?: string;
  /** The service version reported by /health. */
  version: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}
