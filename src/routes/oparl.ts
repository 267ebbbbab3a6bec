/**
 * OParl 1.1 over HTTP (https://oparl.org/spezifikation/): the System object, the lists of each body, every object
 * at its id, and the files. Read-only and public; every answer may be read from any origin (CORS `*`), and errors
 * are OParl Error objects. The view is `services/oparl*.ts`; the objects are `documents/oparl.ts`.
 */
import { Hono, type Context } from "hono";
import {
  BODY_LISTS,
  OPARL_ROOT,
  OPARL_TYPES,
  absoluteJson,
  bodyListUrl,
  oparlSegment,
  systemObject,
  type BodyList,
  type OparlType,
} from "../documents/oparl";
import { Problem } from "../errors";
import { ANONYMOUS } from "../auth/principal";
import { publicBaseUrl, type AppEnv } from "../http/context";
import { createServiceContext, type ServiceContext } from "../services/context";
import {
  getOparl,
  listOparl,
  oparlSpan,
  oparlSystemContact,
  publishedJson,
  publishedObject,
  type OparlFilter,
} from "../services/oparl/oparl";
import { sendFile } from "../http/conditional";
import { DEFAULT_OPARL_LICENSE, oparlFileBytes, type OparlDeps } from "../services/oparl/oparl-objects";
import { oparlViewState, syncOparl } from "../services/oparl/oparl-sync";

const ERROR_TYPE = "https://schema.oparl.org/1.1/Error";
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

class OparlError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 410 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** Seconds a client waits before it asks again while the view's first build runs. */
const BUILDING_RETRY_SECONDS = 30;

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Last-Modified, Content-Disposition, Retry-After, Gremium-OParl-View",
};

/** JSON as OParl wants it (a value, or JSON text): UTF-8, not HTML-escaped, readable from any origin. */
function json(c: Context<AppEnv>, value: unknown, status: 200 | 400 | 404 | 405 | 410 | 503 = 200) {
  const text = value instanceof JsonText ? value.text : JSON.stringify(value);
  return c.body(absoluteJson(text, publicBaseUrl(c)), status, {
    ...CORS,
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-cache",
  });
}

/** JSON already serialised. */
class JsonText {
  constructor(readonly text: string) {}
}

const errorResponse = (c: Context<AppEnv>, status: 400 | 404 | 405 | 410 | 503, message: string) =>
  json(c, { type: ERROR_TYPE, message }, status);

const depsOf = (c: Context<AppEnv>): OparlDeps => ({
  ...c.get("deps"),
  baseUrl: publicBaseUrl(c),
  license: c.get("deps").oparlLicense ?? DEFAULT_OPARL_LICENSE,
});

/**
 * Every OParl answer reads the view as built. Where a background builds it (`wakeOparl`: the Node process, the
 * Worker's `waitUntil` and Cron Trigger), a request never builds: before the first build has ended it answers 503
 * with Retry-After; while the view follows writes it answers from the view as it stands, with the header
 * `Gremium-OParl-View: behind; synced=<date-time>`, and wakes the work. Without a background (tests), the request
 * brings the view up to date first. OParl is public: the request is served as the public, whatever it carries.
 */
async function synced(c: Context<AppEnv>) {
  const deps = c.get("deps");
  const ctx = createServiceContext(deps.db, ANONYMOUS, deps.now?.() ?? new Date());
  if (!deps.wakeOparl) {
    await syncOparl(ctx, depsOf(c));
    return ctx;
  }
  // Every read wakes the work (which does nothing when nothing is left): the digests of generated files come after
  // the view is complete, and no state says they are missing.
  deps.wakeOparl(c, "read");
  const view = await oparlViewState(ctx);
  if (!view.built) {
    c.header("retry-after", String(BUILDING_RETRY_SECONDS));
    throw new OparlError(503, "Die OParl-Schnittstelle wird gerade aufgebaut. Bitte fragen Sie in einer halben Minute wieder.");
  }
  if (view.behind) c.header("gremium-oparl-view", `behind; synced=${view.syncedAt}`);
  return ctx;
}

/** The date-time filters of every list, and the members of `OparlFilter` they set. */
const FILTERS = {
  created_since: "createdSince",
  created_until: "createdUntil",
  modified_since: "modifiedSince",
  modified_until: "modifiedUntil",
} as const;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A filter's date-time, with "Z" or an offset, as the link should carry it. A "+" that was not percent-encoded
 * arrives as a space; it is taken as the "+" it was meant to be.
 */
function parseDateTime(name: string, raw: string): { value: string; date: Date } {
  const value = raw.trim().replace(/ (\d{2}:?\d{2})$/, "+$1");
  const match = DATE_TIME.exec(value);
  const date = match ? new Date(`${match[1]}${match[2] === "Z" ? "Z" : match[2]!.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2")}`) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new OparlError(400, `Der Parameter ${name} muss ein Zeitpunkt wie 2026-11-30T10:00:00+01:00 sein, nicht „${raw}“.`);
  }
  return { value, date };
}

/** The filters of a list request, and the query that every link of the list carries. */
function filterOf(c: Context<AppEnv>): { filter: OparlFilter; kept: URLSearchParams; omitInternal: boolean } {
  const kept = new URLSearchParams();
  const filter: OparlFilter = { limit: DEFAULT_LIMIT };
  for (const [name, member] of Object.entries(FILTERS)) {
    const raw = c.req.query(name);
    if (raw === undefined) continue;
    const { value, date } = parseDateTime(name, raw);
    // `created` and `modified` are published to the second, so a filter compares by whole seconds: a change in the
    // same second as a `*_since` is in, and so is one in the same second as an `*_until`.
    const second = Math.floor(date.getTime() / 1000) * 1000;
    filter[member] = new Date(member.endsWith("Since") ? second : second + 999);
    kept.set(name, value);
  }
  const limit = c.req.query("limit");
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1) {
      throw new OparlError(400, `Der Parameter limit muss eine ganze Zahl ab 1 sein, nicht „${limit}“.`);
    }
    // A larger limit than the server serves is clamped, not refused (OParl 1.1, 2.5.3).
    filter.limit = Math.min(Number(limit), MAX_LIMIT);
    kept.set("limit", String(filter.limit));
  }
  const omit = c.req.query("omit_internal");
  if (omit !== undefined) {
    if (!["", "true", "false", "1", "0"].includes(omit)) {
      throw new OparlError(400, `Der Parameter omit_internal kennt die Werte true und false, nicht „${omit}“.`);
    }
    kept.set("omit_internal", omit);
  }
  const cursor = c.req.query("cursor");
  if (cursor !== undefined) {
    const match = /^(\d{10,})\.(.+)$/.exec(cursor);
    if (!match) throw new OparlError(400, "Der Parameter cursor stammt nicht aus einem Link dieser Liste.");
    filter.after = { modified: new Date(Number(match[1]) * 1000), id: match[2]! };
  }
  return { filter, kept, omitInternal: omit !== undefined && omit !== "false" && omit !== "0" };
}

/**
 * What `omit_internal` may leave out of a listed object, and nothing else (OParl 1.1, 2.5.4): the attributes whose
 * objects have a list of their own. A meeting's location, invitation and protocol, a paper's main file and
 * consultations, and Gremium's own members stay.
 */
const INTERNAL: Record<string, string[]> = {
  Body: ["legislativeTerm"],
  Meeting: ["agendaItem", "auxiliaryFile"],
  Paper: ["auxiliaryFile", "location"],
  Person: ["membership"],
  AgendaItem: ["auxiliaryFile"],
};
const withoutInternal = (object: Record<string, unknown>) => {
  const internal = INTERNAL[String(object.type).slice("https://schema.oparl.org/1.1/".length)] ?? [];
  return Object.fromEntries(Object.entries(object).filter(([member]) => !internal.includes(member)));
};

/** One page of a list (of a body's objects of a type, or of the bodies), with links that keep the filters. */
async function listResponse(c: Context<AppEnv>, ctx: ServiceContext, path: string, bodyId: string | null, type: OparlType) {
  const { filter, kept, omitInternal } = filterOf(c);
  const { rows, more } = await listOparl(ctx, bodyId, type, filter);
  const link = (cursor?: string) => {
    const query = new URLSearchParams(kept);
    if (cursor) query.set("cursor", cursor);
    const search = query.toString();
    return search ? `${path}?${search}` : path;
  };
  const last = rows.at(-1);
  const data = rows.map((row) => (omitInternal ? JSON.stringify(withoutInternal(publishedObject(row))) : publishedJson(row)));
  const links = {
    first: link(),
    self: link(c.req.query("cursor")),
    ...(more && last ? { next: link(`${Math.floor(last.modifiedAt.getTime() / 1000)}.${last.id}`) } : {}),
  };
  const pagination = JSON.stringify({ elementsPerPage: filter.limit });
  return json(c, new JsonText(`{"data":[${data.join(",")}],"pagination":${pagination},"links":${JSON.stringify(links)}}`));
}

async function fileResponse(c: Context<AppEnv>, disposition: "inline" | "attachment") {
  const ctx = await synced(c);
  const row = await getOparl(ctx, `file/${c.req.param("id") ?? ""}`);
  if (!row) throw new OparlError(404, "Diese Datei gibt es nicht.");
  if (row.deleted) throw new OparlError(410, "Diese Datei ist nicht mehr veröffentlicht.");
  const file = JSON.parse(row.data) as { fileName: string; mimeType: string };
  const { bytes, lastModified } = await oparlFileBytes(ctx, depsOf(c), row.id.slice("file/".length));
  return sendFile(c, {
    bytes,
    contentType: file.mimeType,
    filename: file.fileName,
    disposition,
    lastModified,
    headers: { ...CORS, "cache-control": "no-cache" },
  });
}

const TYPE_OF_SEGMENT = new Map(OPARL_TYPES.map((type) => [oparlSegment(type), type]));

export const oparlRouter = new Hono<AppEnv>()
  // An address with a trailing slash is the same address without it.
  .use("*", async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname.length > OPARL_ROOT.length + 1 && url.pathname.endsWith("/"))
      return c.redirect(`${url.pathname.replace(/\/+$/, "")}${url.search}`, 301);
    await next();
  })
  .onError((error, c) => {
    if (error instanceof OparlError) return errorResponse(c, error.status, error.message);
    if (error instanceof Problem && error.code === "not_found") return errorResponse(c, 404, error.message);
    console.error(error);
    return c.body(JSON.stringify({ type: ERROR_TYPE, message: "Ein interner Fehler ist aufgetreten." }), 500, {
      ...CORS,
      "content-type": "application/json; charset=utf-8",
    });
  })
  .options("*", (c) =>
    c.body(null, 204, { ...CORS, "access-control-allow-methods": "GET, HEAD, OPTIONS", "access-control-max-age": "86400" }),
  )
  .on(["POST", "PUT", "PATCH", "DELETE"], "*", (c) => {
    c.header("allow", "GET, HEAD, OPTIONS");
    return errorResponse(c, 405, "OParl ist eine Schnittstelle nur zum Lesen: erlaubt sind GET, HEAD und OPTIONS.");
  })
  .get("/", (c) => c.redirect(`${OPARL_ROOT}/system`, 301))
  .get("/system", async (c) => {
    const ctx = await synced(c);
    const span = (await oparlSpan(ctx)) ?? { created: ctx.now, modified: ctx.now };
    const { license, version } = depsOf(c);
    return json(c, systemObject({ license, name: "Gremium", version, contact: await oparlSystemContact(ctx), ...span }));
  })
  .get("/body", async (c) => listResponse(c, await synced(c), `${OPARL_ROOT}/body`, null, "Body"))
  .get("/body/:id/:list", async (c) => {
    const list = c.req.param("list");
    if (!Object.hasOwn(BODY_LISTS, list)) throw new OparlError(404, `Eine Körperschaft hat keine Liste „${list}“.`);
    const ctx = await synced(c);
    const bodyId = c.req.param("id");
    const body = await getOparl(ctx, `body/${bodyId}`);
    if (!body || body.deleted) throw new OparlError(404, "Diese Körperschaft gibt es nicht.");
    return listResponse(c, ctx, bodyListUrl(bodyId, list as BodyList), bodyId, BODY_LISTS[list as BodyList].type);
  })
  .get("/file/:id/inhalt", (c) => fileResponse(c, "inline"))
  .get("/file/:id/herunterladen", (c) => fileResponse(c, "attachment"))
  .get("/:type/:id", async (c) => {
    const type = TYPE_OF_SEGMENT.get(c.req.param("type"));
    if (!type || type === "System") throw new OparlError(404, `Unter ${c.req.path} gibt es kein OParl-Objekt.`);
    const row = await getOparl(await synced(c), `${c.req.param("type")}/${c.req.param("id")}`);
    if (!row) throw new OparlError(404, `Unter ${c.req.path} gibt es kein OParl-Objekt.`);
    return json(c, new JsonText(publishedJson(row)));
  })
  .all("*", (c) => errorResponse(c, 404, `Unter ${c.req.path} gibt es kein OParl-Objekt.`));

/** Any other OParl address (another version, or a mistyped one): an OParl error, not a page. */
export const oparlFallback = new Hono<AppEnv>().all("*", (c) =>
  errorResponse(c, 404, `Unter ${c.req.path} gibt es kein OParl-Objekt. Gremium spricht OParl 1.1: ${OPARL_ROOT}/system`),
);
