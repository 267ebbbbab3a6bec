import { pageArgs, toPage, type TPageQuery } from "../http/pagination";
import type { ServiceContext } from "./context";

/** The audit log, newest first. */
export async function listAuditEntries(ctx: ServiceContext, query: TPageQuery & { entityType?: string; entityId?: string; since?: string }) {
  const rows = await ctx.db.prisma.auditEntry.findMany({
    where: {
      ...(query.entityType ? { entityType: query.entityType } : {}),
      ...(query.entityId ? { entityId: query.entityId } : {}),
      ...(query.since ? { at: { gte: new Date(query.since) } } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  return toPage(rows, query);
}
