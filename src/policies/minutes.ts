/**
 * Minutes (§38 GemO). The secretariat reads them in every state; members of the committee once they are
 * circulated; everyone the public part once published. The non-public part is never handed out to anyone
 * else, item by item included.
 */
import type { Principal } from "../auth/principal";
import { managesBody, type CommitteeRef, type Readership } from "./readership";

export type MinutesVariant = "full" | "public";

/** Which variant of a meeting's minutes the actor reads, or null. */
export function variantFor(
  actor: Principal,
  readership: Readership,
  committee: CommitteeRef,
  state: string | undefined,
): MinutesVariant | null {
  if (managesBody(actor, committee.bodyId)) return "full";
  if (readership.seats.has(committee.id) && state && state !== "draft") return "full";
  return state === "published" ? "public" : null;
}

/** Whether the actor reads the notes on one item, in the variant they read. */
export function canReadItemNotes(variant: MinutesVariant | null, itemIsPublic: boolean): boolean {
  return variant === "full" || (variant === "public" && itemIsPublic);
}

/** Objections are filed, and signatures given, by members who held a seat at the meeting, themselves. */
export function canActAsMember(actor: Principal, seatedAtMeeting: (personId: string) => boolean): boolean {
  return actor.kind === "member" && seatedAtMeeting(actor.personId);
}
