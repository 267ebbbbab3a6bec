import { z } from "@hono/zod-openapi";
import type { TermModel } from "../generated/prisma-node/models";
import { endNotBeforeStart, endNotBeforeStartIssue, nonEmptyPatch, recordMeta, ZCalendarDate, ZId, ZLine, ZRecordMeta } from "./common";

export const ZTerm = z
  .object({
    ...ZRecordMeta,
    bodyId: z.string(),
    committeeId: z.string().nullable().openapi({ description: "Set when the term belongs to one committee rather than the council." }),
    name: z.string().openapi({ example: "Wahlperiode 2024–2029" }),
    startDate: z.string().openapi({ format: "date" }),
    endDate: z.string().nullable().openapi({ format: "date" }),
  })
  .openapi("Term");
export type TTerm = z.infer<typeof ZTerm>;

export const ZTermCreate = z
  .object({
    bodyId: ZId,
    committeeId: ZId.nullable().optional(),
    name: ZLine(100),
    startDate: ZCalendarDate,
    endDate: ZCalendarDate.nullable().optional(),
  })
  .strict()
  .refine(endNotBeforeStart, endNotBeforeStartIssue)
  .openapi("TermCreate");
export type TTermCreate = z.infer<typeof ZTermCreate>;

export const ZTermUpdate = nonEmptyPatch(
  z.object({ name: ZLine(100).optional(), startDate: ZCalendarDate.optional(), endDate: ZCalendarDate.nullable().optional() }).strict(),
)
  .refine(endNotBeforeStart, endNotBeforeStartIssue)
  .openapi("TermUpdate");
export type TTermUpdate = z.infer<typeof ZTermUpdate>;

export const ZTermListQuery = z.object({ bodyId: ZId.optional(), committeeId: ZId.optional() });

export const toTermView = (term: TermModel): TTerm => ({
  ...recordMeta(term),
  bodyId: term.bodyId,
  committeeId: term.committeeId,
  name: term.name,
  startDate: term.startDate,
  endDate: term.endDate,
});
