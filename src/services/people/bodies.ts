import { assertAdministers } from "../access";
import { Problem, notFound } from "../../errors";
import type { TPageQuery } from "../../db/paging";
import { pageArgs, toPage } from "../../db/paging";
import type { TBodyCreate, TBodyUpdate } from "../../schemas/bodies";
import { assertManages } from "../access";
import type { ServiceContext } from "../context";
import { expectVersion, insertAudited, newRecordColumns, updateAudited } from "../records";

/** Lists the bodies that are not deleted, by name. */
export async function listBodies(ctx: ServiceContext, query: TPageQuery & { q?: string }) {
  const rows = await ctx.db.prisma.body.findMany({
    where: { deletedAt: null, ...(query.q ? { name: { contains: query.q } } : {}) },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...pageArgs(query),
  });
  return toPage(rows, query);
}

/** One body; 404 when it does not exist or is deleted. */
export async function getBody(ctx: ServiceContext, id: string) {
  const body = await ctx.db.prisma.body.findFirst({ where: { id, deletedAt: null } });
  if (!body) throw notFound("Body", id);
  return body;
}

/** Creates a body (admins only, checked by the route). */
export async function createBody(ctx: ServiceContext, input: TBodyCreate) {
  assertAdministers(ctx);
  return insertAudited(ctx, "Body", {
    ...newRecordColumns(ctx.now),
    name: input.name,
    shortName: input.shortName ?? null,
    website: input.website ?? null,
    deletedAt: null,
    publishAttendance: input.publishAttendance ?? false,
    ags: input.ags ?? null,
    contactEmail: input.contactEmail ?? null,
    contactName: input.contactName ?? null,
    address: input.address ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  });
}

/** Changes a body; its own secretariat may do so too. */
export async function updateBody(ctx: ServiceContext, id: string, version: number, input: TBodyUpdate) {
  const before = await getBody(ctx, id);
  assertManages(ctx, id);
  expectVersion(before, version);
  return updateAudited(ctx, "Body", before, input);
}

/** Soft-deletes a body that has no committees or people left. */
export async function deleteBody(ctx: ServiceContext, id: string, version: number) {
  assertAdministers(ctx);
  const before = await getBody(ctx, id);
  expectVersion(before, version);
  const [committees, people] = await Promise.all([
    ctx.db.prisma.committee.count({ where: { bodyId: id, deletedAt: null } }),
    ctx.db.prisma.person.count({ where: { bodyId: id, deletedAt: null } }),
  ]);
  if (committees + people > 0) {
    throw new Problem(
      "conflict",
      `Die Körperschaft hat noch ${committees} Gremium/Gremien und ${people} Person(en); diese bitte zuerst löschen.`,
    );
  }
  await updateAudited(ctx, "Body", before, { deletedAt: ctx.now }, "delete");
}
