/**
 * Written procedures (§37 (1) GemO): for the committee's members and its body's secretariat. Only voting
 * members object, each with their own access; only the secretariat starts and concludes one.
 */
import type { Principal } from "../auth/principal";
import { managesBody, readsCommittee, type CommitteeRef, type Readership } from "./readership";

export function canRead(actor: Principal, readership: Readership, committee: CommitteeRef): boolean {
  return readsCommittee(actor, readership, committee);
}

export function canManage(actor: Principal, committee: CommitteeRef): boolean {
  return managesBody(actor, committee.bodyId);
}

/** Whether the actor may object: a member acting for themselves who holds a voting seat today. */
export function canObject(actor: Principal, seat: { votingRight: boolean } | null): boolean {
  return actor.kind === "member" && seat !== null && seat.votingRight;
}
