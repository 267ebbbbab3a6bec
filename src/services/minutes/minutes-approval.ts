/**
 * How the committee approves its minutes (§38 GemO): members file objections while the minutes are circulated and
 * the secretariat records the committee's decision; the chair, two members who took part and the minute-taker sign.
 */
import { atVersion, guard, updateVersioned } from "../../db/sql";
import { Problem, fieldProblem, notFound } from "../../errors";
import * as minutesPolicy from "../../policies/minutes";
import { managesBody } from "../../policies/readership";
import type { SignatureRole } from "../../rules/minutes";
import type { ServiceContext } from "../context";
import { assertStarted, chairingSeat, loadMeetingRecord, type MeetingRecord } from "../meetings/meeting-record";
import { getMinutes, isSealed, minutesForWrite, minutesOfRecord, sealedProblem } from "./minutes";
import { auditStatement, auditedInsert } from "../records";

/** A member files an objection (Einwendung) while the minutes are circulated. */
export async function fileObjection(ctx: ServiceContext, meetingId: string, text: string) {
  if (ctx.actor.kind !== "member") throw new Problem("forbidden", "Einwände erheben Mitglieder des Gremiums mit ihrem eigenen Zugang.");
  const record = await loadMeetingRecord(ctx, meetingId);
  const personId = ctx.actor.personId;
  if (!minutesPolicy.canActAsMember(ctx.actor, (id) => record.seats.some((s) => s.personId === id))) {
    throw new Problem("forbidden", "Nur Mitglieder des Gremiums erheben Einwände gegen seine Niederschrift.");
  }
  if (record.minutes?.state !== "circulated")
    throw new Problem("conflict", "Einwände werden erhoben, solange die Niederschrift im Umlauf ist.");
  const objection = {
    id: crypto.randomUUID(),
    minutesId: record.minutes.id,
    personId,
    text,
    filedAt: ctx.now,
    decision: null,
    decisionNote: null,
    decidedAt: null,
    version: 1,
  };
  await ctx.db.batch(auditedInsert(ctx, "MinutesObjection", objection));
  return getMinutes(ctx, meetingId);
}

/** Records the committee's decision on an objection. */
export async function decideObjection(
  ctx: ServiceContext,
  objectionId: string,
  decision: "accepted" | "rejected",
  note: string | undefined,
) {
  const objection = await ctx.db.prisma.minutesObjection.findUnique({ where: { id: objectionId }, include: { minutes: true } });
  if (!objection) throw notFound("Objection", objectionId);
  const record = await minutesForWrite(ctx, objection.minutes.meetingId);
  if (isSealed(record.minutes)) throw sealedProblem();
  if (objection.decision) throw new Problem("conflict", `Das Gremium hat über diesen Einwand bereits entschieden (${objection.decision}).`);
  const { minutes: _m, ...before } = objection;
  const after = { ...before, decision, decisionNote: note ?? null, decidedAt: ctx.now, version: before.version + 1 };
  const results = await ctx.db.batch([
    guard(
      auditStatement(ctx, "update", "MinutesObjection", before.id, before, after),
      atVersion("MinutesObjection", before.id, before.version),
    ),
    updateVersioned("MinutesObjection", before.id, before.version, { decision, decisionNote: note ?? null, decidedAt: ctx.now }),
  ]);
  if (results.at(-1) === 0) throw new Problem("precondition_failed", "Über den Einwand wurde inzwischen entschieden.");
  return getMinutes(ctx, objection.minutes.meetingId);
}

/**
 * Who may sign the minutes, and as what (§38 (2) GemO): the chair or deputy chair who took part as chair, everyone
 * who took part as a member, the minute-taker as minute-taker. The same rules as `signMinutes` checks.
 */
export function signersOf(record: MeetingRecord) {
  const tookPart = (personId: string) =>
    record.attendances.some((a) => a.personId === personId && (a.status === "present" || a.status === "remote"));
  const chair = chairingSeat(record)?.personId;
  return record.seats.flatMap((seat) => {
    const roles: SignatureRole[] = [];
    if (seat.role === "minute_taker") roles.push("minute_taker");
    else if (seat.personId === chair) roles.push("chair");
    else if (tookPart(seat.personId)) roles.push("member");
    return roles.length ? [{ personId: seat.personId, name: record.names.get(seat.personId)!, roles }] : [];
  });
}

/**
 * The circulated minutes a member may sign or object to, with what they may still do: the page of the members' area.
 * Not found for anyone else.
 */
export async function minutesForMember(ctx: ServiceContext, meetingId: string) {
  if (ctx.actor.kind !== "member") throw notFound("Minutes", meetingId);
  const record = await loadMeetingRecord(ctx, meetingId);
  const personId = ctx.actor.personId;
  if (!record.seats.some((s) => s.personId === personId) || !record.minutes || record.minutes.state === "draft")
    throw notFound("Minutes", meetingId);
  const [minutes, signed] = await Promise.all([
    minutesOfRecord(ctx, record),
    ctx.db.prisma.minutesSignature.findMany({ where: { minutesId: record.minutes.id, personId } }),
  ]);
  const circulating = record.minutes.state === "circulated";
  const roles = signersOf(record).find((s) => s.personId === personId)?.roles ?? [];
  return {
    meeting: record.meeting,
    minutes,
    mayObject: circulating,
    signRoles: circulating && signed.length === 0 ? roles : [],
    signed: signed.map((s) => s.role as SignatureRole),
  };
}

/** A signature: the person's own (a member signing with their access) or one given on paper, recorded by the secretariat. */
export interface SignatureInput {
  role: SignatureRole;
  /** For a signature on paper: who signed, and when. */
  personId?: string | undefined;
  signedAt?: string | undefined;
}

/**
 * Signs the circulated minutes as chair, member or minute-taker. A member signs themselves, with their own
 * access, now; the secretariat records a signature given on paper, naming who signed and when (not before the
 * meeting began, not in the future). A member signatory must have taken part in the meeting.
 */
export async function signMinutes(ctx: ServiceContext, meetingId: string, input: SignatureInput) {
  const record = await loadMeetingRecord(ctx, meetingId);
  const onPaper = managesBody(ctx.actor, record.meeting.committee.bodyId);
  if (!onPaper && ctx.actor.kind !== "member")
    throw new Problem("forbidden", "Nur die unterzeichnende Person selbst unterschreibt, mit ihrem eigenen Zugang.");
  const personId = onPaper ? input.personId : ctx.actor.kind === "member" ? ctx.actor.personId : undefined;
  if (!onPaper && ((input.personId && input.personId !== personId) || input.signedAt)) {
    throw new Problem(
      "forbidden",
      "Ein Mitglied unterschreibt nur für sich selbst und nur jetzt; Unterschriften auf Papier erfasst die Geschäftsstelle.",
    );
  }
  if (!personId) throw fieldProblem("personId", "ist für eine Unterschrift auf Papier erforderlich");
  if (onPaper && !input.signedAt) throw fieldProblem("signedAt", "ist für eine Unterschrift auf Papier erforderlich");
  const signedAt = onPaper ? new Date(input.signedAt!) : ctx.now;
  const minutes = record.minutes;
  if (minutes?.state !== "circulated")
    throw new Problem("conflict", "Unterschrieben wird, wenn die Niederschrift im Umlauf und noch nicht endgültig ist.");
  assertStarted(record.meeting, ctx.now);
  if (signedAt < record.meeting.startsAt) throw fieldProblem("signedAt", "liegt vor dem Beginn der Sitzung");
  if (signedAt > ctx.now) throw fieldProblem("signedAt", "liegt in der Zukunft");
  const seat = record.seats.find((s) => s.personId === personId);
  const attendance = record.attendances.find((a) => a.personId === personId);
  const tookPart = attendance?.status === "present" || attendance?.status === "remote";
  if (!seat) throw new Problem("forbidden", "Nur ein Mitglied des Gremiums unterschreibt seine Niederschrift.");
  const { role } = input;
  if (role === "minute_taker" && seat.role !== "minute_taker")
    throw fieldProblem("role", "nur die Schriftführung unterschreibt als Schriftführung");
  if (role === "chair" && chairingSeat(record)?.personId !== personId)
    throw fieldProblem("role", "als Vorsitz unterschreibt, wer die Sitzung geleitet hat (der Vorsitz, sonst die Stellvertretung)");
  if (role !== "minute_taker" && !tookPart) throw fieldProblem("role", "die unterzeichnende Person war bei der Sitzung nicht anwesend");
  const signature = { id: crypto.randomUUID(), minutesId: minutes.id, role, personId, signedAt, onPaper };
  await ctx.db.batch(auditedInsert(ctx, "MinutesSignature", signature)).catch((error) => {
    if ((error as { constraint?: string }).constraint === "unique")
      throw new Problem("conflict", "Die Person hat diese Niederschrift bereits unterschrieben.");
    throw error;
  });
  return getMinutes(ctx, meetingId);
}
