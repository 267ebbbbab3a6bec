/**
 * The live meeting (Sitzungsdienst): what the clerk records beside the chair, one agenda item at a time. One
 * submission per item writes everything said about it: who came late, who left, who is recused (§18 GemO), the vote
 * and the resolution, a demanded statement (§38 (1)) and the notes for the minutes. It is decided on the record as
 * it will be after the presence changes (so a recusal counts for the vote it precedes) and written in one batch,
 * guarded by what the page was read with: a clerk who saves over another's recording is refused, never silently.
 */
import { attendanceAt, entriesAt } from "../../db/queries/meeting-record";
import type { Statement } from "../../db/database";
import { assertion, atVersion, updateRow, updateVersioned } from "../../db/sql";
import { Problem, fieldProblem } from "../../errors";
import type { AttendanceModel, RecusalModel } from "../../generated/prisma-node/models";
import { allowsResolution, type AgendaItemKind } from "../../rules/agenda";
import { isThereFor } from "../../rules/attendance";
import { resolutionNumber } from "../../rules/resolutions";
import type { TStatementCreate, TVoteCreate } from "../../schemas/outcomes";
import * as meetingPolicy from "../../policies/meetings";
import { assertManages } from "../access";
import type { ServiceContext } from "../context";
import { noteWrite } from "../minutes/minutes";
import { attendanceValues, attendanceWrite, itemOf, recordForWrite, recusalWrite, staleOnCheck, statementWrite } from "./attendance";
import { loadMeetingRecord, meetingRecordOf, type MeetingRecord } from "./meeting-record";
import { decideOnItem, writeVote } from "./votes";

/** What the clerk records about one person for the item: they arrive now, they have left before it, they are recused. */
export const PRESENCE_CHANGES = ["arrives", "leaves", "recused"] as const;
export type PresenceChange = (typeof PRESENCE_CHANGES)[number];

export interface ItemRecording {
  /** The item's fingerprint the page was read with (`liveItem().stamp`). */
  stamp: string;
  /** Presence changes by person. */
  presence: Record<string, PresenceChange>;
  vote?: TVoteCreate | undefined;
  statement?: TStatementCreate | undefined;
  /** The notes for the minutes, if they changed, with the version of the note they were written on (0: none yet). */
  notes?: { text: string; version: number } | undefined;
}

/** The rows of an item's record that a page shows: entries, votes, resolutions and the note. */
async function itemActivity(ctx: ServiceContext, record: MeetingRecord, itemId: string) {
  const [entries, votes, resolutions, note] = await Promise.all([
    ctx.db.prisma.minutesEntry.findMany({ where: { itemId }, orderBy: { createdAt: "asc" } }),
    ctx.db.prisma.vote.findMany({ where: { itemId }, orderBy: { createdAt: "asc" } }),
    ctx.db.prisma.resolution.findMany({ where: { itemId }, orderBy: { serial: "asc" } }),
    record.minutes
      ? ctx.db.prisma.minutesItemNote.findUnique({ where: { minutesId_itemId: { minutesId: record.minutes.id, itemId } } })
      : null,
  ]);
  return { entries, votes, resolutions, note };
}

const stampOf = (record: MeetingRecord, entries: number) => `${record.attendanceStamp}/${entries}`;

/** Who is there for an item: every seat holder but the minute-taker, with whom a deputy stands in for. */
function presenceOf(record: MeetingRecord, itemId: string) {
  const index = record.indexOf.get(itemId)!;
  return record.seats
    .filter((seat) => seat.role !== "minute_taker")
    .map((seat) => {
      const attendance = record.records.find((r) => r.personId === seat.personId);
      const standsInFor = attendance?.standsInFor ? record.seats.find((s) => s.id === attendance.standsInFor) : undefined;
      return {
        personId: seat.personId,
        name: record.names.get(seat.personId)!,
        there: attendance ? isThereFor(attendance, index) : false,
        recused: record.recusals.some((r) => r.itemId === itemId && r.personId === seat.personId),
        standsInFor: standsInFor ? record.names.get(standsInFor.personId)! : null,
      };
    });
}

/** The live overview: the agenda with the quorum and the last result of each item, and the item the chair called. */
export async function liveMeeting(ctx: ServiceContext, meetingId: string) {
  const record = await loadMeetingRecord(ctx, meetingId);
  assertManages(ctx, record.meeting.committee.bodyId);
  const votes = await ctx.db.prisma.vote.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" } });
  const recorded = record.attendances.length > 0;
  const items = record.agenda
    .filter((item) => item.withdrawnAt === null)
    .map((item) => ({
      id: item.id,
      number: item.number,
      title: item.title,
      isPublic: item.isPublic,
      votes: allowsResolution(item.kind as AgendaItemKind),
      quorum: recorded ? record.quorumAt(item.id).quorum : null,
      result: votes.filter((v) => v.itemId === item.id).at(-1)?.explanation ?? null,
    }));
  return { record, items, liveItemId: record.meeting.liveItemId };
}

/** One item as the live page shows it: presence, quorum, what was recorded, the proposed wording, and its neighbours. */
export async function liveItem(ctx: ServiceContext, meetingId: string, itemId: string) {
  const record = await loadMeetingRecord(ctx, meetingId);
  assertManages(ctx, record.meeting.committee.bodyId);
  const item = itemOf(record, itemId);
  const activity = await itemActivity(ctx, record, itemId);
  const open = record.agenda.filter((i) => i.withdrawnAt === null);
  const at = open.findIndex((i) => i.id === itemId);
  const { presence, quorum } = record.quorumAt(itemId);
  const committees = await ctx.db.prisma.committee.findMany({
    where: { bodyId: record.meeting.committee.bodyId, id: { not: record.meeting.committeeId } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return {
    record,
    item,
    previous: open[at - 1] ?? null,
    next: open[at + 1] ?? null,
    people: presenceOf(record, itemId),
    eligible: presence.voters.filter((v) => !v.recused).map((v) => ({ personId: v.personId, name: record.names.get(v.personId)! })),
    quorum,
    recorded: record.attendances.length > 0,
    votes: activity.votes,
    resolutions: activity.resolutions.map((r) => ({
      ...r,
      number: resolutionNumber(record.meeting.committee.shortName, r.year, r.serial),
    })),
    statements: activity.entries.filter((e) => e.kind === "statement" || e.kind === "recusal").map((e) => e.text),
    note: { text: activity.note?.notes ?? "", version: activity.note?.version ?? 0 },
    stamp: stampOf(record, activity.entries.length),
    proposedResolution: item.paper?.proposedResolution ?? null,
    /** Whether a vote is taken under this item (a resolution, an election, the approval of minutes). */
    decides: allowsResolution(item.kind as AgendaItemKind),
    advisory: record.meeting.committee.kind !== "decision_committee",
    recipients: ["Gemeinderat", ...committees.map((c) => c.name)],
  };
}

const stale = () =>
  new Problem("precondition_failed", "Zu diesem Punkt hat inzwischen jemand anderes etwas erfasst; bitte die Angaben prüfen.");

/**
 * The record as it will be once the presence changes are written, and the statements that write them. Field errors
 * name the person's control (`p-<personId>`).
 */
function presenceWrite(ctx: ServiceContext, record: MeetingRecord, itemId: string, changes: Record<string, PresenceChange>) {
  const index = record.indexOf.get(itemId)!;
  const attendances: AttendanceModel[] = [...record.attendances];
  const recusals: RecusalModel[] = [...record.recusals];
  const statements: Statement[] = [];
  for (const [personId, change] of Object.entries(changes)) {
    const field = `p-${personId}`;
    if (change === "recused") {
      const { recusal, statements: written } = recusalWrite(ctx, record, itemId, { personId }, field);
      recusals.push(recusal);
      statements.push(...written);
      continue;
    }
    const existing = attendances.find((a) => a.personId === personId);
    const there = record.records.find((r) => r.personId === personId);
    if (change === "leaves" && !(there && isThereFor(there, index))) throw fieldProblem(field, "ist zu diesem Punkt nicht anwesend");
    if (change === "arrives" && there && isThereFor(there, index)) throw fieldProblem(field, "ist schon anwesend");
    const values = attendanceValues(
      record,
      personId,
      change === "arrives"
        ? {
            status: existing?.status === "remote" ? "remote" : "present",
            standsInForMembershipId: existing?.standsInForId ?? null,
            arrivedBeforeItemId: itemId,
            leftBeforeItemId: null,
          }
        : {
            status: existing!.status as "present" | "remote",
            standsInForMembershipId: existing!.standsInForId,
            arrivedBeforeItemId: existing!.arrivedBeforeItemId,
            leftBeforeItemId: itemId,
          },
      `${field}.`,
    );
    statements.push(...attendanceWrite(ctx, record, personId, values));
    const row = { ...(existing ?? ({ id: crypto.randomUUID(), meetingId: record.meeting.id, personId, version: 1 } as AttendanceModel)) };
    const updated = { ...row, ...values, version: existing ? existing.version + 1 : 1, createdAt: ctx.now, updatedAt: ctx.now };
    attendances.splice(existing ? attendances.indexOf(existing) : attendances.length, existing ? 1 : 0, updated);
  }
  return { after: meetingRecordOf({ ...record.rows, attendances, recusals }), statements };
}

/** What a submission would decide: the vote on the record after its presence changes. Writes nothing. */
export async function previewItem(ctx: ServiceContext, meetingId: string, itemId: string, input: ItemRecording) {
  const record = await recordForWrite(ctx, meetingId);
  const { after } = presenceWrite(ctx, record, itemId, input.presence);
  return {
    quorum: after.quorumAt(itemId).quorum,
    decision: input.vote ? decideOnItem(after, itemId, input.vote) : null,
  };
}

/**
 * Writes one submission of the live page of an item, all or nothing. The item becomes the one the room's display
 * shows. Refused (412) when the attendance or the item's record changed since the page was read, or the note since
 * it was loaded.
 */
export async function recordItem(ctx: ServiceContext, meetingId: string, itemId: string, input: ItemRecording) {
  const record = await recordForWrite(ctx, meetingId);
  const activity = await itemActivity(ctx, record, itemId);
  if (stampOf(record, activity.entries.length) !== input.stamp) throw stale();
  const { after, statements } = presenceWrite(ctx, record, itemId, input.presence);
  const decision = input.vote ? decideOnItem(after, itemId, input.vote) : null;
  if (input.statement) statements.push(...statementWrite(ctx, after, itemId, input.statement).statements);
  if (input.notes && input.notes.text !== (activity.note?.notes ?? "")) {
    if ((activity.note?.version ?? 0) !== input.notes.version)
      throw fieldProblem("notes", "wurden inzwischen anders gespeichert", "precondition_failed");
    statements.push(...notesStatements(ctx, record, activity.note, await noteWrite(ctx, record, itemId, input.notes.text)));
  }
  const guarded = [
    assertion(attendanceAt(record.meeting.id, record.attendanceStamp)),
    assertion(entriesAt(itemId, activity.entries.length)),
    ...statements,
    updateRow("Meeting", record.meeting.id, { liveItemId: itemId }),
  ];
  const written =
    decision && input.vote
      ? await writeVote(ctx, after, input.vote, decision, guarded).catch((error) => staleOnCheck(error, stale))
      : await ctx.db.batch(guarded).then(
          () => null,
          (error) => staleOnCheck(error, stale),
        );
  return { resolution: written?.resolution ?? null, vote: written?.vote ?? null };
}

/**
 * Saves the notes of one item as the clerk types (the page's script), guarded by the version of the note they were
 * written on. Answers the note's new version.
 */
export async function saveNote(ctx: ServiceContext, meetingId: string, itemId: string, text: string, version: number) {
  const record = await recordForWrite(ctx, meetingId);
  itemOf(record, itemId);
  const { note } = await itemActivity(ctx, record, itemId);
  if ((note?.version ?? 0) !== version) throw stale();
  if (note?.notes === text) return { version };
  await ctx.db
    .batch(notesStatements(ctx, record, note, await noteWrite(ctx, record, itemId, text)))
    .catch((error) => staleOnCheck(error, stale));
  return { version: version + 1 };
}

/**
 * A note's statements guarded by the note's version, and the minutes' version raised with them, so that a client of
 * the API holding the minutes at their old version is told that they changed.
 */
function notesStatements(
  ctx: ServiceContext,
  record: MeetingRecord,
  note: { id: string; version: number } | null,
  written: Awaited<ReturnType<typeof noteWrite>>,
): Statement[] {
  return [
    ...(note ? [assertion(atVersion("MinutesItemNote", note.id, note.version))] : []),
    ...written.statements,
    ...(record.minutes ? [updateVersioned("Minutes", record.minutes.id, record.minutes.version, { updatedAt: ctx.now })] : []),
  ];
}

/** Calls an item: the room's display shows it. */
export async function callItem(ctx: ServiceContext, meetingId: string, itemId: string) {
  const record = await recordForWrite(ctx, meetingId);
  itemOf(record, itemId);
  await ctx.db.batch([updateRow("Meeting", meetingId, { liveItemId: itemId })]);
}

/**
 * What the room's display shows: the item the chair called (else the last one voted on) and the last result under
 * it, for whoever looks, through the same policy as the agenda: a non-public item is named only to its readers.
 */
export async function roomDisplay(ctx: ServiceContext, meetingId: string) {
  const record = await loadMeetingRecord(ctx, meetingId);
  const committee = { id: record.meeting.committeeId, bodyId: record.meeting.committee.bodyId };
  const readership = await ctx.readership();
  const lastVote = await ctx.db.prisma.vote.findFirst({ where: { meetingId }, orderBy: { createdAt: "desc" } });
  const current = record.agenda.find((item) => item.id === (record.meeting.liveItemId ?? lastVote?.itemId)) ?? null;
  const readable = current !== null && meetingPolicy.canReadItem(ctx.actor, readership, current, committee);
  // The item's own last result, also when an item decided earlier is called again.
  const vote =
    current && lastVote?.itemId !== current.id
      ? await ctx.db.prisma.vote.findFirst({ where: { itemId: current.id }, orderBy: { createdAt: "desc" } })
      : lastVote;
  const recorded = record.attendances.length > 0;
  return {
    meeting: record.meeting,
    item: current && readable ? { number: current.number, title: current.title } : null,
    nonPublic: current !== null && !readable,
    result: vote && readable ? vote.explanation : null,
    quorum: current && readable && recorded ? record.quorumAt(current.id).quorum : null,
  };
}
