import { canReadNonPublicPart } from "../policies/meetings";
import { actorName } from "../auth/principal";
import { insertRow, updateRow } from "../db/sql";
import { fieldProblem, notFound } from "../errors";
import type { TAttendanceUpdate, TRecusalCreate, TStatementCreate } from "../schemas/outcomes";
import { assertManages } from "./access";
import type { ServiceContext } from "./context";
import { assertRecordOpen, loadMeetingRecord, type MeetingRecord } from "./meeting-record";
import { auditStatement, auditedInsert, newRecordColumns } from "./records";

/** The meeting record for a write by the secretariat, while the record is open. */
export async function recordForWrite(ctx: ServiceContext, meetingId: string) {
  const record = await loadMeetingRecord(ctx, meetingId);
  assertManages(ctx, record.meeting.committee.bodyId);
  assertRecordOpen(record);
  return record;
}

/**
 * The attendance sheet: every seat holder on the day with their record, and the quorum for every item
 * the caller may see (non-public items only for readers of the committee).
 */
export async function attendanceSheet(ctx: ServiceContext, meetingId: string) {
  const record = await loadMeetingRecord(ctx, meetingId);
  const readsNonPublic = canReadNonPublicPart(ctx.actor, await ctx.readership(), {
    id: record.meeting.committeeId,
    bodyId: record.meeting.committee.bodyId,
  });
  const byPerson = new Map(record.attendances.map((a) => [a.personId, a]));
  const people = new Map(record.seats.map((seat) => [seat.personId, seat]));
  const attendance = [...people.values()].map((seat) => {
    const a = byPerson.get(seat.personId);
    return {
      personId: seat.personId,
      name: record.names.get(seat.personId)!,
      role: seat.role,
      status: (a?.status ?? null) as "present" | "remote" | "excused" | "absent" | null,
      excuseReason: a?.excuseReason ?? null,
      standsInForMembershipId: a?.standsInForId ?? null,
      arrivedBeforeItemId: a?.arrivedBeforeItemId ?? null,
      leftBeforeItemId: a?.leftBeforeItemId ?? null,
    };
  });
  const quorum = record.agenda
    .filter((item) => item.withdrawnAt === null && (item.isPublic || readsNonPublic))
    .map((item) => {
      const { quorum } = record.quorumAt(item.id);
      return { itemId: item.id, number: item.number, ...quorum };
    });
  return { meetingId, attendance, quorum };
}

/** Records how one person attended: present, remote, excused with reason, absent; a deputy names whose place they take. */
export async function recordAttendance(ctx: ServiceContext, meetingId: string, personId: string, input: TAttendanceUpdate) {
  const record = await recordForWrite(ctx, meetingId);
  const seat = record.seats.find((s) => s.personId === personId);
  if (!seat) throw fieldProblem("personId", "holds no seat in the committee on the day of the meeting");
  if (input.standsInForMembershipId) {
    const member = record.seats.find((s) => s.id === input.standsInForMembershipId);
    if (seat.role !== "deputy") throw fieldProblem("standsInForMembershipId", "only a deputy stands in for a member");
    if (!member?.votingRight) throw fieldProblem("standsInForMembershipId", "must name the seat of a voting member of the committee");
    if (seat.deputyForId && seat.deputyForId !== member.id)
      throw fieldProblem("standsInForMembershipId", "a personal deputy stands in only for their own member");
    const taken = record.attendances.find((a) => a.standsInForId === member.id && a.personId !== personId);
    if (taken) throw fieldProblem("standsInForMembershipId", "another deputy stands in for this member already", "conflict");
  }
  for (const field of ["arrivedBeforeItemId", "leftBeforeItemId"] as const) {
    const itemId = input[field];
    if (itemId && !record.agenda.some((item) => item.id === itemId)) throw fieldProblem(field, "does not name an item of this meeting");
  }
  const existing = record.attendances.find((a) => a.personId === personId);
  const values = {
    status: input.status,
    excuseReason: input.status === "excused" ? (input.excuseReason ?? null) : null,
    standsInForId: input.standsInForMembershipId ?? null,
    arrivedBeforeItemId: input.arrivedBeforeItemId ?? null,
    leftBeforeItemId: input.leftBeforeItemId ?? null,
  };
  if (existing) {
    const after = { ...existing, ...values, version: existing.version + 1, updatedAt: ctx.now };
    await ctx.db.batch([
      updateRow("Attendance", existing.id, { ...values, version: after.version, updatedAt: ctx.now }),
      auditStatement(ctx, "update", "Attendance", existing.id, existing, after),
    ]);
  } else {
    await ctx.db.batch(auditedInsert(ctx, "Attendance", { ...newRecordColumns(ctx.now), meetingId, personId, ...values }));
  }
  return attendanceSheet(ctx, meetingId);
}

export function itemOf(record: MeetingRecord, itemId: string) {
  const item = record.agenda.find((i) => i.id === itemId);
  if (!item || item.withdrawnAt) throw notFound("Agenda item", itemId);
  return item;
}

export async function meetingOfItem(ctx: ServiceContext, itemId: string) {
  const item = await ctx.db.prisma.agendaItem.findUnique({ where: { id: itemId }, select: { meetingId: true } });
  if (!item) throw notFound("Agenda item", itemId);
  return item.meetingId;
}

/** §18 GemO: a member declares a conflict of interest on an item; the minutes record that they left the room. */
export async function recordRecusal(ctx: ServiceContext, itemId: string, input: TRecusalCreate) {
  const record = await recordForWrite(ctx, await meetingOfItem(ctx, itemId));
  itemOf(record, itemId);
  if (!record.seats.some((s) => s.personId === input.personId))
    throw fieldProblem("personId", "holds no seat in the committee on the day of the meeting");
  if (record.recusals.some((r) => r.itemId === itemId && r.personId === input.personId))
    throw fieldProblem("personId", "has declared a recusal on this item already", "conflict");
  const recusal = {
    id: crypto.randomUUID(),
    meetingId: record.meeting.id,
    itemId,
    personId: input.personId,
    note: input.note ?? null,
    createdAt: ctx.now,
  };
  const name = record.names.get(input.personId)!;
  await ctx.db.batch([
    ...auditedInsert(ctx, "Recusal", recusal),
    insertRow("MinutesEntry", {
      id: crypto.randomUUID(),
      meetingId: record.meeting.id,
      itemId,
      kind: "recusal",
      personId: input.personId,
      text: `${name} erklärt sich für befangen (§ 18 GemO) und verlässt den Sitzungsraum.${input.note ? ` ${input.note}` : ""}`,
      refId: recusal.id,
      actorName: actorName(ctx.actor),
      createdAt: ctx.now,
    }),
  ]);
  return recusal;
}

/** A member's demand that their vote or statement is recorded in the minutes (§38 (1) GemO). */
export async function recordStatement(ctx: ServiceContext, itemId: string, input: TStatementCreate) {
  const record = await recordForWrite(ctx, await meetingOfItem(ctx, itemId));
  itemOf(record, itemId);
  if (!record.seats.some((s) => s.personId === input.personId))
    throw fieldProblem("personId", "holds no seat in the committee on the day of the meeting");
  const name = record.names.get(input.personId)!;
  const entry = {
    id: crypto.randomUUID(),
    meetingId: record.meeting.id,
    itemId,
    kind: "statement",
    personId: input.personId,
    text:
      `${name} verlangt die Aufnahme ${input.kind === "vote" ? "seiner/ihrer Stimmabgabe" : "seiner/ihrer Erklärung"} in ` +
      `die Niederschrift: ${input.text}`,
    refId: null,
    actorName: actorName(ctx.actor),
    createdAt: ctx.now,
  };
  await ctx.db.batch(auditedInsert(ctx, "MinutesEntry", entry));
  return entry;
}
