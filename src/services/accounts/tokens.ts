import { assertAdministers } from "../access";
import { berlinDateOf, germanDate } from "../../rules/calendar";
import { generateTokenSecret, hashTokenSecret } from "../../auth/tokens";
import { updateRow } from "../../db/sql";
import type { ApiTokenModel } from "../../generated/prisma-node/models";
import { Problem, fieldProblem, notFound } from "../../errors";
import { pageArgs, toPage, type TPageQuery } from "../../db/paging";
import { ZApiTokenCreate, type TApiTokenCreate } from "../../schemas/tokens";
import type { ServiceContext } from "../context";
import { auditStatement, insertAudited } from "../records";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Mints a token. The secret is returned once and stored only as its hash. */
export async function createToken(ctx: ServiceContext, rawInput: TApiTokenCreate): Promise<{ secret: string; token: ApiTokenModel }> {
  assertAdministers(ctx);
  const input = ZApiTokenCreate.parse(rawInput);
  if (input.bodyId && !(await ctx.db.prisma.body.findFirst({ where: { id: input.bodyId, deletedAt: null } }))) {
    throw fieldProblem("bodyId", "nennt keine bestehende Körperschaft");
  }
  if (input.personId && !(await ctx.db.prisma.person.findFirst({ where: { id: input.personId, deletedAt: null } }))) {
    throw fieldProblem("personId", "nennt keine bestehende Person");
  }
  const secret = generateTokenSecret();
  const token = await insertAudited(ctx, "ApiToken", {
    id: crypto.randomUUID(),
    name: input.name,
    tokenHash: await hashTokenSecret(secret),
    role: input.role,
    bodyId: input.bodyId ?? null,
    personId: input.personId ?? null,
    expiresAt: new Date(ctx.now.getTime() + input.expiresInDays * DAY_MS),
    createdAt: ctx.now,
    revokedAt: null,
  });
  return { secret, token };
}

export async function listTokens(ctx: ServiceContext, query: TPageQuery) {
  assertAdministers(ctx);
  const rows = await ctx.db.prisma.apiToken.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageArgs(query) });
  return toPage(rows, query);
}

/** Revokes a token at once; it stays listed for the audit trail. */
export async function revokeToken(ctx: ServiceContext, id: string) {
  assertAdministers(ctx);
  const before = await ctx.db.prisma.apiToken.findUnique({ where: { id } });
  if (!before) throw notFound("Token", id);
  if (before.revokedAt) throw new Problem("conflict", `Das Token wurde am ${germanDate(berlinDateOf(before.revokedAt))} widerrufen.`);
  const after = { ...before, revokedAt: ctx.now };
  await ctx.db.batch([updateRow("ApiToken", id, { revokedAt: ctx.now }), auditStatement(ctx, "revoke", "ApiToken", id, before, after)]);
}
