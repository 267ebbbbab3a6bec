/**
 * The mails a committee sends, composed from the body's templates (or Gremium's) at the moment of the action, so that
 * the outbox keeps what went out. Each recipient's mail holds what that recipient may read, decided by the policies
 * with the recipient as the reader.
 */
import { paths } from "../../addresses";
import type { Statement } from "../../db/database";
import type { MeetingWithCommittee } from "../../db/queries/meetings";
import type { MailTemplateName, Templates } from "../../documents/templates";
import { composeMail } from "../../mail/compose";
import { readerOf, receivesMail } from "../../policies/mails";
import { canReadNonPublicPart } from "../../policies/meetings";
import { berlinDateOf, dateOf, germanDateTimeOf } from "../../rules/calendar";
import { placeOfRow } from "../../rules/meeting";
import { displayName } from "../../schemas/people";
import { createServiceContext, type ServiceContext } from "../context";
import { agendaOf } from "../meetings/agenda";
import { bodyTemplates } from "../documents/document-settings";
import { currentOn } from "../people/membership-filters";
import { queueMail, type MailKind } from "./outbox";

/** What composing a mail needs beyond the data: Gremium's templates and the address the links point to. */
export interface MailContext {
  templates: Templates;
  baseUrl: string;
}

/** The body's own template of a mail where it has one, Gremium's otherwise. */
async function templateOf(ctx: ServiceContext, mail: MailContext, bodyId: string, name: MailTemplateName): Promise<string> {
  return (await bodyTemplates(ctx, bodyId, mail.templates))[name];
}

async function bodyNameOf(ctx: ServiceContext, bodyId: string) {
  return (await ctx.db.prisma.body.findUniqueOrThrow({ where: { id: bodyId }, select: { name: true } })).name;
}

export interface Recipient {
  personId: string;
  name: string;
  role: string;
  email: string | null;
  /** Why the person gets no mail and is written to by post: they asked for none, or have no address. */
  byPost: "opt_out" | "no_address" | null;
}

/** The seat holders of a committee on the day of a meeting, each once, with how they are reached. */
export async function meetingRecipients(ctx: ServiceContext, meeting: Pick<MeetingWithCommittee, "committeeId" | "startsAt">) {
  const seats = await ctx.db.prisma.membership.findMany({
    where: { committeeId: meeting.committeeId, ...currentOn(berlinDateOf(meeting.startsAt)) },
    include: { person: true },
  });
  const byPerson = new Map<string, Recipient>();
  for (const seat of seats) {
    if (byPerson.has(seat.personId) || seat.person.deletedAt) continue;
    byPerson.set(seat.personId, {
      personId: seat.personId,
      name: displayName(seat.person),
      role: seat.role,
      email: seat.person.email,
      byPost: receivesMail(seat.person) ? null : seat.person.mailOptOut ? "opt_out" : "no_address",
    });
  }
  return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name, "de"));
}

async function chairOf(ctx: ServiceContext, meeting: MeetingWithCommittee) {
  const seat = await ctx.db.prisma.membership.findFirst({
    where: { committeeId: meeting.committeeId, role: "chair", ...currentOn(berlinDateOf(meeting.startsAt)) },
    include: { person: true },
  });
  return seat ? `${displayName(seat.person)}, Vorsitz` : meeting.committee.name;
}

type MeetingMailKind = Extract<MailKind, "invitation" | "amendment" | "cancellation">;
const MEETING_TEMPLATE: Record<MeetingMailKind, MailTemplateName> = {
  invitation: "mail-invitation",
  amendment: "mail-amendment",
  cancellation: "mail-cancellation",
};

/**
 * The mails of a meeting to every seat holder with an address: the invitation (with the agenda the recipient may
 * read and the invitation PDF rendered for them), an amendment (the changes the recipient may read) or the
 * cancellation. Returns the statements that queue them, and who is written to by post.
 */
export async function meetingMails(
  ctx: ServiceContext,
  mail: MailContext,
  meeting: MeetingWithCommittee,
  kind: MeetingMailKind,
  extra: { reason?: string; changes?: { summary: string; isPublic: boolean }[] } = {},
): Promise<{ statements: Statement[]; recipients: Recipient[] }> {
  const recipients = await meetingRecipients(ctx, meeting);
  const template = await templateOf(ctx, mail, meeting.committee.bodyId, MEETING_TEMPLATE[kind]);
  const committee = { id: meeting.committeeId, bodyId: meeting.committee.bodyId };
  const agendas = new Map<boolean, Awaited<ReturnType<typeof agendaOf>>>();
  const common = {
    committeeName: meeting.committee.name,
    meetingLabel: `${meeting.sequenceNumber}. Sitzung`,
    date: dateOf(meeting.startsAt),
    dateTime: `${germanDateTimeOf(meeting.startsAt)} Uhr`,
    place: placeOfRow(meeting) ?? "wird noch bekannt gegeben",
    meetingUrl: `${mail.baseUrl}${paths.meeting(meeting.id)}`,
    chair: await chairOf(ctx, meeting),
    reason: extra.reason ?? "",
  };
  const statements: Statement[] = [];
  for (const recipient of recipients) {
    if (recipient.byPost || !recipient.email) continue;
    const reader = createServiceContext(ctx.db, readerOf({ ...recipient, bodyId: committee.bodyId }), ctx.now);
    const full = canReadNonPublicPart(reader.actor, await reader.readership(), committee);
    if (kind === "invitation" && !agendas.has(full)) agendas.set(full, await agendaOf(reader, meeting));
    const items = (agendas.get(full)?.items ?? []).map((item) => ({
      number: item.number,
      title: item.withdrawn ? `${item.title} (abgesetzt)` : item.title,
      paper: item.paper?.number ?? "",
      isPublic: item.isPublic,
    }));
    const changes = (extra.changes ?? []).filter((change) => change.isPublic || full);
    if (kind === "amendment" && changes.length === 0) continue;
    const composed = composeMail(template, {
      ...common,
      recipientName: recipient.name,
      publicItems: items.filter((item) => item.isPublic),
      nonPublicItems: items.filter((item) => !item.isPublic),
      hasNonPublic: items.some((item) => !item.isPublic),
      changes,
    });
    statements.push(
      queueMail(ctx, {
        bodyId: committee.bodyId,
        kind,
        meetingId: meeting.id,
        personId: recipient.personId,
        to: { name: recipient.name, email: recipient.email },
        mail: composed,
        attachments: kind === "cancellation" ? [] : [{ kind: "invitation", meetingId: meeting.id }],
        optOut: true,
      }),
    );
  }
  return { statements, recipients };
}

/**
 * The circulation of the minutes: to every seat holder, the link and until when objections can be made; to those
 * who sign (the chair, the minute-taker and the members who took part), the request to sign instead.
 */
export async function minutesMails(
  ctx: ServiceContext,
  mail: MailContext,
  meeting: MeetingWithCommittee,
  signers: ReadonlyMap<string, "chair" | "member" | "minute_taker">,
  deadline: string,
): Promise<Statement[]> {
  const bodyId = meeting.committee.bodyId;
  const [recipients, templates, bodyName] = await Promise.all([
    meetingRecipients(ctx, meeting),
    bodyTemplates(ctx, bodyId, mail.templates),
    bodyNameOf(ctx, bodyId),
  ]);
  const roleNames = { chair: "Vorsitz", member: "Mitglied, das an der Sitzung teilgenommen hat", minute_taker: "Schriftführung" };
  return recipients.flatMap((recipient) => {
    if (recipient.byPost || !recipient.email) return [];
    const role = signers.get(recipient.personId);
    const composed = composeMail(templates[role ? "mail-signature-request" : "mail-minutes-circulated"], {
      recipientName: recipient.name,
      committeeName: meeting.committee.name,
      meetingLabel: `${meeting.sequenceNumber}. Sitzung`,
      date: dateOf(meeting.startsAt),
      minutesUrl: `${mail.baseUrl}${paths.minutes(meeting.id)}`,
      deadline,
      role: role ? roleNames[role] : "",
      bodyName,
    });
    return [
      queueMail(ctx, {
        bodyId,
        kind: role ? "signature_request" : "minutes_circulated",
        meetingId: meeting.id,
        personId: recipient.personId,
        to: { name: recipient.name, email: recipient.email },
        mail: composed,
        optOut: true,
      }),
    ];
  });
}

/** A written procedure (§ 37 (1) GemO) to every seat holder of the committee today: the motion and the deadline. */
export async function writtenProcedureMails(
  ctx: ServiceContext,
  mail: MailContext,
  committee: { id: string; name: string; bodyId: string },
  procedure: { id: string; motion: string; text: string; deadline: Date },
): Promise<Statement[]> {
  const [recipients, template, bodyName] = await Promise.all([
    meetingRecipients(ctx, { committeeId: committee.id, startsAt: ctx.now }),
    templateOf(ctx, mail, committee.bodyId, "mail-written-procedure"),
    bodyNameOf(ctx, committee.bodyId),
  ]);
  return recipients.flatMap((recipient) =>
    recipient.byPost || !recipient.email
      ? []
      : [
          queueMail(ctx, {
            bodyId: committee.bodyId,
            kind: "written_procedure",
            personId: recipient.personId,
            to: { name: recipient.name, email: recipient.email },
            mail: composeMail(template, {
              recipientName: recipient.name,
              committeeName: committee.name,
              motion: procedure.motion,
              text: procedure.text,
              deadline: `${germanDateTimeOf(procedure.deadline)} Uhr`,
              url: `${mail.baseUrl}/mitglieder`,
              bodyName,
            }),
            optOut: true,
          }),
        ],
  );
}

/** The link to set a new account's password, or a forgotten one; always to the account's own address. */
export async function accountMail(
  ctx: ServiceContext,
  mail: MailContext,
  account: { bodyId: string; email: string; personId: string | null },
  kind: "set_password" | "reset_password",
  link: { path: string; expiresAt: Date },
): Promise<Statement> {
  const [template, bodyName, person] = await Promise.all([
    templateOf(ctx, mail, account.bodyId, kind === "set_password" ? "mail-set-password" : "mail-reset-password"),
    bodyNameOf(ctx, account.bodyId),
    account.personId ? ctx.db.prisma.person.findUnique({ where: { id: account.personId } }) : null,
  ]);
  const name = person ? displayName(person) : account.email;
  return queueMail(ctx, {
    bodyId: account.bodyId,
    kind,
    personId: account.personId,
    to: { name, email: account.email },
    mail: composeMail(template, {
      recipientName: name,
      email: account.email,
      bodyName,
      link: `${mail.baseUrl}${link.path}`,
      validUntil: `${germanDateTimeOf(link.expiresAt)} Uhr`,
    }),
  });
}
