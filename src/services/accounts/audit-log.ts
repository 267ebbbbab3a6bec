import { assertAdministers } from "../access";
import { fieldProblem } from "../../errors";
import { toPage, type TPageQuery } from "../../db/paging";
import type { ServiceContext } from "../context";

function auditCursor(cursor: string): number {
  const id = Number(cursor);
  if (!Number.isSafeInteger(id) || id < 1) throw fieldProblem("query.cursor", "ist kein Cursor dieser Liste", "invalid_request");
  return id;
}

/** The audit log, newest first. */
export async function listAuditEntries(
  ctx: ServiceContext,
  query: TPageQuery & { entityType?: string; entityId?: string; since?: string },
) {
  assertAdministers(ctx);
  const rows = await ctx.db.prisma.auditEntry.findMany({
    where: {
      ...(query.entityType ? { entityType: query.entityType } : {}),
      ...(query.entityId ? { entityId: query.entityId } : {}),
      ...(query.since ? { at: { gte: new Date(query.since) } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: auditCursor(query.cursor) }, skip: 1 } : {}),
  });
  return toPage(rows, query);
}
