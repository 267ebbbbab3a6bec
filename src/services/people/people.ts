import * as peoplePolicy from "../../policies/people";
import { Problem, notFound } from "../../errors";
import { pageArgs, toPage, type TPageQuery } from "../../db/paging";
import type { TPersonCreate, TPersonUpdate } from "../../schemas/people";
import { assertManages, bodyForWrite } from "../access";
import type { ServiceContext } from "../context";
import { currentOrFuture } from "./membership-filters";
import { expectVersion, insertAudited, newRecordColumns, updateAudited } from "../records";

/** Lists people by family name. */
export async function listPeople(ctx: ServiceContext, query: TPageQuery & { bodyId?: string; q?: string }) {
  const rows = await ctx.db.prisma.person.findMany({
    where: {
      deletedAt: null,
      ...peoplePolicy.where(ctx.actor),
      ...(query.bodyId ? { bodyId: query.bodyId } : {}),
      ...(query.q ? { OR: [{ givenName: { contains: query.q } }, { familyName: { contains: query.q } }] } : {}),
    },
    orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { id: "asc" }],
    ...pageArgs(query),
  });
  return toPage(rows, query);
}

export async function getPerson(ctx: ServiceContext, id: string) {
  const person = await ctx.db.prisma.person.findFirst({ where: { id, deletedAt: null, ...peoplePolicy.where(ctx.actor) } });
  if (!person) throw notFound("Person", id);
  return person;
}

export async function createPerson(ctx: ServiceContext, input: TPersonCreate) {
  await bodyForWrite(ctx, input.bodyId);
  return insertAudited(ctx, "Person", {
    ...newRecordColumns(ctx.now),
    bodyId: input.bodyId,
    givenName: input.givenName,
    familyName: input.familyName,
    formOfAddress: input.formOfAddress ?? null,
    title: input.title ?? null,
    organisation: input.organisation ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    deletedAt: null,
    mailOptOut: input.mailOptOut ?? false,
  });
}

export async function updatePerson(ctx: ServiceContext, id: string, version: number, input: TPersonUpdate) {
  const before = await getPerson(ctx, id);
  assertManages(ctx, before.bodyId);
  expectVersion(before, version);
  return updateAudited(ctx, "Person", before, input);
}

/** Soft-deletes a person who holds no current or future seat; past seats keep their history. */
export async function deletePerson(ctx: ServiceContext, id: string, version: number) {
  const before = await getPerson(ctx, id);
  assertManages(ctx, before.bodyId);
  expectVersion(before, version);
  const seats = await ctx.db.prisma.membership.count({ where: { personId: id, ...currentOrFuture(ctx.now) } });
  if (seats > 0)
    throw new Problem("conflict", `Die Person hat noch ${seats} laufende oder künftige Mitgliedschaft(en); diese bitte zuerst beenden.`);
  await updateAudited(ctx, "Person", before, { deletedAt: ctx.now }, "delete");
}
