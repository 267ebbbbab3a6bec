/**
 * The outbox. Every mail is first a row, written in the same batch as the action that causes it; a sender (a loop on
 * Node, a Cron Trigger and `waitUntil` on Workers) claims due rows, sends them and records the result. A claim is one
 * statement, so a mail is claimed once; a sender that dies leaves a claim that expires. Temporary failures are tried
 * again with backoff, at most `OUTBOX_RULES.attempts` times over about a day; permanent ones mark the mail failed.
 */
import { actorName } from "../../auth/principal";
import type { Statement } from "../../db/database";
import { claimDueMails, underClaim } from "../../db/queries/outbox";
import { guard, insertRow, updateRow } from "../../db/sql";
import { Problem, notFound } from "../../errors";
import type { ComposedMail } from "../../mail/compose";
import { MailDeliveryError, headerValue, type MailAddress, type MailMessage, type MailTransport } from "../../mail/message";
import * as mailPolicy from "../../policies/mails";
import { bodyToManage } from "../access";
import type { ServiceContext } from "../context";
import { auditStatement } from "../records";

const MINUTE = 60_000;

export const OUTBOX_RULES = {
  /** Attempts in all, and the wait after each failed one but the last: 5 min … 12 h, 22 h 50 min in all. */
  attempts: 8,
  retryMinutes: [5, 15, 30, 60, 120, 360, 720],
  /** How long a claim holds: far longer than a send may take (the transports time out after a minute). */
  claimMinutes: 10,
  /** How many mails one round of the sender claims. */
  batch: 10,
} as const;

export type MailKind =
  | "invitation"
  | "amendment"
  | "cancellation"
  | "minutes_circulated"
  | "signature_request"
  | "set_password"
  | "reset_password"
  | "written_procedure";

/** A document attached at sending, rendered for the recipient (so that it holds what they may read, as it is then). */
export type MailAttachment = { kind: "invitation"; meetingId: string };

export interface NewMail {
  bodyId: string;
  kind: MailKind;
  to: MailAddress;
  mail: ComposedMail;
  meetingId?: string | null;
  personId?: string | null;
  attachments?: MailAttachment[];
  /** The recipient may ask for no mail (committee mails; not the mails of their own account). */
  optOut?: boolean;
}

/** The columns of a mail put into the outbox now, to be sent at once. */
const waitingNow = (ctx: ServiceContext) => ({
  state: "pending",
  attempts: 0,
  nextAttemptAt: ctx.now,
  claim: null,
  claimedUntil: null,
  lastError: null,
  sentAt: null,
  createdAt: ctx.now,
  actorName: actorName(ctx.actor),
});

/** The statement that puts a mail into the outbox, to run in the batch of the action that causes it. */
export function queueMail(ctx: ServiceContext, mail: NewMail): Statement {
  return insertRow("OutboxMail", {
    id: crypto.randomUUID(),
    bodyId: mail.bodyId,
    kind: mail.kind,
    meetingId: mail.meetingId ?? null,
    personId: mail.personId ?? null,
    recipientName: headerValue(mail.to.name),
    recipientEmail: mail.to.email,
    subject: mail.mail.subject,
    text: mail.mail.text,
    html: mail.mail.html,
    attachments: JSON.stringify(mail.attachments ?? []),
    optOut: mail.optOut ?? false,
    ...waitingNow(ctx),
  });
}

/** The outbox of a body, newest first, or of one of its meetings: who was sent what, when, and what became of it. */
export async function listOutbox(ctx: ServiceContext, bodyId: string, filter: { meetingId?: string } = {}) {
  // The outbox is the secretariat's of the body (mailPolicy.canManage is that rule); 404 for a body that does not exist.
  await bodyToManage(ctx, bodyId);
  return ctx.db.prisma.outboxMail.findMany({
    where: { bodyId, ...(filter.meetingId ? { meetingId: filter.meetingId } : {}) },
    orderBy: [{ createdAt: "desc" }, { recipientName: "asc" }],
    take: 500,
    select: {
      id: true,
      kind: true,
      meetingId: true,
      personId: true,
      recipientName: true,
      recipientEmail: true,
      subject: true,
      state: true,
      attempts: true,
      nextAttemptAt: true,
      lastError: true,
      sentAt: true,
      createdAt: true,
    },
  });
}

/**
 * How many of a body's mails failed for good and were not sent again since (no later mail of the same kind, meeting
 * and address that has not failed): what the overview warns of.
 */
export async function failedMailCount(ctx: ServiceContext, bodyId: string) {
  if (!mailPolicy.canManage(ctx.actor, { bodyId })) return 0;
  const select = { kind: true, meetingId: true, recipientEmail: true, createdAt: true } as const;
  const failed = await ctx.db.prisma.outboxMail.findMany({ where: { bodyId, state: "failed" }, select });
  if (failed.length === 0) return 0;
  const later = await ctx.db.prisma.outboxMail.findMany({
    where: { bodyId, state: { not: "failed" }, recipientEmail: { in: [...new Set(failed.map((mail) => mail.recipientEmail))] } },
    select,
  });
  const again = (mail: (typeof failed)[number]) =>
    later.some(
      (l) =>
        l.kind === mail.kind && l.meetingId === mail.meetingId && l.recipientEmail === mail.recipientEmail && l.createdAt >= mail.createdAt,
    );
  return failed.filter((mail) => !again(mail)).length;
}

/** Sends a mail once more, as a new mail in the outbox; the old one stays as it was. */
export async function resendMail(ctx: ServiceContext, id: string) {
  const mail = await ctx.db.prisma.outboxMail.findUnique({ where: { id } });
  if (!mail || !mailPolicy.canManage(ctx.actor, mail)) throw notFound("Mail", id);
  if (mail.state === "pending" || mail.state === "sending")
    throw new Problem("conflict", "Diese E-Mail ist noch nicht versandt; sie wird ohnehin gesendet.");
  const copy = { ...mail, id: crypto.randomUUID(), ...waitingNow(ctx) };
  await ctx.db.batch([
    insertRow("OutboxMail", copy),
    auditStatement(ctx, "create", "OutboxMail", copy.id, null, { resendOf: mail.id, kind: mail.kind, to: mail.recipientEmail }),
  ]);
  return copy;
}

/** What the sender needs: the transport, the sender's address, and how to render an attached document. */
export interface Sender {
  transport: MailTransport;
  from: MailAddress;
  attachment(
    mail: { personId: string | null; bodyId: string; recipientName: string },
    attachment: MailAttachment,
  ): Promise<MailMessage["attachments"][number]>;
}

type OutboxRow = NonNullable<Awaited<ReturnType<ServiceContext["db"]["prisma"]["outboxMail"]["findFirst"]>>>;

/** The wait before the next attempt after `attempts` failed ones, or null when none is left. */
export function retryDelay(attempts: number): number | null {
  return attempts >= OUTBOX_RULES.attempts ? null : (OUTBOX_RULES.retryMinutes[attempts - 1] ?? 720) * MINUTE;
}

/** The headers of a mail: an id of its own, the date, that a machine sent it, and how to opt out where one may. */
export function mailHeaders(row: Pick<OutboxRow, "id" | "optOut" | "sentAt">, from: MailAddress, now: Date): Record<string, string> {
  const domain = from.email.split("@").pop() ?? "localhost";
  return {
    "Message-ID": `<${row.id}@${domain}>`,
    Date: now.toUTCString(),
    "Auto-Submitted": "auto-generated",
    ...(row.optOut ? { "List-Unsubscribe": `<mailto:${from.email}?subject=${encodeURIComponent("Keine E-Mails mehr")}>` } : {}),
  };
}

/**
 * One round of the sender: claims the due mails and sends each, recording sent, a later attempt, or failed. Returns
 * how many it sent and how many failed for good. Safe to run in several processes or isolates at once.
 */
export async function deliverDue(ctx: ServiceContext, sender: Sender): Promise<{ sent: number; failed: number; retried: number }> {
  const claim = crypto.randomUUID();
  await ctx.db.batch([claimDueMails(claim, ctx.now, new Date(ctx.now.getTime() + OUTBOX_RULES.claimMinutes * MINUTE), OUTBOX_RULES.batch)]);
  const rows = await ctx.db.prisma.outboxMail.findMany({ where: { claim, state: "sending" }, orderBy: { nextAttemptAt: "asc" } });
  const tally = { sent: 0, failed: 0, retried: 0 };
  for (const row of rows) {
    const outcome = await deliverOne(row, sender, ctx.now);
    const delay = outcome === "sent" || outcome.permanent ? null : retryDelay(row.attempts);
    const state = outcome === "sent" ? "sent" : delay === null ? "failed" : "pending";
    const changes = {
      state,
      claim: null,
      claimedUntil: null,
      lastError: outcome === "sent" ? null : outcome.error,
      ...(state === "sent" ? { sentAt: ctx.now } : {}),
      ...(delay !== null ? { nextAttemptAt: new Date(ctx.now.getTime() + delay) } : {}),
    };
    await ctx.db.batch([guard(updateRow("OutboxMail", row.id, changes), underClaim(claim))]);
    tally[state === "sent" ? "sent" : state === "failed" ? "failed" : "retried"]++;
  }
  return tally;
}

async function deliverOne(row: OutboxRow, sender: Sender, now: Date): Promise<"sent" | { permanent: boolean; error: string }> {
  try {
    const attachments = await Promise.all(
      (JSON.parse(row.attachments) as MailAttachment[]).map((attachment) => sender.attachment(row, attachment)),
    );
    await sender.transport.send({
      from: sender.from,
      to: { name: row.recipientName, email: row.recipientEmail },
      subject: row.subject,
      text: row.text,
      html: row.html,
      headers: mailHeaders(row, sender.from, now),
      attachments,
    });
    return "sent";
  } catch (error) {
    const permanent = error instanceof MailDeliveryError && error.permanent;
    return { permanent, error: headerValue(error instanceof Error ? error.message : String(error)).slice(0, 500) };
  }
}
