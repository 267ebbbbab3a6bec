/**
 * Calendar feeds. The committee and body feeds are public and carry public items only. A personal feed is
 * minted and revoked by the member themselves; it carries the non-public item titles of the committees
 * where its person holds a seat on the day it is read, and of no other.
 */
import type { Principal } from "../auth/principal";

/** Whether the actor mints or revokes personal feeds: members, for themselves. */
export function canHavePersonalFeed(actor: Principal): actor is Extract<Principal, { kind: "member" }> {
  return actor.kind === "member";
}

/** Whether a feed shows a meeting's non-public item titles. */
export function showsNonPublicItems(feedSeats: ReadonlySet<string>, committeeId: string): boolean {
  return feedSeats.has(committeeId);
}
