import { z } from "@hono/zod-openapi";
import { renderMarkdown } from "../documents/markdown";
import type { CommitteeModel, ConsultationModel, PaperAttachmentModel, PaperModel } from "../generated/prisma-node/models";
import { CONSULTATION_ROLES, CONSULTATION_STATES, PAPER_TYPES, paperNumber, type PaperType } from "../rules/papers";
import { nonEmptyPatch, recordMeta, ZCalendarDate, ZId, ZLine, ZRecordMeta } from "./common";

const ZMarkdown = z.string().max(100_000).nullable().optional().openapi({ description: "Markdown; raw HTML is not rendered." });

export const ZAttachment = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha512: z.string().openapi({ description: "Hex SHA-512 of the bytes; also sent as Repr-Digest on download." }),
    url: z.string(),
    createdAt: z.string(),
  })
  .openapi("Attachment");

export const ZConsultation = z
  .object({
    id: z.string(),
    version: z.number().int(),
    committeeId: z.string(),
    committee: z.object({ name: z.string(), shortName: z.string() }),
    position: z.number().int(),
    role: z.enum(CONSULTATION_ROLES),
    state: z.enum(CONSULTATION_STATES),
    meetingId: z.string().nullable(),
  })
  .openapi("Consultation");

export const ZPaper = z
  .object({
    ...ZRecordMeta,
    bodyId: z.string(),
    number: z.string().openapi({ example: "2026/012" }),
    year: z.number().int(),
    title: z.string(),
    type: z.enum(PAPER_TYPES).openapi({ description: "proposal: Beschlussvorlage; information: Informationsvorlage; motion: Antrag." }),
    isPublic: z.boolean(),
    date: z.string().nullable().openapi({ format: "date", description: "The paper's date, as the secretariat set it." }),
    proposedResolution: z.string().nullable(),
    proposedResolutionHtml: z.string().nullable(),
    factsAndReasons: z.string().nullable(),
    factsAndReasonsHtml: z.string().nullable(),
    financialEffects: z.string().nullable(),
    financialEffectsHtml: z.string().nullable(),
    attachments: z.array(ZAttachment),
    consultations: z.array(ZConsultation).openapi({ description: "The route through the committees (Beratungsfolge), in order." }),
  })
  .openapi("Paper");
export type TPaper = z.infer<typeof ZPaper>;

const fields = {
  title: ZLine(500),
  type: z.enum(PAPER_TYPES),
  isPublic: z.boolean().default(true),
  date: ZCalendarDate.nullable().optional().openapi({ description: "Default: the invitation date of its first consultation." }),
  proposedResolution: ZMarkdown,
  factsAndReasons: ZMarkdown,
  financialEffects: ZMarkdown,
};

export const ZPaperCreate = z
  .object({
    bodyId: ZId,
    year: z.number().int().min(1990).max(2100).optional().openapi({ description: "Default: the current year." }),
    ...fields,
  })
  .strict()
  .openapi("PaperCreate");
export type TPaperCreate = z.infer<typeof ZPaperCreate>;

export const ZPaperUpdate = nonEmptyPatch(
  z.object({ ...fields, title: fields.title.optional(), type: fields.type.optional(), isPublic: z.boolean().optional() }).strict(),
).openapi("PaperUpdate");
export type TPaperUpdate = z.infer<typeof ZPaperUpdate>;

export const ZPaperListQuery = z.object({
  bodyId: ZId.optional(),
  year: z.coerce.number().int().optional(),
  type: z.enum(PAPER_TYPES).optional(),
  q: z.string().max(100).optional().openapi({ description: "Part of the title." }),
});

export const ZConsultationCreate = z
  .object({
    committeeId: ZId,
    role: z.enum(CONSULTATION_ROLES),
    state: z.enum(CONSULTATION_STATES).default("pending"),
    meetingId: ZId.nullable().optional(),
    position: z.number().int().min(0).optional().openapi({ description: "Place in the route; default: last." }),
  })
  .strict()
  .openapi("ConsultationCreate");
export type TConsultationCreate = z.infer<typeof ZConsultationCreate>;

export const ZConsultationUpdate = nonEmptyPatch(
  z
    .object({
      role: z.enum(CONSULTATION_ROLES).optional(),
      state: z.enum(CONSULTATION_STATES).optional(),
      meetingId: ZId.nullable().optional(),
    })
    .strict(),
).openapi("ConsultationUpdate");
export type TConsultationUpdate = z.infer<typeof ZConsultationUpdate>;

/** A paper with its attachments and its route through the committees, as stored. */
export type PaperRow = PaperModel & {
  attachments: PaperAttachmentModel[];
  consultations: (ConsultationModel & { committee: Pick<CommitteeModel, "name" | "shortName" | "bodyId"> })[];
};

export function toPaperView(paper: PaperRow): TPaper {
  return {
    ...recordMeta(paper),
    bodyId: paper.bodyId,
    number: paperNumber(paper.year, paper.serial),
    year: paper.year,
    title: paper.title,
    type: paper.type as PaperType,
    isPublic: paper.isPublic,
    date: paper.date,
    proposedResolution: paper.proposedResolution,
    proposedResolutionHtml: renderMarkdown(paper.proposedResolution),
    factsAndReasons: paper.factsAndReasons,
    factsAndReasonsHtml: renderMarkdown(paper.factsAndReasons),
    financialEffects: paper.financialEffects,
    financialEffectsHtml: renderMarkdown(paper.financialEffects),
    attachments: paper.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha512: a.sha512,
      url: `/api/v1/attachments/${a.id}`,
      createdAt: a.createdAt.toISOString(),
    })),
    consultations: paper.consultations.map((c) => ({
      id: c.id,
      version: c.version,
      committeeId: c.committeeId,
      committee: { name: c.committee.name, shortName: c.committee.shortName },
      position: c.position,
      role: c.role as TPaper["consultations"][number]["role"],
      state: c.state as TPaper["consultations"][number]["state"],
      meetingId: c.meetingId,
    })),
  };
}
