import { germanDateTimeOf } from "../../rules/calendar";
import * as writtenProcedurePolicy from "../../policies/written-procedures";
import { actorName } from "../../auth/principal";
import { Problem, fieldProblem, notFound } from "../../errors";
import { berlinDateOf } from "../../rules/calendar";
import { writtenProcedureOutcome } from "../../rules/voting";
import { toWrittenProcedureView } from "../../schemas/written-procedures";
import { assertManages } from "../access";
import { getCommittee } from "../people/committees";
import type { ServiceContext } from "../context";
import { currentOn } from "../people/membership-filters";
import { resolutionNumber } from "../../rules/resolutions";
import { atVersion, guard, updateVersioned } from "../../db/sql";
import { auditStatement, auditedInsert, newRecordColumns, withNextNumber } from "../records";
import { writtenProcedureMails, type MailContext } from "../mail/mails";

async function load(ctx: ServiceContext, id: string) {
  const procedure = await ctx.db.prisma.writtenProcedure.findUnique({
    where: { id },
    include: { objections: { orderBy: { filedAt: "asc" } } },
  });
  if (!procedure) throw notFound("Written procedure", id);
  const committee = await getCommittee(ctx, procedure.committeeId);
  return { procedure, committee };
}

/** §37 (1) GemO: puts a simple motion to the members in writing; it passes if nobody objects by the deadline. */
export async function startWrittenProcedure(
  ctx: ServiceContext,
  committeeId: string,
  input: { motion: string; text: string; deadline: string },
  mail: MailContext,
) {
  const committee = await getCommittee(ctx, committeeId);
  assertManages(ctx, committee.bodyId);
  const deadline = new Date(input.deadline);
  if (deadline <= ctx.now) throw fieldProblem("deadline", "muss in der Zukunft liegen");
  const procedure = {
    ...newRecordColumns(ctx.now),
    committeeId,
    motion: input.motion,
    text: input.text,
    deadline,
    resolutionId: null,
    actorName: actorName(ctx.actor),
  };
  // The members learn of it by mail, in the same write.
  await ctx.db.batch([
    ...auditedInsert(ctx, "WrittenProcedure", procedure),
    ...(await writtenProcedureMails(ctx, mail, committee, procedure)),
  ]);
  return toWrittenProcedureView({ ...procedure, objections: [] }, ctx.now);
}

export async function getWrittenProcedure(ctx: ServiceContext, id: string) {
  const { procedure, committee } = await load(ctx, id);
  if (!writtenProcedurePolicy.canRead(ctx.actor, await ctx.readership(), committee)) {
    throw notFound("Written procedure", id);
  }
  return toWrittenProcedureView(procedure, ctx.now);
}

/** A voting member objects before the deadline; one objection ends the procedure. */
export async function objectToWrittenProcedure(ctx: ServiceContext, id: string, note: string | undefined) {
  if (ctx.actor.kind !== "member") throw new Problem("forbidden", "Mitglieder widersprechen mit ihrem eigenen Zugang.");
  const personId = ctx.actor.personId;
  const { procedure } = await load(ctx, id);
  if (ctx.now >= procedure.deadline) throw new Problem("conflict", "Die Frist für Widersprüche ist abgelaufen.");
  const seat = await ctx.db.prisma.membership.findFirst({
    where: { committeeId: procedure.committeeId, personId, ...currentOn(berlinDateOf(ctx.now)) },
    orderBy: { votingRight: "desc" },
  });
  if (!writtenProcedurePolicy.canObject(ctx.actor, seat))
    throw new Problem("forbidden", "Nur stimmberechtigte Mitglieder des Gremiums widersprechen.");
  await ctx.db
    .batch(
      auditedInsert(ctx, "WrittenObjection", { id: crypto.randomUUID(), procedureId: id, personId, note: note ?? null, filedAt: ctx.now }),
    )
    .catch((error) => {
      if ((error as { constraint?: string }).constraint === "unique") throw new Problem("conflict", "Sie haben bereits widersprochen.");
      throw error;
    });
  return getWrittenProcedure(ctx, id);
}

/** After the deadline: records the resolution if nobody objected. */
export async function concludeWrittenProcedure(ctx: ServiceContext, id: string) {
  const { procedure, committee } = await load(ctx, id);
  assertManages(ctx, committee.bodyId);
  const outcome = writtenProcedureOutcome(procedure.objections.length, ctx.now >= procedure.deadline);
  if (outcome === "pending") throw new Problem("conflict", `Widersprüche sind bis ${germanDateTimeOf(procedure.deadline)} Uhr möglich.`);
  if (procedure.resolutionId) throw new Problem("conflict", "Das Verfahren ist bereits abgeschlossen.");
  if (outcome === "failed") return { ...toWrittenProcedureView(procedure, ctx.now), resolutionNumber: null };
  const year = Number(berlinDateOf(ctx.now).slice(0, 4));
  const next = async () =>
    ((await ctx.db.prisma.resolution.aggregate({ where: { committeeId: committee.id, year }, _max: { serial: true } }))._max.serial ?? 0) +
    1;
  const number = await withNextNumber(next, async (serial) => {
    const resolution = {
      ...newRecordColumns(ctx.now),
      committeeId: committee.id,
      year,
      serial,
      meetingId: null,
      itemId: null,
      paperId: null,
      voteId: null,
      text: procedure.text,
      kind: "resolution",
      recipientBody: null,
      isPublic: true,
      followUp: "open",
      supersededById: null,
      announcedAt: null,
      announcedMeetingId: null,
    };
    const { objections: _objections, ...before } = procedure;
    const results = await ctx.db.batch([
      ...[
        ...auditedInsert(ctx, "Resolution", resolution),
        auditStatement(ctx, "update", "WrittenProcedure", id, before, { ...before, resolutionId: resolution.id }),
      ].map((s) => guard(s, atVersion("WrittenProcedure", id, procedure.version))),
      updateVersioned("WrittenProcedure", id, procedure.version, { resolutionId: resolution.id, updatedAt: ctx.now }),
    ]);
    if (results.at(-1) === 0) throw new Problem("conflict", "Das Verfahren wurde inzwischen abgeschlossen.");
    return resolutionNumber(committee.shortName, year, serial);
  });
  return { ...(await getWrittenProcedure(ctx, id)), resolutionNumber: number };
}

/** The written procedures of a body's committees, newest deadline first, for its secretariat. */
export async function listWrittenProcedures(ctx: ServiceContext, bodyId: string) {
  assertManages(ctx, bodyId);
  const committees = await ctx.db.prisma.committee.findMany({ where: { bodyId }, select: { id: true, name: true } });
  const procedures = await ctx.db.prisma.writtenProcedure.findMany({
    where: { committeeId: { in: committees.map((c) => c.id) } },
    include: { objections: { orderBy: { filedAt: "asc" } } },
    orderBy: { deadline: "desc" },
    take: 200,
  });
  return procedures.map((procedure) => ({
    ...toWrittenProcedureView(procedure, ctx.now),
    committee: committees.find((c) => c.id === procedure.committeeId)!.name,
  }));
}
