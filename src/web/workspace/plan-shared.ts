/** What the plan's pages in the workspace share: their words, their addresses, and the plan the actor manages. */
import type { ServiceContext } from "../../services/context";
import { assertManages } from "../../services/access";
import { getPlan } from "../../services/plan/plans";
import { m } from "../messages";

export const p = m.workspace.planDesk;
export const planPath = (id: string) => `/verwaltung/plan/${id}`;
export const measurePath = (id: string) => `/verwaltung/plan/massnahmen/${id}`;
export const param = (c: { req: { param: (name: string) => string | undefined } }, name: string) => c.req.param(name) ?? "";

export async function managedPlan(ctx: ServiceContext, id: string) {
  const plan = await getPlan(ctx, id);
  assertManages(ctx, plan.bodyId);
  return plan;
}
