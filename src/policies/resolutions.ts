/**
 * Resolutions and recommendations. A public one is for everyone. A non-public one is for those who read
 * its committee, until it is announced at a public meeting (§35 (1) GemO): then its wording, committee,
 * meeting date and vote result are public, and nothing else that is non-public (its paper and item stay
 * with their own policies).
 */
import type { Principal } from "../auth/principal";
import { readableCommitteeIds, readsCommittee, type CommitteeRef, type Readership } from "./readership";

export interface ResolutionRef {
  isPublic: boolean;
  announcedAt: Date | null;
}

export function canRead(actor: Principal, readership: Readership, resolution: ResolutionRef, committee: CommitteeRef): boolean {
  return resolution.isPublic || resolution.announcedAt !== null || readsCommittee(actor, readership, committee);
}

/**
 * Whether the actor reads the non-public context of a resolution (its item and the deliberation), not
 * only its announced wording.
 */
export function canReadContext(actor: Principal, readership: Readership, resolution: ResolutionRef, committee: CommitteeRef): boolean {
  return resolution.isPublic || readsCommittee(actor, readership, committee);
}

/** The Prisma filter of the resolutions the actor may list. */
export function where(readership: Readership) {
  const committees = readableCommitteeIds(readership);
  if (committees === null) return {};
  return { OR: [{ isPublic: true }, { announcedAt: { not: null } }, { committeeId: { in: committees } }] };
}
