/** Rules for seats in a committee: roles, voting rights, periods and deputies. Pure functions. */

export const MEMBERSHIP_ROLES = ["chair", "deputy_chair", "member", "deputy", "advisory_member", "minute_taker"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const COMMITTEE_KINDS = ["advisory_council", "advisory_committee", "decision_committee", "working_group"] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

/** Roles that hold a seat of their own; a deputy stands in for one of these. */
export const SEAT_ROLES: readonly MembershipRole[] = ["chair", "deputy_chair", "member"];

/**
 * The voting right a role has unless stated otherwise. Deputies vote only while standing in for a
 * member, so their own seat has none; advisory members and minute-takers never vote.
 */
export function defaultVotingRight(role: MembershipRole): boolean {
  return SEAT_ROLES.includes(role);
}

/** Roles that can never carry a voting right. */
export function mayVote(role: MembershipRole): boolean {
  return role !== "advisory_member" && role !== "minute_taker";
}

/** A period of calendar dates; a missing end means open-ended. Both ends are inclusive. */
export interface Period {
  startDate: string;
  endDate: string | null;
}

/** Whether two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return (b.endDate === null || a.startDate <= b.endDate) && (a.endDate === null || b.startDate <= a.endDate);
}

/** Whether a period includes a date. */
export function periodIncludes(period: Period, date: string): boolean {
  return period.startDate <= date && (period.endDate === null || date <= period.endDate);
}

/** The order seats are listed in: chair first, minute-taker last. */
export function roleOrder(role: MembershipRole): number {
  return MEMBERSHIP_ROLES.indexOf(role);
}
