import { administers } from "../policies/administration";
import { managesBody } from "../policies/readership";
import { Problem, fieldProblem, notFound } from "../errors";
import type { ServiceContext } from "./context";

/** 403 unless the actor manages the body (admin, or its secretariat). */
export function assertManages(ctx: ServiceContext, bodyId: string): void {
  if (!managesBody(ctx.actor, bodyId))
    throw new Problem("forbidden", "Nur die Administration und die Geschäftsstelle dieser Körperschaft dürfen ihre Daten ändern.");
}

/** 403 unless the actor administers the installation. */
export function assertAdministers(ctx: ServiceContext): void {
  if (!administers(ctx.actor)) throw new Problem("forbidden", "Nur die Administration darf das.");
}

/** The body a new record goes into: 422 on the field if it does not exist, 403 if the actor may not write there. */
export async function bodyForWrite(ctx: ServiceContext, bodyId: string, field = "bodyId"): Promise<void> {
  const body = await ctx.db.prisma.body.findFirst({ where: { id: bodyId, deletedAt: null }, select: { id: true } });
  if (!body) throw fieldProblem(field, "nennt keine bestehende Körperschaft");
  assertManages(ctx, bodyId);
}

/** A body named in the path, to read: 404 if it does not exist. */
export async function bodyToRead(ctx: ServiceContext, bodyId: string): Promise<void> {
  const body = await ctx.db.prisma.body.findFirst({ where: { id: bodyId, deletedAt: null }, select: { id: true } });
  if (!body) throw notFound("Body", bodyId);
}

/** A body named in the path, to change: 404 if it does not exist, 403 if the actor may not manage it. */
export async function bodyToManage(ctx: ServiceContext, bodyId: string): Promise<void> {
  const body = await ctx.db.prisma.body.findFirst({ where: { id: bodyId, deletedAt: null }, select: { id: true } });
  if (!body) throw notFound("Body", bodyId);
  assertManages(ctx, bodyId);
}
