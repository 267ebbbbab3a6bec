import { Problem, notFound } from "../../errors";
import { pageArgs, toPage, type TPageQuery } from "../../db/paging";
import type { CommitteeKind } from "../../rules/membership";
import type { TCommitteeCreate, TCommitteeUpdate } from "../../schemas/committees";
import { assertManages, bodyForWrite } from "../access";
import type { ServiceContext } from "../context";
import { currentOrFuture } from "./membership-filters";
import { expectVersion, insertAudited, newRecordColumns, updateAudited } from "../records";

export async function listCommittees(ctx: ServiceContext, query: TPageQuery & { bodyId?: string; kind?: CommitteeKind; q?: string }) {
  const rows = await ctx.db.prisma.committee.findMany({
    where: {
      deletedAt: null,
      ...(query.bodyId ? { bodyId: query.bodyId } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.q ? { OR: [{ name: { contains: query.q } }, { shortName: { contains: query.q } }] } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...pageArgs(query),
  });
  return toPage(rows, query);
}

export async function getCommittee(ctx: ServiceContext, id: string) {
  const committee = await ctx.db.prisma.committee.findFirst({ where: { id, deletedAt: null } });
  if (!committee) throw notFound("Committee", id);
  return committee;
}

export async function createCommittee(ctx: ServiceContext, input: TCommitteeCreate) {
  await bodyForWrite(ctx, input.bodyId);
  return insertAudited(ctx, "Committee", {
    ...newRecordColumns(ctx.now),
    bodyId: input.bodyId,
    name: input.name,
    shortName: input.shortName,
    kind: input.kind,
    noticePeriodDays: input.noticePeriodDays ?? 7,
    description: input.description ?? null,
    constitutedOn: input.constitutedOn ?? null,
    deletedAt: null,
  });
}

export async function updateCommittee(ctx: ServiceContext, id: string, version: number, input: TCommitteeUpdate) {
  const before = await getCommittee(ctx, id);
  assertManages(ctx, before.bodyId);
  expectVersion(before, version);
  return updateAudited(ctx, "Committee", before, input);
}

/** Soft-deletes a committee that has no current or future members. */
export async function deleteCommittee(ctx: ServiceContext, id: string, version: number) {
  const before = await getCommittee(ctx, id);
  assertManages(ctx, before.bodyId);
  expectVersion(before, version);
  const seats = await ctx.db.prisma.membership.count({ where: { committeeId: id, ...currentOrFuture(ctx.now) } });
  if (seats > 0)
    throw new Problem("conflict", `Das Gremium hat noch ${seats} laufende oder künftige Mitgliedschaft(en); diese bitte zuerst beenden.`);
  await updateAudited(ctx, "Committee", before, { deletedAt: ctx.now }, "delete");
}
