import { z } from "@hono/zod-openapi";
import type { listOutbox } from "../services/mail/outbox";

export const ZMail = z
  .object({
    id: z.string(),
    kind: z.string().openapi({
      description:
        "invitation, amendment, cancellation, minutes_circulated, signature_request, set_password, reset_password or written_procedure",
    }),
    meetingId: z.string().nullable(),
    personId: z.string().nullable(),
    recipientName: z.string(),
    recipientEmail: z.string(),
    subject: z.string(),
    state: z.enum(["pending", "sending", "sent", "failed"]).openapi({
      description:
        "pending (waiting, or waiting for its next attempt; without SMTP_URL it stays so), sending, sent (to the server), failed",
    }),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastError: z.string().nullable().openapi({ description: "The server's reply or the error of the last failed attempt." }),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Mail");

export const ZMailList = z.object({ items: z.array(ZMail), mailServer: z.boolean() }).openapi("MailList");

export const ZMailListQuery = z.object({ meetingId: z.string().optional().openapi({ description: "Only this meeting's mails." }) });

export const ZAmendmentDispatch = z
  .object({
    changes: z.number().int().openapi({ description: "The agenda changes the amendment tells." }),
    mails: z.number().int().openapi({ description: "Mails put into the outbox." }),
    byPost: z.array(z.object({ personId: z.string(), name: z.string(), byPost: z.enum(["opt_out", "no_address"]) })),
  })
  .openapi("AmendmentDispatch");

type MailLine = Awaited<ReturnType<typeof listOutbox>>[number];

/** What the outbox shows of a mail: never its text (an account mail holds a set-password link). */
export const toMailView = (mail: MailLine): z.infer<typeof ZMail> => ({
  id: mail.id,
  kind: mail.kind,
  meetingId: mail.meetingId,
  personId: mail.personId,
  recipientName: mail.recipientName,
  recipientEmail: mail.recipientEmail,
  subject: mail.subject,
  attempts: mail.attempts,
  lastError: mail.lastError,
  state: mail.state as z.infer<typeof ZMail>["state"],
  nextAttemptAt: mail.nextAttemptAt.toISOString(),
  sentAt: mail.sentAt?.toISOString() ?? null,
  createdAt: mail.createdAt.toISOString(),
});
