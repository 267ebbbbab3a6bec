/**
 * Personal data, field by field: who reads each piece of it. Decided here once, as a table, and asked by every
 * service that writes a person's data into a page, a document, a feed or an answer (GDPR Art. 5 (1) (c); a reason
 * of absence such as illness is special-category data, Art. 9). §38 (2) GemO lets residents *inspect* the minutes
 * of public meetings; that is not publication on the internet, so what the public reads online is the minutes
 * without the reasons and remarks that the signed record in the town hall keeps.
 *
 * The audiences, widest first:
 * - `public`: anyone, on the portal, in public PDFs, OParl, feeds, exports and search;
 * - `committee`: the committee's own record, read by its members and the secretariat (the full minutes, §38);
 * - `staff`: those who manage the body (its secretariat, admins), who keep the working records.
 */
import type { Principal } from "../auth/principal";
import { managesBody, type CommitteeRef, type Readership } from "./readership";

export type Audience = "public" | "committee" | "staff";

const WIDTH: Record<Audience, number> = { public: 0, committee: 1, staff: 2 };

/** Each personal field and the narrowest audience that reads it. */
export const PERSONAL_FIELDS = {
  /** Names of people who hold or held a seat, with form of address, title and organisation: the record names them. */
  "person.name": "public",
  /** E-mail address and phone number. */
  "person.contact": "staff",
  /** People who never held a seat (staff, presenters): they are no part of the public record. */
  "person.withoutSeat": "staff",
  /** That a member was absent, and whether excused ("entschuldigt" / "nicht entschuldigt"): §38 (1) names them. */
  "minutes.absence": "public",
  /** The reason of an absence, as the signed minutes record it. */
  "minutes.absenceReason": "committee",
  /** The reason of an absence as the secretariat takes it down on the live attendance sheet. */
  "attendance.excuseReason": "staff",
  /** That a member was recused from an item (§18 (5): the minutes record it). */
  "minutes.recusal": "public",
  /** Why a member was recused (the remark recorded with it). */
  "minutes.recusalNote": "committee",
  /** The reason given for an interruption of the meeting (it may concern a person). */
  "minutes.interruptionReason": "committee",
  /** A member's objection to the minutes, and the decision on it. */
  "minutes.objection": "committee",
  /** Who signed the minutes, and when. */
  "minutes.signature": "public",
} as const satisfies Record<string, Audience>;

export type PersonalField = keyof typeof PERSONAL_FIELDS;

/** Whether an audience reads a field. */
export function reads(audience: Audience, field: PersonalField): boolean {
  return WIDTH[audience] >= WIDTH[PERSONAL_FIELDS[field]];
}

/** The widest audience an actor belongs to for a committee's records. */
export function audienceOf(actor: Principal, readership: Readership, committee: CommitteeRef): Audience {
  if (managesBody(actor, committee.bodyId)) return "staff";
  return readership.seats.has(committee.id) ? "committee" : "public";
}
