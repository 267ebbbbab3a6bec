/**
 * Integration reports. A published report is for everyone; a draft is for the body's staff. What a report shows
 * of figures, resolutions and ideas is decided by their own policies, for the reader at hand.
 */
import type { Principal } from "../auth/principal";
import { managesBody } from "./readership";

export function canRead(actor: Principal, report: { bodyId: string; published: boolean }): boolean {
  return report.published || managesBody(actor, report.bodyId);
}
