/**
 * The baseline of the HTTP benchmark: bare Hono on @hono/node-server with one hand-written
 * better-sqlite3 query per request and no ORM, no validation layer, no services. It answers the
 * anonymous (public) view of `GET /api/v1/meetings/{id}` with the same JSON as Gremium; the benchmark
 * checks that it does. It shares only Gremium's pure formatting rules (agenda numbering, Markdown,
 * Berlin time, paper and resolution numbers), so that "the same JSON" means the same work on the data.
 *   DATABASE_FILE=… PORT=… tsx bench/baseline-server.ts
 */
import { serve } from "@hono/node-server";
import Sqlite from "better-sqlite3";
import { Hono } from "hono";
import { renderMarkdown } from "../src/documents/markdown";
import { numberAgenda } from "../src/rules/agenda";
import { berlinIsoOf } from "../src/rules/calendar";
import { paperNumber } from "../src/rules/papers";
import { resolutionNumber } from "../src/rules/resolutions";

const db = new Sqlite(process.env.DATABASE_FILE!, { readonly: true, fileMustExist: true });

const meetingQuery = db.prepare<[string], Record<string, unknown> & { items: string; amendments: string; announcements: string }>(
  `
  SELECT m.*, c.name AS committeeName, c.shortName AS committeeShortName,
    (SELECT state FROM Minutes WHERE meetingId = m.id) AS minutesState,
    (SELECT json_group_array(json_object(
        'id', i.id, 'version', i.version, 'parentId', i.parentId, 'isPublic', i.isPublic, 'position', i.position, 'kind', i.kind,
        'title', i.title, 'presenter', i.presenter, 'durationMinutes', i.durationMinutes, 'description', i.description,
        'withdrawnAt', i.withdrawnAt, 'paperId', p.id, 'paperYear', p.year, 'paperSerial', p.serial, 'paperTitle', p.title,
        'paperIsPublic', p.isPublic))
      FROM AgendaItem i LEFT JOIN Paper p ON p.id = i.paperId WHERE i.meetingId = m.id) AS items,
    (SELECT json_group_array(json_object('id', a.id, 'at', a.at, 'actorName', a.actorName, 'action', a.action, 'itemId',
    a.itemId, 'summary', a.summary))
      FROM (SELECT * FROM AgendaAmendment WHERE meetingId = m.id AND isPublic = 1 ORDER BY at) a) AS amendments,
    (SELECT json_group_array(json_object('id', r.id, 'year', r.year, 'serial', r.serial, 'text', r.text))
      FROM (SELECT * FROM Resolution WHERE committeeId = m.committeeId AND isPublic = 0 AND announcedMeetingId = m.id ORDER
    BY year, serial) r) AS announcements
  FROM Meeting m JOIN Committee c ON c.id = m.committeeId
  WHERE m.id = ?`,
);

interface ItemRow {
  id: string;
  version: number;
  parentId: string | null;
  isPublic: boolean;
  position: number;
  kind: string;
  title: string;
  presenter: string | null;
  durationMinutes: number | null;
  description: string | null;
  withdrawnAt: string | null;
  paperId: string | null;
  paperYear: number;
  paperSerial: number;
  paperTitle: string;
  paperIsPublic: 0 | 1;
}

const iso = (value: unknown) => new Date(value as string).toISOString();
const berlin = (value: unknown) => berlinIsoOf(new Date(value as string));

const app = new Hono();
app.get("/api/v1/meetings/:id", (c) => {
  const m = meetingQuery.get(c.req.param("id"));
  if (!m) return c.json({ title: "Not Found", status: 404 }, 404);
  const rows = (JSON.parse(m.items) as (Omit<ItemRow, "isPublic"> & { isPublic: 0 | 1 })[]).map(
    (row): ItemRow => ({ ...row, isPublic: row.isPublic === 1 }),
  );
  const items = numberAgenda(rows).filter((item) => item.isPublic);
  const announcements = items.some((item) => item.kind === "announcement_of_resolutions")
    ? (JSON.parse(m.announcements) as { id: string; year: number; serial: number; text: string }[]).map((r) => ({
        resolutionId: r.id,
        number: resolutionNumber(m.committeeShortName as string, r.year, r.serial),
        text: r.text,
        announced: true,
      }))
    : [];
  c.header("ETag", `"${m.version}"`);
  return c.json({
    id: m.id,
    version: m.version,
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
    committeeId: m.committeeId,
    committee: { name: m.committeeName, shortName: m.committeeShortName },
    title: m.title,
    sequenceNumber: m.sequenceNumber,
    numberYear: m.numberYear,
    label: `${m.sequenceNumber}. Sitzung`,
    startsAt: iso(m.startsAt),
    startsAtBerlin: berlin(m.startsAt),
    endsAt: m.endsAt === null ? null : iso(m.endsAt),
    endsAtBerlin: m.endsAt === null ? null : berlin(m.endsAt),
    location: {
      name: m.locationName,
      address: m.locationAddress,
      room: m.locationRoom,
      latitude: m.locationLatitude,
      longitude: m.locationLongitude,
    },
    state: m.state,
    emergency: m.emergencyReason !== null,
    repeatMeeting: m.repeatMeeting === 1,
    emergencyReason: m.emergencyReason,
    cancelledReason: m.cancelledReason,
    hasPublishedMinutes: m.minutesState === "published",
    course: {
      startedAt: m.startedAt === null ? null : iso(m.startedAt),
      endedAt: m.endedAt === null ? null : iso(m.endedAt),
      interruptions: m.interruptions === null ? [] : JSON.parse(m.interruptions as string),
    },
    agenda: {
      items: items.map((item) => ({
        id: item.id,
        version: item.version,
        meetingId: m.id,
        parentId: item.parentId,
        number: item.number,
        depth: item.depth,
        isPublic: true,
        kind: item.kind,
        title: item.title,
        paper:
          item.paperId && item.paperIsPublic
            ? { id: item.paperId, number: paperNumber(item.paperYear, item.paperSerial), title: item.paperTitle }
            : null,
        presenter: item.presenter,
        durationMinutes: item.durationMinutes,
        description: item.description,
        descriptionHtml: renderMarkdown(item.description),
        withdrawn: item.withdrawnAt !== null,
      })),
      amendments: (JSON.parse(m.amendments) as { at: string }[]).map((a) => ({ ...a, at: iso(a.at) })),
      warnings: [],
      announcements,
    },
  });
});

serve({ fetch: app.fetch, port: Number(process.env.PORT) }, (info) => console.log(`baseline listens on ${info.port}`));
