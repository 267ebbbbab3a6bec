/**
 * The SQL of the OParl view: the published objects in `OparlObject`, how far the view has followed the audit log
 * (`OparlSync`), the digests of generated documents, and the few reads of records the view gathers in SQL.
 */
import type { Database, SqlValue, Statement } from "../database";
import { placeholders, toSqlValue, type Condition } from "../sql";

/** One published object as SQLite stores it: dates as ISO text, `deleted` as 0 or 1. */
export interface StoredOparlRow {
  id: string;
  bodyId: string;
  type: string;
  aggregate: string;
  data: string;
  deleted: number;
  createdAt: string;
  modifiedAt: string;
}

const COLUMNS = `"id", "bodyId", "type", "aggregate", "data", "deleted", "createdAt", "modifiedAt"`;

/** The filters of a list of published objects. */
export interface OparlPageFilter {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
  limit: number;
  /** The last object of the previous page. */
  after?: { modified: Date; id: string };
}

/**
 * One page of the published objects of a type (of one body, or without `bodyId` of all), in (modified, id) order,
 * with one object more than the limit when more follow. Deleted objects only with `modifiedSince`.
 */
export async function findOparlPage(db: Database, bodyId: string | null, type: string, filter: OparlPageFilter) {
  const where: string[] = [`"type" = ?`];
  const params: SqlValue[] = [type];
  if (bodyId !== null) {
    where.unshift(`"bodyId" = ?`);
    params.unshift(bodyId);
  }
  if (!filter.modifiedSince) where.push(`"deleted" = 0`);
  const add = (condition: string, value: Date | undefined) => {
    if (!value) return;
    where.push(condition);
    params.push(toSqlValue(value));
  };
  add(`"modifiedAt" >= ?`, filter.modifiedSince);
  add(`"modifiedAt" <= ?`, filter.modifiedUntil);
  add(`"createdAt" >= ?`, filter.createdSince);
  add(`"createdAt" <= ?`, filter.createdUntil);
  if (filter.after) {
    where.push(`("modifiedAt" > ? OR ("modifiedAt" = ? AND "id" > ?))`);
    params.push(toSqlValue(filter.after.modified), toSqlValue(filter.after.modified), filter.after.id);
  }
  return db.query<StoredOparlRow>(`SELECT ${COLUMNS} FROM "OparlObject" WHERE ${where.join(" AND ")} ORDER BY "modifiedAt", "id" LIMIT ?`, [
    ...params,
    filter.limit + 1,
  ]);
}

/** One published object by its key, deleted ones included. */
export async function findOparlObject(db: Database, key: string): Promise<StoredOparlRow | undefined> {
  const [row] = await db.query<StoredOparlRow>(`SELECT ${COLUMNS} FROM "OparlObject" WHERE "id" = ?`, [key]);
  return row;
}

/** Every published object, for a rebuild of the whole view. */

/** The published objects of the given aggregates. */
export const findOparlObjectsOfAggregates = (db: Database, aggregates: string[]) =>
  db.query<StoredOparlRow>(`SELECT ${COLUMNS} FROM "OparlObject" WHERE "aggregate" IN (${placeholders(aggregates)})`, aggregates);

/** The published objects with the given keys. */
export const findOparlObjectsByKeys = (db: Database, keys: string[]) =>
  db.query<StoredOparlRow>(`SELECT ${COLUMNS} FROM "OparlObject" WHERE "id" IN (${placeholders(keys)})`, keys);

/** When the published view began and last changed: the earliest and the latest of its bodies. */
export async function findOparlSpan(db: Database) {
  const [span] = await db.query<{ created: string | null; modified: string | null }>(
    `SELECT MIN("createdAt") AS created, MAX("modifiedAt") AS modified FROM "OparlObject" WHERE "type" = 'Body'`,
    [],
  );
  return span;
}

/** Publishes an object anew, or first: its data, deletion and `modified` change, its `created` stays. */
export function upsertOparlObject(row: {
  id: string;
  bodyId: string;
  type: string;
  aggregate: string;
  data: string;
  deleted: boolean;
  createdAt: Date;
  modifiedAt: Date;
}): Statement {
  return {
    sql:
      `INSERT INTO "OparlObject" (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT("id") DO UPDATE SET ` +
      `"bodyId" = excluded."bodyId", "type" = excluded."type", "aggregate" = excluded."aggregate", "data" = excluded."data", ` +
      `"deleted" = excluded."deleted", "modifiedAt" = excluded."modifiedAt"`,
    params: [
      row.id,
      row.bodyId,
      row.type,
      row.aggregate,
      row.data,
      row.deleted ? 1 : 0,
      toSqlValue(row.createdAt),
      toSqlValue(row.modifiedAt),
    ],
  };
}

/** An audit entry as the view follows it: what was written, with its snapshots as JSON text. */
export interface AuditTrace {
  id: number;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** The audit entries after `from` up to `to`, in the order written, at most `limit`. */
export const findAuditEntriesBetween = (db: Database, from: number, to: number, limit: number) =>
  db.query<AuditTrace>(
    `SELECT "id", "entityType", "entityId", "before", "after" FROM "AuditEntry" WHERE "id" > ? AND "id" <= ? ORDER BY "id" LIMIT ?`,
    [from, to, limit],
  );

/** How far the view has followed the audit log, and the build in progress (`phase` set), if one is. */
export interface OparlSyncState {
  auditId: number;
  syncedAt: string;
  completedAt: string | null;
  build: number;
  buildHead: number | null;
  buildPhase: string | null;
  buildCursor: string | null;
  followOffset: number;
}

/**
 * The view's state (none before its first build began) and the latest audit entry, read together (one round trip
 * and one snapshot on D1).
 */
export async function findOparlSyncState(db: Database) {
  const [states, heads] = await db.queryAll([
    {
      sql:
        `SELECT "auditId", "syncedAt", "completedAt", "build", "buildHead", "buildPhase", "buildCursor", "followOffset" ` +
        `FROM "OparlSync" WHERE "id" = 1`,
      params: [],
    },
    { sql: `SELECT MAX("id") AS "head" FROM "AuditEntry"`, params: [] },
  ]);
  return { state: states![0] as OparlSyncState | undefined, head: Number(heads![0]?.head ?? 0) };
}

/** The audit entry the view has followed up to, or 0 before its first build. */
export async function findOparlSyncedAuditId(db: Database): Promise<number> {
  const [states] = await db.queryAll([{ sql: `SELECT "auditId" FROM "OparlSync" WHERE "id" = 1`, params: [] }]);
  return Number((states![0] as { auditId: number } | undefined)?.auditId ?? 0);
}

/** Holds while the view has followed the audit log up to `auditId` and no further. */
export const oparlSyncedTo = (auditId: number): Condition => ({
  sql: `EXISTS (SELECT 1 FROM "OparlSync" WHERE "id" = 1 AND "auditId" = ?)`,
  params: [auditId],
});

/** Holds while the view's state is as read: no other chunk moved it meanwhile. */
export const oparlStateIs = (state: OparlSyncState | undefined): Condition =>
  state
    ? {
        sql:
          `EXISTS (SELECT 1 FROM "OparlSync" WHERE "id" = 1 AND "auditId" = ? AND "build" = ? ` +
          `AND "buildPhase" IS ? AND "buildCursor" IS ? AND "followOffset" = ?)`,
        params: [state.auditId, state.build, state.buildPhase, state.buildCursor, state.followOffset],
      }
    : { sql: `NOT EXISTS (SELECT 1 FROM "OparlSync")`, params: [] };

/** Records that the view has followed the audit log up to `head`, at `at`. */
export const recordOparlSync = (head: number, at: Date): Statement => ({
  sql: `UPDATE "OparlSync" SET "auditId" = ?, "syncedAt" = ?, "followOffset" = 0 WHERE "id" = 1`,
  params: [head, toSqlValue(at)],
});

/** Records that the first `offset` aggregates of the next audit entry are rebuilt. */
export const recordOparlFollowOffset = (offset: number): Statement => ({
  sql: `UPDATE "OparlSync" SET "followOffset" = ? WHERE "id" = 1`,
  params: [offset],
});

/**
 * Begins build number `build`, which covers the audit log up to `head`: the view follows the entries after it
 * while the build runs.
 */
export const beginOparlBuild = (build: number, head: number, at: Date): Statement => ({
  sql:
    `INSERT INTO "OparlSync" ("id", "auditId", "syncedAt", "build", "buildHead", "buildPhase", "buildCursor") ` +
    `VALUES (1, ?, ?, ?, ?, 'bodies', NULL) ON CONFLICT("id") DO UPDATE SET "auditId" = excluded."auditId", ` +
    `"build" = excluded."build", "buildHead" = excluded."buildHead", "buildPhase" = 'bodies', "buildCursor" = NULL`,
  params: [head, toSqlValue(at), build, head],
});

/**
 * The next ids of meetings or papers after `after`, in id order: a build walks every record by a key that neither a
 * deletion nor a new date can move (those the public may not see rebuild as nothing, and so leave the view).
 */
export const findRecordIdsAfter = (db: Database, table: "Meeting" | "Paper", after: string, limit: number) =>
  db.query<{ id: string }>(`SELECT "id" FROM "${table}" WHERE "id" > ? ORDER BY "id" LIMIT ?`, [after, limit]);

/** Moves the build in progress on to a phase and the last record done in it. */
export const moveOparlBuild = (phase: string, cursor: string | null): Statement => ({
  sql: `UPDATE "OparlSync" SET "buildPhase" = ?, "buildCursor" = ? WHERE "id" = 1`,
  params: [phase, cursor],
});

/** Stamps the objects of rebuilt aggregates as confirmed by build `build` (90 at a time: D1 binds at most 100). */
export const confirmOparlAggregates = (build: number, aggregates: string[]): Statement[] =>
  Array.from({ length: Math.ceil(aggregates.length / 90) }, (_, i) => aggregates.slice(i * 90, i * 90 + 90)).map((keys) => ({
    sql: `UPDATE "OparlObject" SET "build" = ? WHERE "aggregate" IN (${placeholders(keys)})`,
    params: [build, ...keys],
  }));

/**
 * Ends build `build`: the objects no chunk of it confirmed have left the public view (their record was deleted or
 * is no longer public) and are published as deleted; the view is complete.
 */
export const endOparlBuild = (build: number, at: Date): Statement[] => [
  {
    sql: `UPDATE "OparlObject" SET "deleted" = 1, "data" = '{}', "modifiedAt" = ? WHERE "build" < ? AND "deleted" = 0`,
    params: [toSqlValue(at), build],
  },
  {
    sql:
      `UPDATE "OparlSync" SET "syncedAt" = ?, "completedAt" = ?, "buildHead" = NULL, ` +
      `"buildPhase" = NULL, "buildCursor" = NULL WHERE "id" = 1`,
    params: [toSqlValue(at), toSqlValue(at)],
  },
];

/**
 * Generated files published without their size and checksum. The first three terms repeat the WHERE of the partial
 * index of such files (OparlObject_digest_pending_idx) exactly, as SQLite requires to use it.
 */
export const FILES_WITHOUT_DIGESTS =
  `"type" = 'File' AND "deleted" = 0 AND json_extract("data", '$.size') IS NULL ` +
  `AND ("id" LIKE 'file/einladung-%' OR "id" LIKE 'file/niederschrift-%' OR "id" LIKE 'file/vorlage-%')`;

/** The aggregates (at most `limit`) with FILES_WITHOUT_DIGESTS. */
export const findAggregatesWithoutDigests = (db: Database, limit: number) =>
  db.query<{ aggregate: string }>(`SELECT DISTINCT "aggregate" FROM "OparlObject" WHERE ${FILES_WITHOUT_DIGESTS} LIMIT ?`, [limit]);

/** Keeps the digest of a generated document's content: when it was first rendered so, its size and its checksum. */
export const keepDocumentDigest = (row: {
  id: string;
  fingerprint: string;
  size: number;
  sha512: string;
  renderedAt: Date;
}): Statement => ({
  sql:
    `INSERT INTO "DocumentDigest" ("id", "fingerprint", "size", "sha512", "renderedAt") VALUES (?, ?, ?, ?, ?) ` +
    `ON CONFLICT("id") DO UPDATE SET "fingerprint" = excluded."fingerprint", "size" = excluded."size", ` +
    `"sha512" = excluded."sha512", "renderedAt" = excluded."renderedAt"`,
  params: [row.id, row.fingerprint, row.size, row.sha512, toSqlValue(row.renderedAt)],
});

/**
 * The meeting places of a body: each distinct name, address and room its committees met at, with the coordinates
 * given, when first named and the meetings held there (in the order of their dates).
 */
export const findMeetingPlaces = (db: Database, bodyId: string) =>
  db.query<{
    name: string | null;
    address: string | null;
    room: string | null;
    latitude: number | null;
    longitude: number | null;
    created: string;
    meetings: string;
  }>(
    `SELECT name, address, room, MAX(latitude) AS latitude, MAX(longitude) AS longitude, MIN(createdAt) AS created,
            json_group_array(id) AS meetings
     FROM (SELECT m."locationName" AS name, m."locationAddress" AS address, m."locationRoom" AS room,
             m."locationLatitude" AS latitude, m."locationLongitude" AS longitude, m."createdAt" AS createdAt, m."id" AS id
           FROM "Meeting" m JOIN "Committee" c ON c."id" = m."committeeId"
           WHERE c."bodyId" = ? AND (m."locationName" IS NOT NULL OR m."locationAddress" IS NOT NULL OR m."locationRoom" IS NOT NULL)
           ORDER BY m."startsAt", m."id")
     GROUP BY 1, 2, 3`,
    [bodyId],
  );
