import { hexDigest } from "../../digest";
import * as paperPolicy from "../../policies/papers";
import { Problem, fieldProblem, notFound } from "../../errors";
import { pageArgs, toPage, type TPageQuery } from "../../db/paging";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, cleanFilename, essenceOf, matchesSignature } from "../../rules/attachments";
import { berlinDateOf } from "../../rules/calendar";
import type { ConsultationState, PaperType } from "../../rules/papers";
import type { TConsultationCreate, TConsultationUpdate, TPaperCreate, TPaperUpdate } from "../../schemas/papers";
import type { AttachmentStore, Bytes } from "../../storage";
import { assertManages, bodyForWrite } from "../access";
import type { ServiceContext } from "../context";
import { auditedInsert, expectVersion, insertAudited, newRecordColumns, updateAudited, withNextNumber } from "../records";
import type { Statement } from "../../db/database";

const paperInclude = {
  attachments: { orderBy: { createdAt: "asc" } },
  consultations: { orderBy: { position: "asc" }, include: { committee: { select: { name: true, shortName: true, bodyId: true } } } },
} as const;

export async function listPapers(
  ctx: ServiceContext,
  query: TPageQuery & { bodyId?: string; year?: number; type?: PaperType; q?: string; committeeId?: string; state?: ConsultationState },
) {
  const visibility = paperPolicy.where(ctx.actor, await ctx.readership());
  const rows = await ctx.db.prisma.paper.findMany({
    where: {
      deletedAt: null,
      ...visibility,
      ...(query.bodyId ? { bodyId: query.bodyId } : {}),
      ...(query.year ? { year: query.year } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.q ? { title: { contains: query.q } } : {}),
      ...(query.committeeId || query.state
        ? {
            consultations: {
              some: { ...(query.committeeId ? { committeeId: query.committeeId } : {}), ...(query.state ? { state: query.state } : {}) },
            },
          }
        : {}),
    },
    include: paperInclude,
    orderBy: [{ year: "desc" }, { serial: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  return toPage(rows, query);
}

export async function getPaper(ctx: ServiceContext, id: string) {
  const paper = await ctx.db.prisma.paper.findFirst({ where: { id, deletedAt: null }, include: paperInclude });
  if (!paper || !paperPolicy.canRead(ctx.actor, await ctx.readership(), paper)) throw notFound("Paper", id);
  return paper;
}

/** Creates a paper with the next number of its body's register for the year. */
/** Creates a paper with the next number of its year; `alongside`: statements (about the new paper) in the same batch. */
export async function createPaper(ctx: ServiceContext, input: TPaperCreate, alongside: (paperId: string) => Statement[] = () => []) {
  await bodyForWrite(ctx, input.bodyId);
  const year = input.year ?? Number(berlinDateOf(ctx.now).slice(0, 4));
  const next = async () =>
    ((await ctx.db.prisma.paper.aggregate({ where: { bodyId: input.bodyId, year }, _max: { serial: true } }))._max.serial ?? 0) + 1;
  const paper = await withNextNumber(next, async (serial) => {
    const row = {
      ...newRecordColumns(ctx.now),
      bodyId: input.bodyId,
      year,
      serial,
      title: input.title,
      type: input.type,
      isPublic: input.isPublic,
      proposedResolution: input.proposedResolution ?? null,
      factsAndReasons: input.factsAndReasons ?? null,
      financialEffects: input.financialEffects ?? null,
      date: input.date ?? null,
      deletedAt: null,
    };
    await ctx.db.batch([...auditedInsert(ctx, "Paper", row), ...alongside(row.id)]);
    return row;
  });
  return getPaper(ctx, paper.id);
}

async function paperForWrite(ctx: ServiceContext, id: string) {
  const paper = await ctx.db.prisma.paper.findFirst({ where: { id, deletedAt: null } });
  if (!paper) throw notFound("Paper", id);
  assertManages(ctx, paper.bodyId);
  return paper;
}

export async function updatePaper(ctx: ServiceContext, id: string, version: number, input: TPaperUpdate) {
  const before = await paperForWrite(ctx, id);
  expectVersion(before, version);
  await updateAudited(ctx, "Paper", before, input);
  return getPaper(ctx, id);
}

/** Soft-deletes a paper that no agenda refers to. */
export async function deletePaper(ctx: ServiceContext, id: string, version: number) {
  const before = await paperForWrite(ctx, id);
  expectVersion(before, version);
  const onAgenda = await ctx.db.prisma.agendaItem.count({ where: { paperId: id } });
  if (onAgenda > 0)
    throw new Problem("conflict", `Die Vorlage steht auf ${onAgenda} Tagesordnungspunkt(en); sie bleibt für die Akten erhalten.`);
  await updateAudited(ctx, "Paper", before, { deletedAt: ctx.now }, "delete");
}

/** Adds a committee to the paper's route (Beratungsfolge). */
export async function addConsultation(ctx: ServiceContext, paperId: string, input: TConsultationCreate) {
  const paper = await paperForWrite(ctx, paperId);
  const committee = await ctx.db.prisma.committee.findFirst({ where: { id: input.committeeId, bodyId: paper.bodyId, deletedAt: null } });
  if (!committee) throw fieldProblem("committeeId", "nennt kein Gremium der Körperschaft der Vorlage");
  if (input.meetingId) await assertMeetingOf(ctx, input.meetingId, committee.id);
  const count = await ctx.db.prisma.consultation.count({ where: { paperId } });
  await insertAudited(ctx, "Consultation", {
    ...newRecordColumns(ctx.now),
    paperId,
    committeeId: committee.id,
    meetingId: input.meetingId ?? null,
    position: input.position ?? count,
    role: input.role,
    state: input.state,
  });
  return getPaper(ctx, paperId);
}

async function assertMeetingOf(ctx: ServiceContext, meetingId: string, committeeId: string) {
  const meeting = await ctx.db.prisma.meeting.findUnique({ where: { id: meetingId } });
  if (!meeting || meeting.committeeId !== committeeId) throw fieldProblem("meetingId", "nennt keine Sitzung dieses Gremiums");
}

export async function updateConsultation(ctx: ServiceContext, id: string, version: number, input: TConsultationUpdate) {
  const before = await ctx.db.prisma.consultation.findUnique({ where: { id } });
  if (!before) throw notFound("Consultation", id);
  await paperForWrite(ctx, before.paperId);
  expectVersion(before, version);
  if (input.meetingId) await assertMeetingOf(ctx, input.meetingId, before.committeeId);
  await updateAudited(ctx, "Consultation", before, input);
  return getPaper(ctx, before.paperId);
}

/** Stores a file for a paper: allowed types only, within the size limit, with its SHA-512. */
export async function addAttachment(
  ctx: ServiceContext,
  store: AttachmentStore,
  paperId: string,
  file: { filename: string; contentType: string | undefined; bytes: Bytes },
) {
  await paperForWrite(ctx, paperId);
  const contentType = essenceOf(file.contentType);
  if (!ATTACHMENT_TYPES[contentType]) {
    throw new Problem(
      "unsupported_media_type",
      `Anlagen können PDF, Bilder oder Office-Dokumente sein, nicht ${contentType || "Daten ohne Typ"}.`,
      {
        errors: [{ field: "Content-Type", reason: `muss einer dieser Typen sein: ${Object.keys(ATTACHMENT_TYPES).join(", ")}` }],
      },
    );
  }
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
    throw new Problem("payload_too_large", `Eine Anlage darf höchstens ${MAX_ATTACHMENT_BYTES} Bytes groß sein.`);
  if (file.bytes.byteLength === 0) throw fieldProblem("body", "die Datei ist leer", "invalid_request");
  if (!matchesSignature(contentType, file.bytes)) throw fieldProblem("body", `der Inhalt ist keine ${ATTACHMENT_TYPES[contentType]}-Datei`);
  const id = crypto.randomUUID();
  const storageKey = `papers/${paperId}/${id}`;
  // The bytes go first: a failed store leaves no record pointing at nothing.
  await store.put(storageKey, file.bytes, contentType);
  await insertAudited(ctx, "PaperAttachment", {
    id,
    paperId,
    filename: cleanFilename(file.filename),
    contentType,
    size: file.bytes.byteLength,
    sha512: await hexDigest("SHA-512", file.bytes),
    storageKey,
    createdAt: ctx.now,
  });
  return getPaper(ctx, paperId);
}

/** An attachment and its bytes, if the caller may read its paper. */
export async function getAttachment(ctx: ServiceContext, store: AttachmentStore, id: string) {
  const attachment = await ctx.db.prisma.paperAttachment.findUnique({ where: { id } });
  if (!attachment) throw notFound("Attachment", id);
  await getPaper(ctx, attachment.paperId).catch(() => {
    throw notFound("Attachment", id);
  });
  const bytes = await store.get(attachment.storageKey);
  if (!bytes) throw new Problem("internal", "Die Datei der Anlage fehlt im Speicher.");
  return { attachment, bytes };
}
