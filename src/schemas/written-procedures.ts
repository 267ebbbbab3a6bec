import { z } from "@hono/zod-openapi";
import type { WrittenObjectionModel, WrittenProcedureModel } from "../generated/prisma-node/models";
import { writtenProcedureOutcome } from "../rules/voting";
import { ZInstant, ZOptionalText, ZText } from "./common";

export const ZWrittenProcedure = z
  .object({
    id: z.string(),
    version: z.number().int(),
    committeeId: z.string(),
    motion: z.string(),
    text: z.string(),
    deadline: z.string(),
    objections: z.array(z.object({ personId: z.string(), note: z.string().nullable(), filedAt: z.string() })),
    outcome: z.enum(["pending", "adopted", "failed"]),
    resolutionId: z.string().nullable(),
  })
  .openapi("WrittenProcedure");

export const ZWrittenProcedureCreate = z.object({ motion: ZText(2000), text: ZText(50_000), deadline: ZInstant }).strict();
export const ZWrittenObjectionCreate = z.object({ note: ZOptionalText(2000) }).strict();

/** A written procedure with its objections and its outcome at `now`. */
export function toWrittenProcedureView(procedure: WrittenProcedureModel & { objections: WrittenObjectionModel[] }, now: Date) {
  return {
    id: procedure.id,
    version: procedure.version,
    committeeId: procedure.committeeId,
    motion: procedure.motion,
    text: procedure.text,
    deadline: procedure.deadline.toISOString(),
    objections: procedure.objections.map((o) => ({ personId: o.personId, note: o.note, filedAt: o.filedAt.toISOString() })),
    outcome: writtenProcedureOutcome(procedure.objections.length, now >= procedure.deadline),
    resolutionId: procedure.resolutionId,
  };
}
