/**
 * Meetings and agenda items. Every meeting is public with its time, place and public part; the non-public
 * part (its items, their amendments and the warnings about them) is for those who read the committee.
 * Anyone else learns nothing of it, not even how many items it has.
 */
import type { Principal } from "../auth/principal";
import { readsCommittee, type CommitteeRef, type Readership } from "./readership";

/** Whether the actor reads the non-public part of a meeting of this committee. */
export function canReadNonPublicPart(actor: Principal, readership: Readership, committee: CommitteeRef): boolean {
  return readsCommittee(actor, readership, committee);
}

/** Whether the actor reads one agenda item (or an amendment, which has the visibility of its item). */
export function canReadItem(actor: Principal, readership: Readership, item: { isPublic: boolean }, committee: CommitteeRef): boolean {
  return item.isPublic || canReadNonPublicPart(actor, readership, committee);
}

/** The SQL condition on an agenda item table aliased `alias` for a reader of the public part only, or none. */
export function itemConditionSql(readsNonPublic: boolean, alias: string): string {
  return readsNonPublic ? "1 = 1" : `${alias}."isPublic" = 1`;
}

/**
 * Whether OParl publishes who attended a meeting: only once it is held, and only if the body chose to publish
 * attendance (off by default; the OParl community advises against publishing it unasked, OParl/spec#48).
 */
export function publishesAttendance(body: { publishAttendance: boolean }, meeting: { state: string }): boolean {
  return body.publishAttendance && (meeting.state === "held" || meeting.state === "closed");
}
