import type { Principal } from "../auth/principal";

/**
 * Whose non-public material the actor reads, resolved once per request (see `ServiceContext.readership`):
 * admins every committee's, the secretariat its body's, members those of the committees where they hold a
 * seat today (deputies included), the public none.
 */
export interface Readership {
  /** Committees where the actor holds a seat today. Empty for everyone but members. */
  seats: ReadonlySet<string>;
  /** Committees whose non-public material the actor reads, or "all" for admins. */
  committees: ReadonlySet<string> | "all";
}

/** The readership of anyone without a seat or an office: the public. */
export const PUBLIC_READERSHIP: Readership = { seats: new Set(), committees: new Set() };

/** The data a readership is resolved from. */
export interface ReadershipSource {
  /** Committees where a person holds a seat on a Berlin calendar date. */
  seatsOf(personId: string): Promise<string[]>;
  /** Every committee of a body. */
  committeesOf(bodyId: string): Promise<string[]>;
}

export async function resolveReadership(actor: Principal, source: ReadershipSource): Promise<Readership> {
  switch (actor.kind) {
    case "admin":
      return { seats: new Set(), committees: "all" };
    case "secretariat":
      return { seats: new Set(), committees: new Set(await source.committeesOf(actor.bodyId)) };
    case "member": {
      const seats = new Set(await source.seatsOf(actor.personId));
      return { seats, committees: seats };
    }
    default:
      return PUBLIC_READERSHIP;
  }
}

/** A committee as the policies need it. */
export interface CommitteeRef {
  id: string;
  bodyId: string;
}

/** Whether the actor manages the body: admins every body, the secretariat its own. */
export function managesBody(actor: Principal, bodyId: string): boolean {
  return actor.kind === "admin" || (actor.kind === "secretariat" && actor.bodyId === bodyId);
}

/** Whether the actor reads the non-public material of a committee: its body's staff and its seated members. */
export function readsCommittee(actor: Principal, readership: Readership, committee: CommitteeRef): boolean {
  return managesBody(actor, committee.bodyId) || readership.seats.has(committee.id);
}

/** The committee ids to filter a list by, or null when the actor reads every committee. */
export function readableCommitteeIds(readership: Readership): string[] | null {
  return readership.committees === "all" ? null : [...readership.committees];
}
