/**
 * The OParl view: the public data of each body as OParl 1.1 objects, kept in `OparlObject` as last published.
 *
 * The view follows the audit log (`oparl-sync.ts`). Before each OParl request, the records written since the last
 * look are rebuilt (`oparl-objects.ts`) as an anonymous reader, through the same services and policies as the
 * portal, and compared with what was published. A changed object gets a new `modified`; one that left the public view
 * (deleted, or made non-public) stays as deleted. So `modified_since` finds every change, lists read one page of an
 * index, and nothing that was ever published disappears without a trace. This module reads the view.
 */
import { findOparlObject, findOparlPage, findOparlSpan, type OparlPageFilter, type StoredOparlRow } from "../../db/queries/oparl";
import { OPARL_ROOT, OPARL_VERSION, oparlDateTime, type OparlType } from "../../documents/oparl";
import type { ServiceContext } from "../context";

/** One published object, as stored. */
export interface OparlRow {
  id: string;
  bodyId: string;
  type: OparlType;
  aggregate: string;
  data: string;
  deleted: boolean;
  createdAt: Date;
  modifiedAt: Date;
}

export const toRow = (row: StoredOparlRow): OparlRow => ({
  ...row,
  type: row.type as OparlType,
  deleted: row.deleted === 1,
  createdAt: new Date(row.createdAt),
  modifiedAt: new Date(row.modifiedAt),
});

export function publishedObject(row: Pick<OparlRow, "id" | "type" | "data" | "deleted" | "createdAt" | "modifiedAt">) {
  return {
    id: `${OPARL_ROOT}/${row.id}`,
    type: `${OPARL_VERSION}${row.type}`,
    ...(row.deleted ? {} : (JSON.parse(row.data) as Record<string, unknown>)),
    created: oparlDateTime(row.createdAt),
    modified: oparlDateTime(row.modifiedAt),
    ...(row.deleted ? { deleted: true } : {}),
  };
}

/** The same as `publishedObject`, as JSON, from the stored text: a page of objects is never parsed to be served. */
export function publishedJson(row: Pick<OparlRow, "id" | "type" | "data" | "deleted" | "createdAt" | "modifiedAt">): string {
  const head = `{"id":${JSON.stringify(`${OPARL_ROOT}/${row.id}`)},"type":${JSON.stringify(`${OPARL_VERSION}${row.type}`)}`;
  const data = row.deleted || row.data === "{}" ? "" : `,${row.data.slice(1, -1)}`;
  const tail = `,"created":"${oparlDateTime(row.createdAt)}","modified":"${oparlDateTime(row.modifiedAt)}"`;
  return `${head}${data}${tail}${row.deleted ? ',"deleted":true' : ""}}`;
}

/** The filters of a list: dates of creation and change, the page size, and where the previous page ended. */
export type OparlFilter = OparlPageFilter;

/**
 * One page of a list, in (modified, id) order: an object that changes while a client pages moves to the end,
 * where the client meets it again, rather than being skipped. Deleted objects are listed only to clients that
 * ask what changed (`modified_since`). Without `bodyId`, the list of bodies.
 */
export async function listOparl(ctx: ServiceContext, bodyId: string | null, type: OparlType, filter: OparlFilter) {
  const rows = await findOparlPage(ctx.db, bodyId, type, filter);
  return { rows: rows.slice(0, filter.limit).map(toRow), more: rows.length > filter.limit };
}

/** One object of the view, deleted ones included; null if it was never published. */
export async function getOparl(ctx: ServiceContext, key: string): Promise<OparlRow | null> {
  const row = await findOparlObject(ctx.db, key);
  return row ? toRow(row) : null;
}

/**
 * The contact of the installation for the System object: that of its body where it serves one (with several, each
 * Body names its own).
 */
export async function oparlSystemContact(ctx: ServiceContext) {
  const bodies = await ctx.db.prisma.body.findMany({
    where: { deletedAt: null },
    select: { website: true, contactEmail: true, contactName: true },
    take: 2,
  });
  return bodies.length === 1 ? bodies[0]! : null;
}

/** When the published view began and last changed, for the System object. */
export async function oparlSpan(ctx: ServiceContext): Promise<{ created: Date; modified: Date } | null> {
  const span = await findOparlSpan(ctx.db);
  return span?.created && span.modified ? { created: new Date(span.created), modified: new Date(span.modified) } : null;
}
