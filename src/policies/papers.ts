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

/**
 * Whether an agenda item shows its paper: a deleted paper never; a non-public paper only to a reader of the
 * meeting's non-public part (the committee and the secretariat), even on a public item.
 */
export function showsPaperOnItem(paper: { isPublic: boolean; deletedAt?: Date | null }, readsNonPublicPart: boolean): boolean {
  return !paper.deletedAt && (paper.isPublic || readsNonPublicPart);
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

/** What a text says in place of a withdrawn paper's title. */
export const WITHDRAWN_PAPER = "(zurückgezogene Vorlage)";

/**
 * Whether a reader must not read a paper's title where a text names it (an agenda item's title and description, a
 * vote's motion): the paper was withdrawn (deleted, or taken out of the public) and the reader does not read the
 * meeting's non-public part, unless an invitation published the title while the paper was public: what was published
 * stays as it was.
 */
export function hidesTitle(
  paper: { id: string; isPublic: boolean; deletedAt: Date | null },
  readsNonPublic: boolean,
  published: ReadonlySet<string>,
): boolean {
  if (published.has(paper.id)) return false;
  return paper.deletedAt !== null || (!paper.isPublic && !readsNonPublic);
}

/** A text with every mention of a title, in any case, replaced by WITHDRAWN_PAPER. */
export function withoutTitle(text: string, title: string): string {
  const needle = title.trim();
  if (!needle) return text;
  return text.replace(new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu"), WITHDRAWN_PAPER);
}
