/**
 * Demanded agenda items (§34 (1) GemO). The subjects a committee's members have demanded are for that
 * committee's members and its body's secretariat, not for members of other committees or the public.
 */
import type { Principal } from "../auth/principal";
import { managesBody, readsCommittee, type CommitteeRef, type Readership } from "./readership";

export function canRead(actor: Principal, readership: Readership, committee: CommitteeRef): boolean {
  return readsCommittee(actor, readership, committee);
}

/** Only the secretariat records, schedules or refuses a demand. */
export function canManage(actor: Principal, committee: CommitteeRef): boolean {
  return managesBody(actor, committee.bodyId);
}
