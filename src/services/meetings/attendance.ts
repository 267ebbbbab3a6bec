import { recusalText } from "../../documents/labels";
import { attendanceSheetAccess } from "../../policies/attendance";
import { canReadNonPublicPart } from "../../policies/meetings";
import { actorName } from "../../auth/principal";
import type { Statement } from "../../db/database";
import { assertion, deleteRow, insertRow, updateRow } from "../../db/sql";
import { attendanceAt } from "../../db/queries/meeting-record";
import { ConstraintError } from "../../db/database";
import { Problem, fieldProblem, notFound } from "../../errors";
import type { TAttendanceSheetUpdate, TAttendanceUpdate, TRecusalCreate, TStatementCreate } from "../../schemas/outcomes";
import { assertManages } from "../access";
import type { ServiceContext } from "../context";
import { assertRecordOpen, loadMeetingRecord, type MeetingRecord } from "./meeting-record";
import { auditStatement, auditedInsert, newRecordColumns } from "../records";

/** The meeting record for a write by the secretariat, while the record is open. */
export async function recordForWrite(ctx: ServiceContext, meetingId: string) {
  const record = await loadMeetingRecord(ctx, meetingId);
  assertManages(ctx, record.meeting.committee.bodyId);
  assertRecordOpen(record, ctx.now);
  return record;
}

/**
 * The attendance sheet: every seat holder on the day with their record, and the quorum for every item
 * the caller may see (non-public items only for readers of the committee).
 */
export async function attendanceSheet(ctx: ServiceContext, meetingId: string) {
  const record = await loadMeetingRecord(ctx, meetingId);
  const committee = { id: record.meeting.committeeId, bodyId: record.meeting.committee.bodyId };
  const readership = await ctx.readership();
  const access = attendanceSheetAccess(ctx.actor, readership, committee);
  if (!access) throw notFound("Meeting", meetingId);
  const readsNonPublic = canReadNonPublicPart(ctx.actor, readership, committee);
  const byPerson = new Map(record.attendances.map((a) => [a.personId, a]));
  const people = new Map(record.seats.map((seat) => [seat.personId, seat]));
  const deputies = record.seats.filter((s) => s.role === "deputy");
  /** Who may stand in for a voting member: their personal deputies, or else the committee's general deputies. */
  const standInsFor = (seat: (typeof record.seats)[number]) => {
    if (!seat.votingRight || seat.role === "deputy") return [];
    const personal = deputies.filter((d) => d.deputyForId === seat.id);
    return (personal.length > 0 ? personal : deputies.filter((d) => d.deputyForId === null)).map((d) => ({
      personId: d.personId,
      name: record.names.get(d.personId)!,
      membershipId: d.id,
    }));
  };
  const attendance = [...people.values()].map((seat) => {
    const a = byPerson.get(seat.personId);
    return {
      personId: seat.personId,
      membershipId: seat.id,
      name: record.names.get(seat.personId)!,
      role: seat.role,
      standIns: standInsFor(seat),
      status: (a?.status ?? null) as "present" | "remote" | "excused" | "absent" | null,
      excuseReason: access === "with_reasons" ? (a?.excuseReason ?? null) : null,
      standsInForMembershipId: a?.standsInForId ?? null,
      arrivedBeforeItemId: a?.arrivedBeforeItemId ?? null,
      leftBeforeItemId: a?.leftBeforeItemId ?? null,
    };
  });
  // Before anyone's attendance is recorded there is nothing to compute: the meeting is not inquorate, it is unrecorded.
  const recorded = record.attendances.length > 0;
  const quorum = record.agenda
    .filter((item) => recorded && item.withdrawnAt === null && (item.isPublic || readsNonPublic))
    .map((item) => {
      const { quorum } = record.quorumAt(item.id);
      return { itemId: item.id, number: item.number, ...quorum };
    });
  return { meetingId, recorded, notice: recorded ? null : "Anwesenheit noch nicht erfasst", attendance, quorum };
}

type AttendanceValues = {
  status: string;
  excuseReason: string | null;
  standsInForId: string | null;
  arrivedBeforeItemId: string | null;
  leftBeforeItemId: string | null;
};

/**
 * Checks one person's attendance against the record and answers the row values. `at` prefixes the fields of
 * errors (for a whole sheet: "entries.3."); `sheet` holds the other entries of the same sheet, whose stand-ins
 * count as taken.
 */
export function attendanceValues(
  record: MeetingRecord,
  personId: string,
  input: TAttendanceUpdate,
  at = "",
  standIns: ReadonlyMap<string, string> = new Map(
    record.attendances.flatMap((a) => (a.standsInForId ? [[a.standsInForId, a.personId]] : [])),
  ),
): AttendanceValues {
  const seat = record.seats.find((s) => s.personId === personId);
  if (!seat) throw fieldProblem(`${at}personId`, "hat am Sitzungstag keinen Sitz im Gremium");
  if (input.standsInForMembershipId) {
    const field = `${at}standsInForMembershipId`;
    const member = record.seats.find((s) => s.id === input.standsInForMembershipId);
    if (seat.role !== "deputy") throw fieldProblem(field, "nur ein Stellvertreter vertritt ein Mitglied");
    if (!member?.votingRight) throw fieldProblem(field, "muss den Sitz eines stimmberechtigten Mitglieds des Gremiums nennen");
    if (seat.deputyForId && seat.deputyForId !== member.id)
      throw fieldProblem(field, "ein persönlicher Stellvertreter vertritt nur sein eigenes Mitglied");
    const taken = standIns.get(member.id);
    if (taken && taken !== personId)
      throw fieldProblem(field, "für dieses Mitglied ist schon ein anderer Stellvertreter eingetragen", "conflict");
  }
  for (const name of ["arrivedBeforeItemId", "leftBeforeItemId"] as const) {
    const itemId = input[name];
    if (itemId && !record.agenda.some((item) => item.id === itemId))
      throw fieldProblem(`${at}${name}`, "nennt keinen Punkt dieser Sitzung");
  }
  return {
    status: input.status,
    excuseReason: input.status === "excused" ? (input.excuseReason ?? null) : null,
    standsInForId: input.standsInForMembershipId ?? null,
    arrivedBeforeItemId: input.arrivedBeforeItemId ?? null,
    leftBeforeItemId: input.leftBeforeItemId ?? null,
  };
}

/** The statements that write one person's attendance: an update of their record, or a new one. */
export function attendanceWrite(ctx: ServiceContext, record: MeetingRecord, personId: string, values: AttendanceValues): Statement[] {
  const existing = record.attendances.find((a) => a.personId === personId);
  if (!existing)
    return auditedInsert(ctx, "Attendance", { ...newRecordColumns(ctx.now), meetingId: record.meeting.id, personId, ...values });
  const after = { ...existing, ...values, version: existing.version + 1, updatedAt: ctx.now };
  return [
    updateRow("Attendance", existing.id, { ...values, version: after.version, updatedAt: ctx.now }),
    auditStatement(ctx, "update", "Attendance", existing.id, existing, after),
  ];
}

/** Records how one person attended: present, remote, excused with reason, absent; a deputy names whose place they take. */
export async function recordAttendance(ctx: ServiceContext, meetingId: string, personId: string, input: TAttendanceUpdate) {
  const record = await recordForWrite(ctx, meetingId);
  await ctx.db.batch(attendanceWrite(ctx, record, personId, attendanceValues(record, personId, input)));
  return attendanceSheet(ctx, meetingId);
}

/**
 * Records the whole sheet in one batch: every seat holder but the deputies gets the default (if given), and the
 * entries override it person by person. Records of people the new sheet leaves out are removed. Either the
 * whole sheet is written or, on any error, nothing. With `stamp` (the `attendanceStamp` the sheet was read with),
 * a sheet that someone else changed meanwhile is refused (412) rather than overwritten.
 */
export async function recordAttendanceSheet(ctx: ServiceContext, meetingId: string, input: TAttendanceSheetUpdate, stamp?: string) {
  const record = await recordForWrite(ctx, meetingId);
  if (stamp !== undefined && stamp !== record.attendanceStamp) throw staleAttendance();
  const sheet = new Map<string, { input: TAttendanceUpdate; at: string }>();
  if (input.default) {
    for (const seat of record.seats.filter((s) => s.role !== "deputy"))
      sheet.set(seat.personId, { input: { status: input.default }, at: "default." });
  }
  for (const [index, entry] of input.entries.entries()) {
    const { personId, ...attendance } = entry;
    if (sheet.get(personId)?.at.startsWith("entries.")) throw fieldProblem(`entries.${index}.personId`, "steht zweimal in der Liste");
    sheet.set(personId, { input: attendance, at: `entries.${index}.` });
  }
  const standIns = new Map(
    [...sheet].flatMap(([personId, { input: a }]) => (a.standsInForMembershipId ? [[a.standsInForMembershipId, personId]] : [])),
  );
  // A deputy stands in for a member who is not there: not beside a member present from start to end.
  for (const [membershipId, deputyId] of standIns) {
    const member = record.seats.find((s) => s.id === membershipId);
    const own = member ? sheet.get(member.personId)?.input : undefined;
    const deputy = sheet.get(deputyId)!;
    if (own && (own.status === "present" || own.status === "remote") && !own.leftBeforeItemId && !deputy.input.arrivedBeforeItemId)
      throw fieldProblem(`${deputy.at}standsInForMembershipId`, "nennt ein Mitglied, das selbst anwesend ist");
  }
  const statements = [...sheet].flatMap(([personId, { input: attendance, at }]) =>
    attendanceWrite(ctx, record, personId, attendanceValues(record, personId, attendance, at, standIns)),
  );
  for (const left of record.attendances.filter((a) => !sheet.has(a.personId))) {
    statements.push(deleteRow("Attendance", left.id), auditStatement(ctx, "delete", "Attendance", left.id, left, null));
  }
  const guarded = stamp === undefined ? statements : [assertion(attendanceAt(meetingId, stamp)), ...statements];
  await ctx.db.batch(guarded).catch((error) => staleOnCheck(error));
  return attendanceSheet(ctx, meetingId);
}

const staleAttendance = () =>
  new Problem("precondition_failed", "Die Anwesenheit wurde inzwischen von jemand anderem erfasst; bitte die Angaben prüfen.");

/** A batch guarded by `assertion` that failed: the record changed between reading and writing, said as `stale` says it. */
export function staleOnCheck(error: unknown, stale: () => Problem = staleAttendance): never {
  if (error instanceof ConstraintError && error.constraint === "check") throw stale();
  throw error;
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
  const { recusal, statements } = recusalWrite(ctx, record, itemId, input);
  await ctx.db.batch(statements);
  return recusal;
}

/** The recusal of one person from one item, checked against the record, and the statements that write it. */
export function recusalWrite(ctx: ServiceContext, record: MeetingRecord, itemId: string, input: TRecusalCreate, field = "personId") {
  itemOf(record, itemId);
  if (!record.seats.some((s) => s.personId === input.personId)) throw fieldProblem(field, "hat am Sitzungstag keinen Sitz im Gremium");
  if (record.recusals.some((r) => r.itemId === itemId && r.personId === input.personId))
    throw fieldProblem(field, "hat sich zu diesem Punkt bereits für befangen erklärt", "conflict");
  const recusal = {
    id: crypto.randomUUID(),
    meetingId: record.meeting.id,
    itemId,
    personId: input.personId,
    note: input.note ?? null,
    createdAt: ctx.now,
  };
  const name = record.names.get(input.personId)!;
  const statements = [
    ...auditedInsert(ctx, "Recusal", recusal),
    insertRow("MinutesEntry", {
      id: crypto.randomUUID(),
      meetingId: record.meeting.id,
      itemId,
      kind: "recusal",
      personId: input.personId,
      text: recusalText(name, input.note ?? null),
      refId: recusal.id,
      actorName: actorName(ctx.actor),
      createdAt: ctx.now,
    }),
  ];
  return { recusal, statements };
}

/** A member's demand that their vote or statement is recorded in the minutes (§38 (1) GemO). */
export async function recordStatement(ctx: ServiceContext, itemId: string, input: TStatementCreate) {
  const record = await recordForWrite(ctx, await meetingOfItem(ctx, itemId));
  const { entry, statements } = statementWrite(ctx, record, itemId, input);
  await ctx.db.batch(statements);
  return entry;
}

/** A demanded statement, checked against the record, and the statements that write it. */
export function statementWrite(ctx: ServiceContext, record: MeetingRecord, itemId: string, input: TStatementCreate) {
  itemOf(record, itemId);
  if (!record.seats.some((s) => s.personId === input.personId)) throw fieldProblem("personId", "hat am Sitzungstag keinen Sitz im Gremium");
  const name = record.names.get(input.personId)!;
  const entry = {
    id: crypto.randomUUID(),
    meetingId: record.meeting.id,
    itemId,
    kind: "statement",
    personId: input.personId,
    text:
      `${name} verlangt, dass ${input.kind === "vote" ? "die eigene Stimmabgabe" : "die eigene Erklärung"} in die ` +
      `Niederschrift aufgenommen wird: ${input.text}`,
    refId: null,
    actorName: actorName(ctx.actor),
    createdAt: ctx.now,
  };
  return { entry, statements: auditedInsert(ctx, "MinutesEntry", entry) };
}
