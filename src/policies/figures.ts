/**
 * Figures (indicators and key figures) and their values. A published figure is for everyone; one kept internal
 * until it is checked is for the body's staff only, and so is the history of corrections of a value.
 */
import type { Principal } from "../auth/principal";
import { managesBody } from "./readership";

export interface FigureRef {
  bodyId: string;
  published: boolean;
}

export function canRead(actor: Principal, figure: FigureRef): boolean {
  return figure.published || managesBody(actor, figure.bodyId);
}

/** Whether the actor reads what a value was before it was corrected, and who corrected it. */
export function canReadRevisions(actor: Principal, figure: FigureRef): boolean {
  return managesBody(actor, figure.bodyId);
}

/** The Prisma filter of a body's figures the actor may list. */
export function where(actor: Principal, bodyId: string) {
  return managesBody(actor, bodyId) ? { bodyId } : { bodyId, published: true };
}
