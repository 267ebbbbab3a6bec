import { z } from "@hono/zod-openapi";
import { CONSULTATION_ROLES, CONSULTATION_STATES, PAPER_TYPES } from "../rules/papers";
import { ZId, ZRecordMeta, ZText, nonEmptyPatch } from "./common";

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
  title: ZText(500),
  type: z.enum(PAPER_TYPES),
  isPublic: z.boolean().default(true),
  proposedResolution: ZMarkdown,
  factsAndReasons: ZMarkdown,
  financialEffects: ZMarkdown,
};

export const ZPaperCreate = z
  .object({ bodyId: ZId, year: z.number().int().min(1990).max(2100).optional().openapi({ description: "Default: the current year." }), ...fields })
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
  z.object({ role: z.enum(CONSULTATION_ROLES).optional(), state: z.enum(CONSULTATION_STATES).optional(), meetingId: ZId.nullable().optional() }).strict(),
).openapi("ConsultationUpdate");
export type TConsultationUpdate = z.infer<typeof ZConsultationUpdate>;
