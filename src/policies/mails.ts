/**
 * Who sees the outbox, and who is written to. The outbox (recipients, subjects, what became of each mail) is the
 * secretariat's of the body; the texts themselves are not shown, because an account mail holds a set-password link.
 */
import type { Principal } from "../auth/principal";
import { managesBody } from "./readership";

export function canManage(actor: Principal, mail: { bodyId: string }): boolean {
  return managesBody(actor, mail.bodyId);
}

/** A person gets the committee's mails at an address of their own, unless they asked for none (then by post). */
export function receivesMail(person: { email: string | null; mailOptOut: boolean; deletedAt: Date | null }): person is {
  email: string;
  mailOptOut: false;
  deletedAt: null;
} {
  return Boolean(person.email) && !person.mailOptOut && person.deletedAt === null;
}

/** A recipient as the reader of their own mail and its attachment: a member of the body, with their seats. */
export const readerOf = (recipient: { personId: string; bodyId: string; name: string }): Principal => ({
  kind: "member",
  tokenId: `mail:${recipient.personId}`,
  name: recipient.name,
  bodyId: recipient.bodyId,
  personId: recipient.personId,
});
