/**
 * A crawler for an OParl 1.1 endpoint, as an aggregator reads it: from the System object along every link, each
 * object and list page validated against the official schemas (test/fixtures/oparl/schema, CC BY-SA 4.0), and
 * checked for the rules the schemas do not express. It answers what it counted and every problem it found.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SCHEMA_DIR = path.join(import.meta.dirname, "../fixtures/oparl/schema");
const SCHEMA_BASE = "https://schema.oparl.org/1.1/";

/** Validates an object against the schema of its type; answers the errors as text. */
export function oparlValidator(): (object: Record<string, unknown>) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat("url", {
    validate: (value: string) => {
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
  });
  ajv.addVocabulary(["references", "backreference", "cardinality"]);
  for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith(".json"))) {
    const schema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as { $id: string };
    ajv.addSchema(schema);
    // The schemas refer to each other as "File.json", which their $ids lack.
    ajv.addSchema({ ...schema, $id: `${schema.$id}.json` });
  }
  return (object) => {
    const type = String(object.type ?? "");
    if (!type.startsWith(SCHEMA_BASE)) return [`type ${type} is not an OParl 1.1 type`];
    const validate = ajv.getSchema(type);
    if (!validate) return [`no schema for ${type}`];
    return validate(object) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
  };
}

/**
 * Waits until the OParl view is built, has followed every write, and states the size of every generated file (the
 * background fills those in after the objects): the System object answers 200 without the header that says the
 * view is behind, and no file of a body lacks its size. Each request wakes the background work.
 */
export async function oparlViewReady(fetch: (path: string) => Promise<Response>, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  const complete = async () => {
    const system = await fetch("/oparl/v1.1/system");
    await system.arrayBuffer();
    if (system.status !== 200 || system.headers.get("gremium-oparl-view")) return false;
    const bodies = (await (await fetch("/oparl/v1.1/body")).json()) as { data: { id: string }[] };
    for (const body of bodies.data) {
      const files = (await (await fetch(`${new URL(body.id).pathname}/file?limit=1000`)).json()) as { data: { size?: number }[] };
      if (files.data.some((file) => file.size === undefined)) return false;
    }
    return true;
  };
  while (!(await complete())) {
    if (Date.now() > until) throw new Error(`the OParl view is not complete after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The date-time form OParl asks for. */
export const OPARL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const DATE_TIME_MEMBERS = ["created", "modified", "start", "end", "oparlSince", "licenseValidSince"];
const LIST_OF_TYPE: Record<string, string> = {
  Organization: "organization",
  Person: "person",
  Meeting: "meeting",
  Paper: "paper",
  AgendaItem: "agendaItem",
  Consultation: "consultation",
  File: "file",
  Membership: "membership",
  Location: "location",
  LegislativeTerm: "legislativeTerm",
};
/** What `omit_internal` leaves out (OParl 1.1, 2.5.4), and what it must keep though it is embedded. */
const OMITTED: Record<string, string[]> = {
  Body: ["legislativeTerm"],
  Meeting: ["agendaItem", "auxiliaryFile"],
  Paper: ["auxiliaryFile", "location"],
  Person: ["membership"],
  AgendaItem: ["auxiliaryFile"],
};
const KEPT: Record<string, string[]> = {
  Meeting: ["location", "invitation", "resultsProtocol", "gremium:attendance"],
  Paper: ["mainFile", "consultation"],
  AgendaItem: ["gremium:votes"],
};

/** Members whose values are the ids of other objects (not lists). */
const OBJECT_LINKS = ["body", "organization", "person", "meeting", "paper", "agendaItem", "consultation", "membership", "onBehalfOf"];

export interface CrawlReport {
  /** Objects fetched at their id, per type. */
  objects: Record<string, number>;
  /** List pages read. */
  pages: number;
  /** Files downloaded (access and download URLs). */
  files: number;
  errors: string[];
}

type Fetch = (path: string, headers?: Record<string, string>) => Response | Promise<Response>;

/**
 * Crawls from `/oparl/v1.1/system`. `secrets` are texts that must appear nowhere. With `pageSize`, every body list
 * is also read page by page with that limit and the filters below, and compared with the whole list.
 */
export async function crawlOparl(fetch: Fetch, options: { secrets?: string[]; pageSize?: number } = {}): Promise<CrawlReport> {
  const validate = oparlValidator();
  const errors: string[] = [];
  const report: CrawlReport = { objects: {}, pages: 0, files: 0, errors };
  const fetched = new Map<string, Record<string, unknown>>();
  const listed = new Map<string, Set<string>>();
  const referenced = new Map<string, string>();
  const queue: string[] = ["/oparl/v1.1/system"];
  const done = new Set<string>();
  const files = new Map<string, Record<string, unknown>>();
  let origin = "";
  const local = (url: string) => (origin && url.startsWith(origin) ? url.slice(origin.length) : url);

  const checkText = (where: string, text: string) => {
    for (const secret of options.secrets ?? []) if (text.includes(secret)) errors.push(`${where}: shows non-public text "${secret}"`);
    if (/\\u003c|\\u003e|\\u0026/.test(text)) errors.push(`${where}: HTML-escaped JSON`);
  };

  /** Checks an object and everything embedded in it; answers the links it holds. */
  const checkObject = (object: Record<string, unknown>, where: string, embedded: boolean) => {
    for (const problem of embedded ? [] : validate(object)) errors.push(`${where}: ${problem}`);
    const type = String(object.type).slice(SCHEMA_BASE.length);
    if (typeof object.id !== "string") errors.push(`${where}: no id`);
    if (!object.created || !object.modified) errors.push(`${where}: ${type} without created or modified`);
    for (const member of DATE_TIME_MEMBERS) {
      const value = object[member];
      if (value !== undefined && !OPARL_DATE_TIME.test(String(value)))
        errors.push(`${where}: ${member} "${String(value)}" is not yyyy-mm-ddThh:mm:ss±hh:mm`);
    }
    if (object.deleted === true && embedded) errors.push(`${where}: a deleted object is embedded`);
    if (type === "Meeting" && Array.isArray(object.agendaItem)) {
      object.agendaItem.forEach((item: Record<string, unknown>, index) => {
        if (item.order !== index) errors.push(`${where}: agenda item ${index} has order ${String(item.order)}`);
      });
    }
    for (const [member, value] of Object.entries(object)) {
      const entries = Array.isArray(value) ? value : [value];
      for (const entry of entries) {
        if (entry && typeof entry === "object") {
          const inner = entry as Record<string, unknown>;
          if (typeof inner.type === "string" && inner.type.startsWith(SCHEMA_BASE)) {
            checkObject(inner, `${where} → ${member}`, true);
            if (typeof inner.id === "string") queue.push(local(inner.id));
          } else if (member !== "gremium:votes" && member !== "gremium:attendance" && member !== "geojson") {
            errors.push(`${where}: embedded ${member} without an OParl type`);
          }
        } else if (typeof entry === "string" && entry.startsWith(`${origin}/oparl/`) && !member.endsWith("Url")) {
          queue.push(local(entry));
          const objectUrl = /^\/oparl\/v1\.1\/\w+\/[^/]+$/.test(local(entry));
          if (OBJECT_LINKS.includes(member) && objectUrl) referenced.set(local(entry), where);
        }
      }
    }
    if (typeof object.accessUrl === "string" && !embedded) files.set(local(String(object.id)), object);
  };

  const checkList = async (url: string, body: Record<string, unknown>) => {
    report.pages++;
    const links = (body.links ?? {}) as Record<string, string>;
    if (!Array.isArray(body.data) || typeof body.pagination !== "object") errors.push(`${url}: not a list {data, pagination, links}`);
    const query = new URL(url, "http://x").searchParams;
    for (const [name, link] of Object.entries(links)) {
      const kept = new URL(link).searchParams;
      for (const filter of ["created_since", "created_until", "modified_since", "modified_until", "omit_internal", "limit"]) {
        if (query.has(filter) && kept.get(filter) !== query.get(filter)) errors.push(`${url}: links.${name} lost ${filter}`);
      }
    }
    const limit = Number(query.get("limit") ?? 0);
    if (limit && (body.data as unknown[]).length === limit && !links.next) {
      // A full page is the last only if the next one would be empty; the list must say which.
      const probe = await fetch(`${url}${url.includes("?") ? "&" : "?"}limit=${limit + 1}`);
      if (probe.ok && ((await probe.json()) as { data: unknown[] }).data.length > limit) errors.push(`${url}: no links.next`);
    }
    const type = /\/body\/[^/]+\/(\w+)/.exec(url)?.[1] ?? (url.startsWith("/oparl/v1.1/body") ? "body" : "");
    for (const [index, item] of (body.data as Record<string, unknown>[]).entries()) {
      if (item.deleted === true && !query.has("modified_since"))
        errors.push(`${url}: deleted ${String(item.id)} listed without modified_since`);
      checkObject(item, `${url} data[${index}]`, false);
      if (!listed.has(type)) listed.set(type, new Set());
      listed.get(type)!.add(local(String(item.id)));
    }
    if (links.next) queue.push(local(links.next));
  };

  while (queue.length) {
    const url = queue.shift()!;
    if (done.has(url)) continue;
    done.add(url);
    const response = await fetch(url);
    const text = await response.text();
    if (response.status !== 200) {
      errors.push(`${url}: ${response.status} ${text.slice(0, 200)}`);
      continue;
    }
    if (!response.headers.get("content-type")?.startsWith("application/json")) errors.push(`${url}: not JSON`);
    if (response.headers.get("access-control-allow-origin") !== "*") errors.push(`${url}: no CORS header`);
    checkText(url, text);
    const body = JSON.parse(text) as Record<string, unknown>;
    if (!origin) origin = String(body.id).replace(/\/oparl\/v1\.1\/system$/, "");
    if ("data" in body && "links" in body) {
      await checkList(url, body);
      continue;
    }
    checkObject(body, url, false);
    if (local(String(body.id)) !== url) errors.push(`${url}: id is ${String(body.id)}`);
    fetched.set(url, body);
    const type = String(body.type).slice(SCHEMA_BASE.length);
    report.objects[type] = (report.objects[type] ?? 0) + 1;
  }

  // Every object another links to can be fetched and is in its body's list.
  for (const [id, where] of referenced) {
    const object = fetched.get(id);
    if (!object) errors.push(`${where} links ${id}, which cannot be fetched`);
    else if (object.deleted) errors.push(`${where} links ${id}, which is deleted`);
    const type = String(object?.type ?? "").slice(SCHEMA_BASE.length);
    const list = type === "Body" ? "body" : LIST_OF_TYPE[type];
    if (object && list && !listed.get(list)?.has(id)) errors.push(`${id} is not in its body's ${list} list`);
  }
  for (const [type, ids] of listed)
    for (const id of ids) if (!fetched.has(id)) errors.push(`${id} is listed in ${type} but was not fetched`);

  for (const [id, file] of files) await checkFile(fetch, id, file, errors, local, report);
  if (options.pageSize) await checkPaging(fetch, [...listed.keys()], fetched, options.pageSize, errors, local, report);
  return report;
}

async function checkFile(
  fetch: Fetch,
  id: string,
  file: Record<string, unknown>,
  errors: string[],
  local: (url: string) => string,
  report: CrawlReport,
) {
  for (const [member, disposition] of [
    ["accessUrl", "inline"],
    ["downloadUrl", "attachment"],
  ] as const) {
    const url = local(String(file[member]));
    const response = await fetch(url);
    report.files++;
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200) {
      errors.push(`${url}: ${response.status}`);
      continue;
    }
    const headers = response.headers;
    if (headers.get("content-type") !== file.mimeType) errors.push(`${url}: content-type ${headers.get("content-type")}`);
    if (Number(headers.get("content-length")) !== bytes.byteLength) errors.push(`${url}: content-length is not the length`);
    // A generated document states size and checksum once it was rendered: by now, and then it must be right.
    const now = (await (await fetch(id)).json()) as Record<string, unknown>;
    if (now.size !== bytes.byteLength) errors.push(`${url}: ${bytes.byteLength} bytes, but the file says size ${String(now.size)}`);
    if (createHash("sha512").update(bytes).digest("hex") !== now.sha512Checksum) errors.push(`${url}: sha512Checksum differs`);
    if (file.size !== undefined && file.size !== now.size) errors.push(`${id}: size was ${String(file.size)} before the download`);
    if (!headers.get("content-disposition")?.startsWith(`${disposition}; filename="`)) errors.push(`${url}: not ${disposition}`);
    if (headers.get("access-control-allow-origin") !== "*") errors.push(`${url}: no CORS header`);
    const etag = headers.get("etag");
    const lastModified = headers.get("last-modified");
    if (!etag || !lastModified) {
      errors.push(`${url}: no ETag or Last-Modified`);
      continue;
    }
    if ((await fetch(url, { "if-none-match": etag })).status !== 304) errors.push(`${url}: If-None-Match does not give 304`);
    if ((await fetch(url, { "if-modified-since": lastModified })).status !== 304)
      errors.push(`${url}: If-Modified-Since does not give 304`);
  }
  if (!id.startsWith("/oparl/v1.1/file/")) errors.push(`${id}: a file outside /file/`);
}

/** Reads each body list page by page with filters, and compares it with the list read at once. */
async function checkPaging(
  fetch: Fetch,
  lists: string[],
  fetched: Map<string, Record<string, unknown>>,
  pageSize: number,
  errors: string[],
  local: (url: string) => string,
  report: CrawlReport,
) {
  const bodies = [...fetched.keys()].filter((id) => /^\/oparl\/v1\.1\/body\/[^/]+$/.test(id));
  const filters = "created_since=2000-01-01T00:00:00Z&modified_since=2000-01-01T01:00:00 01:00&modified_until=2999-01-01T00:00:00%2B01:00";
  for (const body of bodies) {
    for (const list of lists.filter((l) => l !== "body")) {
      const whole = (await (await fetch(`${body}/${list}?limit=1000`)).json()) as { data: { id: string }[] };
      const seen: string[] = [];
      for (let url: string | undefined = `${body}/${list}?limit=${pageSize}&omit_internal=true&${filters}`; url; ) {
        const response = await fetch(url);
        if (response.status !== 200) {
          errors.push(`${url}: ${response.status}`);
          break;
        }
        report.pages++;
        const page = (await response.json()) as { data: Record<string, unknown>[]; links: Record<string, string> };
        for (const item of page.data) {
          seen.push(String(item.id));
          // OParl 1.1, 2.5.4: exactly these members are left out, and no other.
          const type = String(item.type).slice(SCHEMA_BASE.length);
          for (const member of Object.keys(item)) {
            if (OMITTED[type]?.includes(member)) errors.push(`${url}: omit_internal kept ${member}`);
          }
          for (const member of KEPT[type] ?? []) {
            const full = whole.data.find((other) => other.id === item.id) as Record<string, unknown> | undefined;
            if (full?.[member] !== undefined && item[member] === undefined) errors.push(`${url}: omit_internal left out ${member}`);
          }
        }
        for (const [name, link] of Object.entries(page.links)) {
          const query = new URL(link).searchParams;
          for (const [filter, value] of [
            ["limit", String(pageSize)],
            ["omit_internal", "true"],
            ["created_since", "2000-01-01T00:00:00Z"],
            ["modified_since", "2000-01-01T01:00:00+01:00"],
            ["modified_until", "2999-01-01T00:00:00+01:00"],
          ]) {
            if (query.get(filter!) !== value) errors.push(`${url}: links.${name} has ${filter}=${query.get(filter!)}`);
          }
        }
        url = page.links.next ? local(page.links.next) : undefined;
      }
      const expected = whole.data.map((item) => item.id);
      if (JSON.stringify(seen) !== JSON.stringify(expected)) {
        errors.push(`${body}/${list}: paged by ${pageSize} gives ${seen.length} objects, at once ${expected.length}`);
      }
    }
  }
}
