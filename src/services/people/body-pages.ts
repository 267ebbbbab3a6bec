import { defaultPageText, type PageKey } from "../../documents/page-texts";
import { Problem } from "../../errors";
import { bodyToManage } from "../access";
import { getBody } from "./bodies";
import type { ServiceContext } from "../context";
import { auditStatement, expectVersion, insertAudited, newRecordColumns, updateAudited } from "../records";
import { PREVIOUS_CHANGED, deleteVersioned, guard } from "../../db/sql";

/**
 * A portal page's text for a body: its own, or Gremium's default (version 0). Public, like the page.
 */
export async function getBodyPage(ctx: ServiceContext, bodyId: string, key: PageKey) {
  const body = await getBody(ctx, bodyId);
  const own = await ctx.db.prisma.bodyPage.findUnique({ where: { bodyId_key: { bodyId, key } } });
  return own
    ? { bodyId, key, markdown: own.markdown, isDefault: false, version: own.version, updatedAt: own.updatedAt }
    : { bodyId, key, markdown: defaultPageText(key, body.name), isDefault: true, version: 0, updatedAt: null };
}

/**
 * Sets the body's own text of a page (If-Match "0" the first time), or with `null` restores the default. The
 * secretariat of the body and admins only; audited.
 */
export async function setBodyPage(ctx: ServiceContext, bodyId: string, key: PageKey, version: number, markdown: string | null) {
  await bodyToManage(ctx, bodyId);
  const current = await ctx.db.prisma.bodyPage.findUnique({ where: { bodyId_key: { bodyId, key } } });
  if (!current) {
    if (version !== 0) throw new Problem("precondition_failed", 'Die Seite hat noch keinen eigenen Text; bitte If-Match: "0" senden.');
    if (markdown !== null) await insertAudited(ctx, "BodyPage", { ...newRecordColumns(ctx.now), bodyId, key, markdown });
  } else {
    expectVersion(current, version);
    if (markdown === null) {
      const [deleted] = await ctx.db.batch([
        deleteVersioned("BodyPage", current.id, current.version),
        guard(auditStatement(ctx, "delete", "BodyPage", current.id, current, null), PREVIOUS_CHANGED),
      ]);
      if (deleted === 0) throw new Problem("precondition_failed", "Die Seite wurde inzwischen geändert; bitte neu laden.");
    } else {
      await updateAudited(ctx, "BodyPage", current, { markdown });
    }
  }
  return getBodyPage(ctx, bodyId, key);
}
