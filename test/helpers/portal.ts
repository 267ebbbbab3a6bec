import { serve } from "@hono/node-server";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp } from "../../src/app";
import { loadDemoData } from "../../src/demo/load-demo-data";
import { createNodeDatabase } from "../../src/entry/node-database";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { readStaticFile } from "../../src/entry/node-static";
import { createFileAttachmentStore } from "../../src/entry/node-storage";
import type { Database } from "../../src/db/database";
import { paperNumber } from "../../src/rules/papers";
import { resolutionNumber } from "../../src/rules/resolutions";
import { migratedDatabaseFile } from "./test-app";

/** The app with the demo municipality, as `npm start` serves it, with its portal and static files. */
export async function demoPortal(now = new Date()) {
  const db = createNodeDatabase(`file:${migratedDatabaseFile()}`);
  const attachments = createFileAttachmentStore(mkdtempSync(path.join(tmpdir(), "gremium-portal-")));
  await loadDemoData(db, attachments, now);
  const app = createApp({ db, attachments, documents: loadDocumentAssets(), staticFile: readStaticFile, version: "test", now: () => now });
  return { app, db };
}

/** An app behind a real socket on a free loopback port. */
export async function onLoopback(app: { fetch: (request: Request) => Response | Promise<Response> }) {
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A form post to a served app as a browser sends it from the same site, without following the redirect. */
export const postForm = (origin: string, path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin, ...headers },
    body: new URLSearchParams(form).toString(),
  });

/** The demo portal on a local port, for a real browser. */
export async function servedDemoPortal() {
  const { app, db } = await demoPortal();
  return { ...(await onLoopback(app)), db };
}

/** The text of a PDF as pdftotext reads it: what a reader of the document sees, not its compressed bytes. */
export function pdfText(bytes: Uint8Array) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "gremium-pdf-")), "doc.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", [file, "-"]).toString();
}

/**
 * Every portal page reachable from the start page by links, as a visitor would click: each with its status and
 * its text (the HTML of a page, the extracted text of a PDF, the body of anything else).
 */
export async function crawl(fetchPage: (path: string) => Response | Promise<Response>, start = "/", limit = 400) {
  const pages = new Map<string, { status: number; html: string }>();
  const queue = [start];
  while (queue.length > 0 && pages.size < limit) {
    const next = queue.shift()!;
    if (pages.has(next)) continue;
    const response = await fetchPage(next);
    const type = response.headers.get("content-type") ?? "";
    const html = type.startsWith("application/pdf") ? pdfText(new Uint8Array(await response.arrayBuffer())) : await response.text();
    pages.set(next, { status: response.status, html });
    if (!type.startsWith("text/html")) continue;
    for (const [, href] of html.matchAll(/href="([^"#]+)"/g)) {
      const target = href!.replaceAll("&amp;", "&");
      if (target.startsWith("/") && !target.startsWith("/static/") && !target.startsWith("/favicon") && !pages.has(target))
        queue.push(target);
    }
  }
  return pages;
}

/**
 * What the demo holds that the public must not see: non-public items (but not those whose titles also stand in the
 * public part, such as "Verschiedenes", or that an announced resolution quotes, §35 (1) GemO), non-public papers and
 * unannounced non-public resolutions (their number and the first line of their wording).
 */
export async function demoSecrets(db: Database) {
  const items = await db.prisma.agendaItem.findMany({ where: { isPublic: false } });
  const papers = await db.prisma.paper.findMany({ where: { isPublic: false } });
  const committees = new Map((await db.prisma.committee.findMany()).map((c) => [c.id, c.shortName]));
  const resolutions = await db.prisma.resolution.findMany({ where: { isPublic: false, announcedAt: null } });
  const publicTitles = new Set((await db.prisma.agendaItem.findMany({ where: { isPublic: true } })).map((i) => i.title));
  const announced = (await db.prisma.resolution.findMany({ where: { isPublic: false, announcedAt: { not: null } } })).map((r) => r.text);
  const secretItems = items.filter(
    (i) =>
      !publicTitles.has(i.title) && !/^(Niederschrift|Verschiedenes)/.test(i.title) && !announced.some((text) => text.includes(i.title)),
  );
  if (!secretItems.length || papers.length + resolutions.length === 0) throw new Error("the demo data has nothing non-public to test with");
  return {
    secretItems,
    secretPapers: papers.map((p) => ({ title: p.title, number: paperNumber(p.year, p.serial) })),
    secretResolutions: resolutions.map((r) => ({
      number: resolutionNumber(committees.get(r.committeeId)!, r.year, r.serial),
      text: r.text.split("\n")[0]!.slice(0, 60),
    })),
  };
}

const ORIGIN = "http://localhost";
const PASSWORD = "Hafenkräne im Abendlicht 7";

/**
 * A browser-like visitor of an app in this process who signs in as a person through the forms (an account is
 * created for them, its password set through the link): it keeps the session cookie and posts as a same-site form.
 */
export async function signedInVisitor(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  db: Database,
  account: { email: string; role: "member" | "secretariat" | "admin"; personId?: string; bodyId?: string },
) {
  const { createAccount } = await import("../../src/services/accounts/accounts");
  const { createServiceContext } = await import("../../src/services/context");
  const admin = createServiceContext(db, { kind: "admin", tokenId: null, name: "test" }, new Date());
  const { setPasswordPath } = await createAccount(admin, account);
  let cookie = "";
  /** A GET, or a POST of a form: fields (urlencoded) or FormData (multipart, with files). */
  const request = async (
    method: "GET" | "POST",
    path: string,
    form?: Record<string, string> | FormData,
    extra: Record<string, string> = {},
  ) => {
    const multipart = form instanceof FormData;
    const response = await app.request(`${ORIGIN}${path}`, {
      method,
      redirect: "manual",
      headers: {
        ...(form ? { origin: ORIGIN } : {}),
        ...(form && !multipart ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        ...(cookie ? { cookie } : {}),
        ...extra,
      },
      ...(form ? { body: multipart ? form : new URLSearchParams(form).toString() } : {}),
    });
    const set = response.headers.get("set-cookie");
    if (set) cookie = /Max-Age=0/.test(set) ? "" : set.split(";")[0]!;
    return response;
  };
  await request("POST", setPasswordPath, { password: PASSWORD, repeat: PASSWORD });
  const signIn = (weiter?: string) =>
    request("POST", "/anmelden", { email: account.email, password: PASSWORD, ...(weiter ? { weiter } : {}) });
  return {
    request,
    signIn,
    get: (path: string) => request("GET", path),
    post: (path: string, form: Record<string, string> | FormData = {}, headers: Record<string, string> = {}) =>
      request("POST", path, form, headers),
  };
}

/** The secretariat of a body, signed in on the pages (as gs@remsfeld.example). */
export async function signedInClerk(
  app: Parameters<typeof signedInVisitor>[0],
  db: Database,
  bodyId: string,
): Promise<Awaited<ReturnType<typeof signedInVisitor>>> {
  const clerk = await signedInVisitor(app, db, { email: "gs@remsfeld.example", role: "secretariat", bodyId });
  await clerk.signIn();
  return clerk;
}
