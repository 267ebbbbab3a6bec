/**
 * The reads the benchmark measures, all anonymous (the public view), each with a check of its answer
 * against the database itself: the public view must hold no non-public item, unannounced resolution,
 * non-public paper or minutes of a non-public item, and every page must be full. A wrong answer stops
 * the benchmark.
 */
import type Sqlite from "better-sqlite3";
import { REFERENCE } from "../dataset";

export interface Endpoint {
  name: string;
  kind: "read" | "list" | "trace" | "search" | "page";
  path: string;
  /** Checks the answer: parsed JSON, or the HTML text of a page. */
  check(body: any, db: Sqlite.Database): void;
}

function fail(endpoint: string, reason: string): never {
  throw new Error(`wrong answer from ${endpoint}: ${reason}`);
}

const publicQueries = {
  item: `SELECT isPublic AS ok FROM AgendaItem WHERE id = ?`,
  resolution: `SELECT isPublic OR announcedAt IS NOT NULL AS ok FROM Resolution WHERE id = ?`,
  paper: `SELECT isPublic AS ok FROM Paper WHERE id = ?`,
  minutes:
    `SELECT i.isPublic AND m.state = 'published' AS ok FROM MinutesItemNote n JOIN AgendaItem i ON i.id = n.itemId ` +
    `JOIN Minutes m ON m.id = n.minutesId WHERE n.id = ?`,
  measure: `SELECT 1 AS ok FROM Measure WHERE id = ?`,
};

/** Whether the database says the record of a search kind is public. */
export function isPublic(db: Sqlite.Database, kind: string, id: string): boolean {
  const query = publicQueries[kind as keyof typeof publicQueries];
  return query !== undefined && (db.prepare(query).get(id) as { ok: number } | undefined)?.ok === 1;
}

/** Fails unless the database says the record is public. */
function mustBePublic(endpoint: string, db: Sqlite.Database, kind: keyof typeof publicQueries, id: string) {
  if (!isPublic(db, kind, id)) fail(endpoint, `the public view shows the non-public ${kind} ${id}`);
}

function fullPage(endpoint: string, body: { items?: unknown[] }, size: number) {
  if (body.items?.length !== size) fail(endpoint, `expected a full page of ${size}, got ${body.items?.length}`);
}

export const ENDPOINTS: Endpoint[] = [
  {
    name: "meeting with agenda",
    kind: "read",
    path: `/api/v1/meetings/${REFERENCE.meetingId}`,
    check(body, db) {
      if (body.id !== REFERENCE.meetingId) fail(this.name, "another meeting");
      const items: { id: string; number: string; paper: { id: string } | null }[] = body.agenda?.items ?? [];
      if (items.length !== 19) fail(this.name, `expected the 19 public items, got ${items.length}`);
      for (const item of items) {
        if (!item.number.startsWith("Ö ")) fail(this.name, `item ${item.number} is numbered as non-public`);
        mustBePublic(this.name, db, "item", item.id);
        if (item.paper) mustBePublic(this.name, db, "paper", item.paper.id);
      }
      for (const announcement of body.agenda.announcements) mustBePublic(this.name, db, "resolution", announcement.resolutionId);
    },
  },
  {
    name: "measure trace",
    kind: "trace",
    path: `/api/v1/measures/${REFERENCE.measureId}/trace`,
    check(body, db) {
      if (body.trace?.length !== 11) fail(this.name, `expected 11 entries, got ${body.trace?.length}`);
      for (const entry of body.trace as { resolution: { id: string }; minutesExcerpt: string | null }[]) {
        mustBePublic(this.name, db, "resolution", entry.resolution.id);
        if (!entry.minutesExcerpt) fail(this.name, `no minutes excerpt for ${entry.resolution.id}, whose minutes are published`);
      }
    },
  },
  {
    name: "search",
    kind: "search",
    path: `/api/v1/search?q=${encodeURIComponent(REFERENCE.searchQuery)}&limit=20`,
    check(body, db) {
      fullPage(this.name, body, 20);
      for (const hit of body.items as { kind: keyof typeof publicQueries; id: string }[]) mustBePublic(this.name, db, hit.kind, hit.id);
    },
  },
  {
    name: "meetings, first page",
    kind: "list",
    path: "/api/v1/meetings?limit=20",
    check(body) {
      fullPage(this.name, body, 20);
    },
  },
  {
    name: "meetings of a committee",
    kind: "list",
    path: `/api/v1/meetings?committeeId=${REFERENCE.committeeId}&limit=5&from=2025-03-01T00:00:00Z`,
    check(body) {
      fullPage(this.name, body, 5);
    },
  },
  {
    name: "resolutions, newest first",
    kind: "list",
    path: "/api/v1/resolutions?limit=20",
    check(body, db) {
      fullPage(this.name, body, 20);
      for (const resolution of body.items) mustBePublic(this.name, db, "resolution", resolution.id);
    },
  },
  {
    name: "papers, newest first",
    kind: "list",
    path: "/api/v1/papers?limit=20",
    check(body, db) {
      fullPage(this.name, body, 20);
      for (const paper of body.items) mustBePublic(this.name, db, "paper", paper.id);
    },
  },
  {
    // OParl's sync read: what changed since a time, one page of an index however large the body's history.
    name: "OParl meetings changed since",
    kind: "list",
    // Five meetings with their agendas embedded, about 80 KB: OParl objects are large.
    path: `/oparl/v1.1/body/${REFERENCE.bodyId}/meeting?modified_since=${encodeURIComponent("2000-01-01T00:00:00+01:00")}&limit=5`,
    check(body, db) {
      if (body.data?.length !== 5) fail(this.name, `expected a full page of 5, got ${body.data?.length}`);
      if (!body.links?.next?.includes("modified_since=")) fail(this.name, "the next page lost the filter");
      for (const meeting of body.data as { type: string; agendaItem?: { id: string }[] }[]) {
        if (meeting.type !== "https://schema.oparl.org/1.1/Meeting") fail(this.name, `a ${meeting.type} in the meeting list`);
        for (const item of meeting.agendaItem ?? []) mustBePublic(this.name, db, "item", item.id.split("/").at(-1)!);
      }
    },
  },
  {
    name: "meeting page (HTML)",
    kind: "page",
    path: `/sitzungen/${REFERENCE.meetingId}`,
    check(html: string, db) {
      // The agenda itself; announced non-public resolutions below it may quote their items' titles (§35 (1) GemO).
      const agenda = /<ol class="agenda">(.*?)<\/ol>/s.exec(html)?.[1] ?? "";
      const items = agenda.match(/class="agenda__item /g)?.length ?? 0;
      if (items !== 19) fail(this.name, `expected the 19 public items, got ${items}`);
      const secret = db.prepare("SELECT title FROM AgendaItem WHERE meetingId = ? AND isPublic = 0").all(REFERENCE.meetingId) as {
        title: string;
      }[];
      for (const { title } of secret) if (agenda.includes(title)) fail(this.name, `the agenda shows the non-public item ${title}`);
      if (/\bN \d+\b/.test(html)) fail(this.name, "the page shows the number of a non-public item");
    },
  },
  {
    name: "search page (HTML)",
    kind: "page",
    path: `/suche?q=${encodeURIComponent(REFERENCE.searchQuery)}`,
    check(html: string) {
      if (!/\d+ Treffer für/.test(html)) fail(this.name, "no hits");
    },
  },
];

/** The read the baseline and the Worker answer too. */
export const MEETING_ENDPOINT = ENDPOINTS.find((e) => e.kind === "read")!;
export const MEETING_PAGE = ENDPOINTS.find((e) => e.name === "meeting page (HTML)")!;
export const SEARCH_ENDPOINT = ENDPOINTS.find((e) => e.kind === "search")!;
export const SEARCH_PAGE = ENDPOINTS.find((e) => e.name === "search page (HTML)")!;
