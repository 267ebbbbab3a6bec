import { paths } from "../../addresses";
import { placeOfRow } from "../../rules/meeting";
/**
 * The PDF documents: each gathers its data through the services (so it shows exactly what the caller may
 * see), fills a template and lays it out. Dates come from the data, so the same data gives the same bytes.
 */
import { resolutionLabel } from "../../rules/resolutions";
import * as paperPolicy from "../../policies/papers";
import { canReadNonPublicPart } from "../../policies/meetings";
import { renderPdf, type PdfOptions } from "../../documents/pdf/render-pdf";
import { box, renderTemplate, type TemplateName } from "../../documents/templates";
import type { AppDeps } from "../../deps";
import { Problem, notFound } from "../../errors";
import { berlinDateOf, germanDate, germanDateTimeOf } from "../../rules/calendar";

const day = (instant: Date) => germanDate(berlinDateOf(instant));
import { paperNumber } from "../../rules/papers";
import {
  CONSULTATION_ROLE,
  CONSULTATION_STATE,
  MEMBERSHIP_ROLE,
  MEASURE_STATUS,
  OUTCOME,
  PAPER_TYPE,
  RELATION,
  SIGNER,
  label,
} from "../../documents/labels";
import { getAgenda } from "../meetings/agenda";
import { documentLook } from "./document-settings";
import type { ServiceContext } from "../context";
import { getMeeting } from "../meetings/meeting-lookup";
import { currentOn } from "../people/membership-filters";
import { getMinutes } from "../minutes/minutes";
import { getPaper } from "../papers/papers";
import { progressReport } from "../plan/plan-follow-up";
import { getResolution } from "../meetings/resolutions";
import { resolutionMeasures } from "../plan/trace";
import { integrationReport } from "../plan/integration-report";
import { integrationReportParts } from "../../documents/integration-report";

/** What documents need from the runtime; `baseUrl` is the public address, to print the page of each document. */
export type Documents = Pick<AppDeps, "documents" | "attachments"> & { baseUrl?: string };

/** A document ready to lay out: everything `renderPdf` takes but the fonts. The same input gives the same bytes. */
export type PreparedPdf = Omit<PdfOptions, "fonts">;

/**
 * Fills the body's template (or the default) and adds the body's letterhead, footer and logo: the document up to
 * its layout, which `renderDocument` does.
 */
async function prepare(
  ctx: ServiceContext,
  deps: Documents,
  bodyId: string,
  template: TemplateName,
  view: object,
  meta: DocumentMeta,
): Promise<PreparedPdf> {
  const look = await documentLook(ctx, deps.attachments, bodyId, deps.documents.templates);
  return withLook(look, deps, renderTemplate(look.templates[template], view), meta);
}

type DocumentMeta = Pick<PdfOptions, "title" | "subject" | "author" | "date" | "header" | "footer" | "watermark"> & {
  /** The portal page of the document, its accessible form (pdf-lib writes no tagged PDF). */
  page?: string;
};

/** A document's content with the body's letterhead, footer and logo. */
function withLook(
  look: Awaited<ReturnType<typeof documentLook>>,
  deps: Documents,
  markdown: PdfOptions["markdown"],
  meta: DocumentMeta,
): PreparedPdf {
  const { page, ...options } = meta;
  return {
    markdown,
    ...options,
    header: look.letterhead ? `${look.letterhead} · ${meta.header.split(" · ").slice(1).join(" · ")}` : meta.header,
    footer: look.footer ? `${look.footer} · ${meta.footer}` : meta.footer,
    ...(page && deps.baseUrl ? { link: `Im Netz: ${deps.baseUrl}${page}` } : {}),
    ...(look.logo ? { logo: look.logo } : {}),
  };
}

/**
 * The integration report of a year: the same data as its portal page, the charts drawn as vectors. A draft (only
 * its body's staff read one) is marked as such on every page.
 */
export async function integrationReportDocument(ctx: ServiceContext, deps: Documents, bodyId: string, year: number) {
  const report = await integrationReport(ctx, bodyId, year);
  const look = await documentLook(ctx, deps.attachments, bodyId, deps.documents.templates);
  return withLook(look, deps, integrationReportParts(report), {
    title: report.title,
    subject: `Integrationsbericht ${year}`,
    author: report.body.name,
    date: report.updatedAt,
    header: `${report.body.name} · Integrationsbericht ${year}`,
    footer: report.title,
    ...(report.published ? {} : { watermark: "ENTWURF" }),
    page: paths.integrationReport(year),
  });
}

/** Lays a prepared document out as PDF. */
export async function renderDocument(deps: Documents, prepared: PreparedPdf): Promise<Uint8Array> {
  return renderPdf({ ...prepared, fonts: await deps.documents.fonts() });
}

async function bodyName(ctx: ServiceContext, bodyId: string) {
  return (await ctx.db.prisma.body.findUniqueOrThrow({ where: { id: bodyId } })).name;
}

/** The invitation with agenda; the public gets the public part, the committee everything. */
export async function invitationDocument(ctx: ServiceContext, deps: Documents, meetingId: string) {
  const meeting = await getMeeting(ctx, meetingId);
  const agenda = await getAgenda(ctx, meetingId);
  const full = canReadNonPublicPart(ctx.actor, await ctx.readership(), { id: meeting.committeeId, bodyId: meeting.committee.bodyId });
  const committee = await ctx.db.prisma.committee.findUniqueOrThrow({ where: { id: meeting.committeeId } });
  const invitation = await ctx.db.prisma.invitation.findFirst({ where: { meetingId }, orderBy: { sentAt: "desc" } });
  const seats = full && invitation ? (JSON.parse(invitation.recipients) as { name: string; role: string }[]) : [];
  const chairSeat = await ctx.db.prisma.membership.findFirst({
    where: { committeeId: committee.id, role: "chair", ...currentOn(berlinDateOf(meeting.startsAt)) },
    include: { person: true },
  });
  const item = (i: (typeof agenda.items)[number]) => ({
    number: i.number,
    title: i.title,
    paper: i.paper?.number ?? "",
    withdrawn: i.withdrawn,
  });
  const author = await bodyName(ctx, meeting.committee.bodyId);
  const view = {
    meetingLabel: `${meeting.sequenceNumber}. Sitzung`,
    committeeName: committee.name,
    dateTime: `${germanDateTimeOf(meeting.startsAt)} Uhr`,
    place: placeOfRow(meeting) ?? "wird noch bekannt gegeben",
    emergency: meeting.emergencyReason !== null,
    emergencyReason: meeting.emergencyReason,
    repeatMeeting: meeting.repeatMeeting,
    publicItems: agenda.items.filter((i) => i.isPublic).map(item),
    nonPublicItems: agenda.items.filter((i) => !i.isPublic).map(item),
    hasNonPublic: agenda.items.some((i) => !i.isPublic),
    notice: meeting.emergencyReason
      ? null
      : {
          noticeDays: committee.noticePeriodDays,
          noticeStatement: !invitation
            ? `Die Einladung muss spätestens ` +
              `am ${day(new Date(meeting.startsAt.getTime() - committee.noticePeriodDays * 86_400_000))} versandt werden.`
            : invitation.gapDays >= invitation.noticeDays
              ? `Die Einladung wurde am ${day(invitation.sentAt)} versandt; die Frist ist gewahrt.`
              : `Die Einladung wurde am ${day(invitation.sentAt)} versandt, ${invitation.gapDays} Tage vor der Sitzung. ` +
                `Begründung: ${invitation.lateReason ?? ""}`,
        },
    hasRecipients: seats.length > 0,
    recipients: seats.map((s) => ({ name: s.name, role: label(MEMBERSHIP_ROLE, s.role) })),
    chair: chairSeat
      ? `${[chairSeat.person.title, chairSeat.person.givenName, chairSeat.person.familyName].filter(Boolean).join(" ")}, Vorsitz`
      : committee.name,
  };
  return prepare(ctx, deps, meeting.committee.bodyId, "invitation", view, {
    title: `Einladung ${meeting.title}`,
    subject: `Einladung und Tagesordnung, ${committee.name}`,
    author,
    date: invitation?.sentAt ?? meeting.updatedAt,
    header: `${author} · ${committee.name}`,
    footer: `Einladung zur ${meeting.sequenceNumber}. Sitzung`,
    page: paths.meeting(meeting.id),
  });
}

/**
 * The minutes, public or non-public part. The public part comes from the public variant of the minutes
 * (never a non-public item); the non-public part is for those who read the committee's full minutes.
 */
export async function minutesDocument(ctx: ServiceContext, deps: Documents, meetingId: string, part: "public" | "non-public") {
  const minutes = await getMinutes(ctx, meetingId, part === "public" ? "public" : "full");
  if (part === "non-public" && minutes.variant !== "full") throw notFound("Minutes of meeting", meetingId);
  const meeting = await getMeeting(ctx, meetingId);
  const author = await bodyName(ctx, meeting.committee.bodyId);
  const items = minutes.items.filter((i) => (part === "public" ? i.isPublic : !i.isPublic));
  const view = {
    meetingLabel: `${meeting.sequenceNumber}. Sitzung`,
    committeeName: meeting.committee.name,
    partLabel:
      part === "public"
        ? "Öffentlicher Teil"
        : "Nichtöffentlicher Teil – vertraulich, Abschriften werden nicht ausgegeben (§ 38 Abs. 2 GemO)",
    date: germanDateTimeOf(meeting.startsAt).replace(/ um .*/, ""),
    start: `${minutes.header.startsAt.slice(11, 16)} Uhr`,
    end: minutes.header.endsAt ? `${minutes.header.endsAt.slice(11, 16)} Uhr` : "–",
    interruptions:
      minutes.header.interruptions
        .map((p) => `${p.from.slice(11, 16)}–${p.to.slice(11, 16)} Uhr${p.reason ? ` (${p.reason})` : ""}`)
        .join(", ") || "keine",
    place: minutes.header.place ?? "–",
    chair: minutes.header.chair ?? "–",
    membersPresent: minutes.header.membersPresent,
    present: minutes.header.present.join(", "),
    hasAbsent: minutes.header.absent.length > 0,
    absent: minutes.header.absent,
    hasDeputies: minutes.header.deputies.length > 0,
    deputies: minutes.header.deputies,
    hasRemote: minutes.header.remote.length > 0,
    remote: minutes.header.remote.join(", "),
    hasMovements: minutes.header.lateArrivals.length + minutes.header.earlyDepartures.length > 0,
    movements: [
      ...minutes.header.lateArrivals.map((a) => `${a.name}: anwesend ab ${a.item ?? "–"}`),
      ...minutes.header.earlyDepartures.map((a) => `${a.name}: abwesend ab ${a.item ?? "–"}`),
    ],
    items: items.map((i) => ({
      number: i.number,
      title: i.title,
      withdrawn: i.withdrawn,
      recusals: i.recusals,
      notes: i.notes ?? "",
      votes: i.votes.map((v) => ({
        motion: v.motion,
        yes: v.yes ?? "–",
        no: v.no ?? "–",
        abstain: v.abstain ?? "–",
        result: OUTCOME[v.outcome] ?? v.outcome,
        ballots: v.ballots,
      })),
      resolutions: i.resolutions.map((r) => ({ box: box(`${resolutionLabel(r)} ${r.number}:`, r.text) })),
      statements: i.statements,
    })),
    signatures: minutes.signatures.map((s) => ({
      role: SIGNER[s.role],
      name: s.name,
      signedAt: `${germanDateTimeOf(new Date(s.signedAt))} Uhr${s.onPaper ? " (auf Papier)" : ""}`,
    })),
    missing: minutes.missingSignatures,
  };
  const sealed = minutes.state === "final" || minutes.state === "published";
  const lastSignature = minutes.signatures
    .map((s) => s.signedAt)
    .sort()
    .at(-1);
  return prepare(ctx, deps, meeting.committee.bodyId, "minutes", view, {
    title: `Niederschrift ${meeting.title}${part === "public" ? "" : " (nichtöffentlich)"}`,
    subject: `Niederschrift, ${meeting.committee.name}`,
    author,
    date: lastSignature ? new Date(lastSignature) : meeting.startsAt,
    header: `${author} · ${meeting.committee.name} · Niederschrift${
      part === "public" ? "" : " " + "(nichtöffentlich)"
    }${sealed ? "" : " · ENTWURF"}`,
    footer: `${meeting.sequenceNumber}. Sitzung vom ${day(meeting.startsAt)}`,
    page: part === "public" ? paths.minutes(meeting.id) : paths.meeting(meeting.id),
    ...(sealed ? {} : { watermark: "ENTWURF" }),
  });
}

/** One resolution with its meeting, item, vote, wording and linked measures, addressed to the office that acts on it. */
export async function resolutionExtractDocument(ctx: ServiceContext, deps: Documents, resolutionId: string) {
  const resolution = await getResolution(ctx, resolutionId);
  const linked = await resolutionMeasures(ctx, resolutionId);
  const committee = await ctx.db.prisma.committee.findUniqueOrThrow({ where: { id: resolution.committeeId } });
  const meeting = resolution.meetingId ? await getMeeting(ctx, resolution.meetingId) : null;
  const item = resolution.itemId ? await ctx.db.prisma.agendaItem.findUnique({ where: { id: resolution.itemId } }) : null;
  const itemNumber = meeting && item ? (await getAgenda(ctx, meeting.id)).items.find((i) => i.id === item.id)?.number : undefined;
  const paper = resolution.paperId
    ? await ctx.db.prisma.paper.findUnique({
        where: { id: resolution.paperId },
        include: { consultations: { select: { committeeId: true } } },
      })
    : null;
  const paperReadable = paper !== null && paperPolicy.canRead(ctx.actor, await ctx.readership(), paper);
  const measures = await ctx.db.prisma.measure.findMany({ where: { id: { in: linked.measures.map((m) => m.measureId) } } });
  const author = await bodyName(ctx, committee.bodyId);
  const offices = [...new Set(measures.map((m) => m.responsible).filter(Boolean))];
  const view = {
    number: resolution.number,
    addressee: resolution.recipientBody ?? (offices.length ? offices.join(", ") : "Verwaltung"),
    committeeName: committee.name,
    meeting: meeting ? `${meeting.sequenceNumber}. Sitzung am ${day(meeting.startsAt)}` : "Schriftliches Verfahren (§ 37 Abs. 1 GemO)",
    item: itemNumber && item ? `${itemNumber} ${item.title}` : "–",
    paper: paper && paperReadable ? `${paperNumber(paper.year, paper.serial)} ${paper.title}` : "–",
    vote: resolution.vote ? resolution.vote.explanation : "ohne Abstimmung",
    box: box(`${resolutionLabel(resolution)}:`, resolution.text),
    hasMeasures: linked.measures.length > 0,
    measures: linked.measures.map((m) => ({
      code: m.code,
      title: m.title,
      relation: label(RELATION, m.relation),
      responsible: measures.find((x) => x.id === m.measureId)?.responsible ?? "–",
    })),
    issuer: `Geschäftsstelle ${committee.name}`,
  };
  return prepare(ctx, deps, committee.bodyId, "resolution-extract", view, {
    title: `Beschlussauszug ${resolution.number}`,
    subject: `Beschlussauszug, ${committee.name}`,
    author,
    date: new Date(resolution.createdAt),
    header: `${author} · ${committee.name}`,
    footer: `Beschlussauszug ${resolution.number}`,
    page: paths.resolution(resolution.id),
  });
}

/** The progress report (Sachstandsbericht) of a plan or action field over a period. */
export async function progressReportDocument(
  ctx: ServiceContext,
  deps: Documents,
  planId: string,
  period: { from: string; to: string; actionField?: number },
) {
  if (period.to < period.from)
    throw new Problem("invalid_request", "Der Zeitraum endet, bevor er beginnt.", {
      errors: [{ field: "query.to", reason: "darf nicht vor from liegen" }],
    });
  const report = await progressReport(ctx, planId, period);
  const plan = await ctx.db.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
  const author = await bodyName(ctx, plan.bodyId);
  const view = {
    planTitle: report.plan.title,
    scope: report.actionField ? `Handlungsfeld ${report.actionField.number}: ${report.actionField.title}` : "Alle Handlungsfelder",
    from: germanDate(period.from),
    to: germanDate(period.to),
    byStatus: Object.entries(report.byStatus).map(([status, count]) => ({ status: label(MEASURE_STATUS, status), count })),
    measures: report.measures.map((m) => ({
      code: m.code,
      title: m.title,
      status: label(MEASURE_STATUS, m.status),
      progress: m.progress,
      responsible: m.responsible ?? "–",
      changes: m.changes.map((c) => ({
        date: day(new Date(c.at)),
        change:
          `${c.fromStatus ? label(MEASURE_STATUS, c.fromStatus) : "neu"} → ${label(MEASURE_STATUS, c.toStatus)}, ` +
          `${c.fromProgress ?? 0} % → ${c.toProgress} %`,
        reason: c.reason,
      })),
      resolutions: m.resolutions.map((r) => ({ box: box(`Beschluss ${r.number} (${label(RELATION, r.relation)}):`, r.text) })),
    })),
  };
  return prepare(ctx, deps, plan.bodyId, "progress-report", view, {
    title: `Sachstandsbericht ${report.plan.title}`,
    subject: `Sachstandsbericht ${germanDate(period.from)} bis ${germanDate(period.to)}`,
    author,
    date: new Date(`${period.to}T12:00:00Z`),
    header: `${author} · ${report.plan.title}`,
    footer: `Sachstandsbericht ${germanDate(period.from)} bis ${germanDate(period.to)}`,
    page: paths.plan(planId),
  });
}

/** A paper (Vorlage) with its route, proposed resolution, facts and financial effects, and its attachments. */
export async function paperDocument(ctx: ServiceContext, deps: Documents, paperId: string) {
  const paper = await getPaper(ctx, paperId);
  const author = await bodyName(ctx, paper.bodyId);
  const number = paperNumber(paper.year, paper.serial);
  const view = {
    typeLabel: label(PAPER_TYPE, paper.type),
    number,
    title: paper.title,
    nonPublic: !paper.isPublic,
    hasConsultations: paper.consultations.length > 0,
    consultations: paper.consultations.map((c) => ({
      committee: c.committee.name,
      role: label(CONSULTATION_ROLE, c.role),
      state: label(CONSULTATION_STATE, c.state),
    })),
    proposedResolution: paper.proposedResolution ? box(null, paper.proposedResolution) : null,
    factsAndReasons: paper.factsAndReasons,
    financialEffects: paper.financialEffects,
    hasAttachments: paper.attachments.length > 0,
    attachments: paper.attachments.map((a) => ({ filename: a.filename, size: `${Math.max(1, Math.round(a.size / 1024))} KB` })),
  };
  return prepare(ctx, deps, paper.bodyId, "paper", view, {
    title: `Vorlage ${number}: ${paper.title}`,
    subject: label(PAPER_TYPE, paper.type),
    author,
    date: paper.updatedAt,
    header: `${author} · Vorlage ${number}`,
    footer: `Vorlage ${number}`,
    page: paths.paper(paper.id),
  });
}

type Rendered<A extends unknown[]> = (ctx: ServiceContext, deps: Documents, ...args: A) => Promise<Uint8Array>;
const rendered =
  <A extends unknown[]>(document: (ctx: ServiceContext, deps: Documents, ...args: A) => Promise<PreparedPdf>): Rendered<A> =>
  async (ctx, deps, ...args) =>
    renderDocument(deps, await document(ctx, deps, ...args));

export const invitationPdf = rendered(invitationDocument);
export const minutesPdf = rendered(minutesDocument);
export const resolutionExtractPdf = rendered(resolutionExtractDocument);
export const progressReportPdf = rendered(progressReportDocument);
export const paperPdf = rendered(paperDocument);
export const integrationReportPdf = rendered(integrationReportDocument);
