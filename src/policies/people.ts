/**
 * People. Names, form of address and organisation of people who hold seats are public; contact data
 * (e-mail, phone) is for the secretariat of the person's body and admins only.
 */
import type { Principal } from "../auth/principal";
import { reads } from "./personal-data";
import { managesBody } from "./readership";

export function canSeeContactData(actor: Principal, person: { bodyId: string }): boolean {
  return reads(managesBody(actor, person.bodyId) ? "staff" : "public", "person.contact");
}

/** Whether the actor changes the person's record. */
export function canManage(actor: Principal, person: { bodyId: string }): boolean {
  return managesBody(actor, person.bodyId);
}

/**
 * The Prisma filter of the people the actor may list (data minimisation): only staff see people who hold
 * no seat (staff, presenters); everyone else sees the people who are or were members of a committee.
 */
export function where(actor: Principal) {
  return actor.kind === "admin" || actor.kind === "secretariat" ? {} : { memberships: { some: {} } };
}
