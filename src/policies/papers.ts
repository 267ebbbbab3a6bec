/**
 * Papers and their attachments. A public paper is for everyone. A non-public one is for the secretariat of
 * its body, admins, and the members of the committees on its route; everyone else learns nothing of it,
 * not even its number. An attachment has the visibility of its paper.
 */
import type { Principal } from "../auth/principal";
import { managesBody, readableCommitteeIds, type Readership } from "./readership";

export interface PaperRef {
  isPublic: boolean;
  bodyId: string;
  consultations: readonly { committeeId: string }[];
}

export function canRead(actor: Principal, readership: Readership, paper: PaperRef): boolean {
  return paper.isPublic || managesBody(actor, paper.bodyId) || paper.consultations.some((c) => readership.seats.has(c.committeeId));
}

/** An attachment is read with its paper. */
export const canReadAttachment = canRead;

/** The Prisma filter of the papers the actor may list. */
export function where(actor: Principal, readership: Readership) {
  const committees = readableCommitteeIds(readership);
  if (committees === null) return {};
  return {
    OR: [
      { isPublic: true },
      ...(actor.kind === "secretariat" ? [{ bodyId: actor.bodyId }] : []),
      { consultations: { some: { committeeId: { in: committees } } } },
    ],
  };
}
