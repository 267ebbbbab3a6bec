/**
 * One round of the sender with a runtime's dependencies: the transport, and the invitation PDF rendered for each
 * recipient, with the recipient as the reader, so that it holds what they may read. Both runtimes call it: the Node
 * process from its loop and after writes, the Worker from its Cron Trigger and with `waitUntil` after writes.
 */
import { ANONYMOUS, type Principal } from "../../auth/principal";
import { readerOf } from "../../policies/mails";
import type { AppDeps } from "../../deps";
import { createServiceContext } from "../context";
import { invitationPdf } from "../documents/documents";
import { OUTBOX_RULES, deliverDue } from "./outbox";

const SENDER: Principal = { kind: "admin", tokenId: null, name: "Postausgang" };

/** Sends what is due, a batch at a time, for at most `rounds` batches; answers how many were sent, failed or deferred. */
export async function sendDueMails(deps: AppDeps & { baseUrl: string }, rounds = 10) {
  const total = { sent: 0, failed: 0, retried: 0 };
  for (let round = 0; round < rounds; round++) {
    const tally = await sendBatch(deps, deps.now?.() ?? new Date());
    total.sent += tally.sent;
    total.failed += tally.failed;
    total.retried += tally.retried;
    if (tally.sent + tally.failed + tally.retried < OUTBOX_RULES.batch) break;
  }
  return total;
}

async function sendBatch(deps: AppDeps & { baseUrl: string }, now: Date) {
  const transport = deps.mail?.transport;
  if (!transport || !deps.mail) return { sent: 0, failed: 0, retried: 0 };
  const ctx = createServiceContext(deps.db, SENDER, now);
  return deliverDue(ctx, {
    transport,
    from: deps.mail.from,
    async attachment(mail, attachment) {
      const reader = mail.personId ? readerOf({ personId: mail.personId, bodyId: mail.bodyId, name: mail.recipientName }) : ANONYMOUS;
      const content = await invitationPdf(createServiceContext(deps.db, reader, now), deps, attachment.meetingId);
      return { filename: "Einladung.pdf", contentType: "application/pdf", content };
    },
  });
}
