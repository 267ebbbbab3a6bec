import { fieldProblem, notFound } from "../../errors";
import { pageArgs, toPage, type TPageQuery } from "../../db/paging";
import type { TTermCreate, TTermUpdate } from "../../schemas/terms";
import { assertManages, bodyForWrite } from "../access";
import type { ServiceContext } from "../context";
import { expectVersion, insertAudited, newRecordColumns, updateAudited } from "../records";

export async function listTerms(ctx: ServiceContext, query: TPageQuery & { bodyId?: string; committeeId?: string }) {
  const rows = await ctx.db.prisma.term.findMany({
    where: {
      deletedAt: null,
      ...(query.bodyId ? { bodyId: query.bodyId } : {}),
      ...(query.committeeId ? { committeeId: query.committeeId } : {}),
    },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
    ...pageArgs(query),
  });
  return toPage(rows, query);
}

export async function getTerm(ctx: ServiceContext, id: string) {
  const term = await ctx.db.prisma.term.findFirst({ where: { id, deletedAt: null } });
  if (!term) throw notFound("Term", id);
  return term;
}

export async function createTerm(ctx: ServiceContext, input: TTermCreate) {
  await bodyForWrite(ctx, input.bodyId);
  if (input.committeeId) {
    const committee = await ctx.db.prisma.committee.findFirst({ where: { id: input.committeeId, bodyId: input.bodyId, deletedAt: null } });
    if (!committee) throw fieldProblem("committeeId", "nennt kein Gremium dieser Körperschaft");
  }
  return insertAudited(ctx, "Term", {
    ...newRecordColumns(ctx.now),
    bodyId: input.bodyId,
    committeeId: input.committeeId ?? null,
    name: input.name,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    deletedAt: null,
  });
}

export async function updateTerm(ctx: ServiceContext, id: string, version: number, input: TTermUpdate) {
  const before = await getTerm(ctx, id);
  assertManages(ctx, before.bodyId);
  expectVersion(before, version);
  const next = { ...before, ...input };
  if (next.endDate && next.endDate < next.startDate) throw fieldProblem("endDate", "darf nicht vor startDate liegen");
  return updateAudited(ctx, "Term", before, input);
}

export async function deleteTerm(ctx: ServiceContext, id: string, version: number) {
  const before = await getTerm(ctx, id);
  assertManages(ctx, before.bodyId);
  expectVersion(before, version);
  await updateAudited(ctx, "Term", before, { deletedAt: ctx.now }, "delete");
}
