import type { AgendaAmendmentModel, AgendaItemModel, ResolutionModel } from "../../generated/prisma-node/models";
import type { Database, Statement } from "../database";
import { decodeRows } from "../rows";
import { itemConditionSql } from "../../policies/meetings";
import { placeholders } from "../sql";

export type ItemWithPaper = AgendaItemModel & {
  paper: { id: string; year: number; serial: number; title: string; isPublic: boolean; deletedAt: Date | null } | null;
};
export type AmendmentRow = Pick<AgendaAmendmentModel, "id" | "at" | "actorName" | "action" | "itemId" | "summary">;
export type AnnouncementRow = Pick<ResolutionModel, "id" | "year" | "serial" | "text" | "announcedMeetingId">;
export type MeetingResolutionRow = Pick<ResolutionModel, "id" | "itemId" | "year" | "serial" | "isPublic">;

const ITEM_SHAPE = { model: "AgendaItem", nested: { paper: { model: "Paper" } } };

/** The items of a meeting with their papers' numbers. */
const itemsStatement = (meetingId: string): Statement => ({
  sql: `SELECT i.*, CASE WHEN p.id IS NULL THEN NULL ELSE json_object('id', p.id, 'year', p.year, 'serial', p.serial,
    'title', p.title, 'isPublic', p.isPublic, 'deletedAt', p.deletedAt) END AS paper
        FROM AgendaItem i LEFT JOIN Paper p ON p.id = i.paperId WHERE i.meetingId = ?`,
  params: [meetingId],
});

/** The papers whose titles the meeting's invitations published. */
const publishedPapersStatement = (meetingId: string): Statement => ({
  sql: `SELECT publicPapers FROM Invitation WHERE meetingId = ?`,
  params: [meetingId],
});
const publishedPapersOf = (rows: Record<string, unknown>[]) =>
  new Set(rows.flatMap((row) => JSON.parse(String(row.publicPapers)) as string[]));

/** Every item of a meeting, public or not, with its paper: the numbering needs the whole agenda. */
export async function findItems(db: Database, meetingId: string): Promise<ItemWithPaper[]> {
  const { sql, params } = itemsStatement(meetingId);
  return decodeRows(db.prisma, ITEM_SHAPE, await db.query(sql, params));
}

/**
 * A meeting's items, amendments and announcements, read together (one round trip and one snapshot on D1).
 * `readsNonPublic` false leaves the amendments of non-public items and the unannounced resolutions out;
 * the items all come back, because the public numbering is derived from the whole agenda.
 */
export async function readAgenda(
  db: Database,
  meeting: { id: string; committeeId: string },
  readsNonPublic: boolean,
  withResolutions = false,
) {
  const [items, amendments, announcements, published, resolutions] = await db.queryAll([
    itemsStatement(meeting.id),
    {
      sql: `SELECT a.id, a.at, a.actorName, a.action, a.itemId, a.summary FROM AgendaAmendment a
        WHERE a.meetingId = ? AND ${itemConditionSql(readsNonPublic, "a")} ORDER BY a.at, a.rowid`,
      params: [meeting.id],
    },
    // The announcement item (§35 (1) GemO) covers the non-public resolutions announced at this meeting and,
    // for readers of the committee, those of earlier meetings not yet announced.
    {
      sql: `SELECT id, year, serial, text, announcedMeetingId FROM Resolution
            WHERE committeeId = ? AND isPublic = 0 AND (announcedMeetingId = ? ${
              readsNonPublic ? "OR (announcedAt IS NULL " + "AND (meetingId IS NULL OR meetingId <> ?))" : ""
            })
            ORDER BY year, serial`,
      params: readsNonPublic ? [meeting.committeeId, meeting.id, meeting.id] : [meeting.committeeId, meeting.id],
    },
    publishedPapersStatement(meeting.id),
    // The resolutions taken in the meeting, for pages that show each item's resolution.
    ...(withResolutions
      ? [{ sql: "SELECT id, itemId, year, serial, isPublic FROM Resolution WHERE meetingId = ? ORDER BY serial", params: [meeting.id] }]
      : []),
  ]);
  return {
    items: decodeRows<ItemWithPaper>(db.prisma, ITEM_SHAPE, items!),
    amendments: decodeRows<AmendmentRow>(db.prisma, { model: "AgendaAmendment" }, amendments!),
    announcements: decodeRows<AnnouncementRow>(db.prisma, { model: "Resolution" }, announcements!),
    resolutions: resolutions ? decodeRows<MeetingResolutionRow>(db.prisma, { model: "Resolution" }, resolutions) : [],
    publishedPapers: publishedPapersOf(published!),
  };
}

/** The papers whose titles a meeting's invitations published, read alone. */
export async function findPublishedPapers(db: Database, meetingId: string): Promise<Set<string>> {
  const { sql, params } = publishedPapersStatement(meetingId);
  return publishedPapersOf(await db.query(sql, params));
}

/** The numbering facts of every item of the given meetings. */
export async function findItemsOfMeetings(db: Database, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  const rows = await db.query<Record<string, unknown>>(
    `SELECT id, meetingId, parentId, isPublic, position FROM AgendaItem WHERE meetingId IN (${placeholders(meetingIds)})`,
    [...meetingIds],
  );
  return decodeRows<Pick<AgendaItemModel, "id" | "meetingId" | "parentId" | "isPublic" | "position">>(
    db.prisma,
    { model: "AgendaItem" },
    rows,
  );
}

/** Unlinks the demanded items that the removed agenda items dealt with. */
export const unlinkItemRequests = (itemIds: readonly string[]): Statement => ({
  sql: `UPDATE "ItemRequest" SET "agendaItemId" = NULL WHERE "agendaItemId" IN (${placeholders(itemIds)})`,
  params: [...itemIds],
});
