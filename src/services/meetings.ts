import { findMeeting, unscheduleConsultations, type MeetingWithCommittee } from "../db/queries/meetings";
import { Problem, fieldProblem, notFound } from "../errors";
import { pageArgs, toPage, type TPageQuery } from "../db/paging";
import { numberAgenda, standardFrameFor } from "../rules/agenda";
import { transitionRefusal, type MeetingState } from "../rules/meeting";
import type { TMeetingCourse, TMeetingCreate, TMeetingTransition, TMeetingUpdate } from "../schemas/meetings";
import { assertManages } from "./access";
import { assertStarted } from "./meeting-record";
import { agendaOf } from "./agenda";
import { getCommittee } from "./committees";
import type { ServiceContext } from "./context";
import { auditStatement, auditedInsert, expectVersion, newRecordColumns, updateAudited, withNextNumber } from "./records";
import { assertion, atVersion, deleteRow, deleteVersioned } from "../db/sql";
import { unlinkItemRequests } from "../db/queries/agenda";

const withCommittee = { committee: { select: { name: true, shortName: true, bodyId: true } } } as const;

export async function listMeetings(
  ctx: ServiceContext,
  query: TPageQuery & { committeeId?: string; bodyId?: string; state?: MeetingState; from?: string; to?: string },
) {
  const rows = await ctx.db.prisma.meeting.findMany({
    where: {
      ...(query.committeeId ? { committeeId: query.committeeId } : {}),
      ...(query.bodyId ? { committee: { bodyId: query.bodyId } } : {}),
      ...(query.state ? { state: query.state } : {}),
      ...(query.from || query.to
        ? { startsAt: { ...(query.from ? { gte: new Date(query.from) } : {}), ...(query.to ? { lt: new Date(query.to) } : {}) } }
        : {}),
    },
    include: { ...withCommittee, minutes: { select: { state: true } } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    ...pageArgs(query),
  });
  const page = toPage(rows, query);
  return {
    items: page.items.map(({ minutes, ...meeting }) => ({ ...meeting, minutesState: minutes?.state ?? null })),
    nextCursor: page.nextCursor,
  };
}

/** A meeting with the names of its committee. */
export async function getMeeting(ctx: ServiceContext, id: string): Promise<MeetingWithCommittee> {
  const meeting = await findMeeting(ctx.db, id);
  if (!meeting) throw notFound("Meeting", id);
  return meeting;
}

/**
 * Creates a planned meeting, optionally with the standard frame (without the minutes item at a committee's first
 * meeting). Answers the meeting and its agenda.
 */
export async function createMeeting(ctx: ServiceContext, input: TMeetingCreate) {
  const committee = await getCommittee(ctx, input.committeeId).catch(() => {
    throw fieldProblem("committeeId", "does not name an existing committee");
  });
  assertManages(ctx, committee.bodyId);
  const nextNumber = async () =>
    input.sequenceNumber ??
    ((await ctx.db.prisma.meeting.aggregate({ where: { committeeId: committee.id }, _max: { sequenceNumber: true } }))._max
      .sequenceNumber ?? 0) + 1;

  const startsAt = new Date(input.startsAt);
  const hasEarlierMeeting =
    (await ctx.db.prisma.meeting.count({ where: { committeeId: committee.id, state: { not: "cancelled" }, startsAt: { lt: startsAt } } })) >
    0;
  const id = await withNextNumber(nextNumber, async (sequenceNumber) => {
    const meeting = {
      ...newRecordColumns(ctx.now),
      committeeId: committee.id,
      title: input.title ?? `${sequenceNumber}. Sitzung ${committee.name}`,
      sequenceNumber,
      startsAt: new Date(input.startsAt),
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
      locationName: input.locationName ?? null,
      locationAddress: input.locationAddress ?? null,
      locationRoom: input.locationRoom ?? null,
      state: "planned",
      emergencyReason: input.emergencyReason ?? null,
      cancelledReason: null,
      sequence: 0,
      repeatMeeting: input.repeatMeeting,
      startedAt: null,
      endedAt: null,
      interruptions: null,
    };
    const frame = input.standardFrame && !input.emergencyReason ? standardFrameFor(hasEarlierMeeting) : [];
    const positions = { public: 0, nonPublic: 0 };
    const items = frame.map((item) => ({
      ...newRecordColumns(ctx.now),
      meetingId: meeting.id,
      parentId: null,
      isPublic: item.isPublic,
      position: item.isPublic ? positions.public++ : positions.nonPublic++,
      kind: item.kind,
      title: item.title,
      paperId: null,
      presenter: null,
      durationMinutes: null,
      description: null,
      withdrawnAt: null,
    }));
    await ctx.db.batch([...auditedInsert(ctx, "Meeting", meeting), ...items.flatMap((item) => auditedInsert(ctx, "AgendaItem", item))]);
    return meeting.id;
  }).catch((error) => {
    if (input.sequenceNumber !== undefined && error?.constraint === "unique") {
      throw fieldProblem("sequenceNumber", `the committee has a meeting number ${input.sequenceNumber} already`, "conflict");
    }
    throw error;
  });
  const meeting = await getMeeting(ctx, id);
  return { meeting, agenda: await agendaOf(ctx, meeting) };
}

const CALENDAR_FIELDS = ["title", "startsAt", "endsAt", "locationName", "locationAddress", "locationRoom"] as const;

/** Changes a planned or invited meeting. A change people see in their calendars raises its SEQUENCE. */
export async function updateMeeting(ctx: ServiceContext, id: string, version: number, input: TMeetingUpdate) {
  const before = await getMeeting(ctx, id);
  assertManages(ctx, before.committee.bodyId);
  expectVersion(before, version);
  if (before.state !== "planned" && before.state !== "invited") {
    throw new Problem("conflict", `A ${before.state} meeting cannot be changed.`);
  }
  const { startsAt, endsAt, ...text } = input;
  const changes = {
    ...text,
    ...(startsAt ? { startsAt: new Date(startsAt) } : {}),
    ...(endsAt !== undefined ? { endsAt: endsAt ? new Date(endsAt) : null } : {}),
  };
  const next = { ...before, ...changes };
  if (next.endsAt && next.endsAt <= next.startsAt) throw fieldProblem("endsAt", "must be after startsAt");
  const visible = CALENDAR_FIELDS.some((field) => String(before[field]) !== String(next[field]));
  const { committee: _committee, minutesState: _minutesState, ...row } = before;
  await updateAudited(ctx, "Meeting", row, { ...changes, ...(visible ? { sequence: before.sequence + 1 } : {}) });
  return getMeeting(ctx, id);
}

/** Moves a meeting on: held, closed, or cancelled with a reason. Invitations go through their own endpoint. */
export async function transitionMeeting(ctx: ServiceContext, id: string, version: number, input: TMeetingTransition) {
  const before = await getMeeting(ctx, id);
  assertManages(ctx, before.committee.bodyId);
  expectVersion(before, version);
  const refusal = transitionRefusal(before.state as MeetingState, input.to);
  if (refusal) throw new Problem("conflict", `The meeting cannot become ${input.to}: ${refusal}.`, { state: before.state });
  if (input.to === "held") assertStarted(before, ctx.now);
  if (input.to === "closed") {
    const minutes = await ctx.db.prisma.minutes.findUnique({ where: { meetingId: id }, select: { state: true } });
    if (minutes?.state !== "final" && minutes?.state !== "published") {
      throw new Problem("conflict", "The meeting cannot become closed: it closes when its minutes are final (§38 GemO).", {
        state: before.state,
      });
    }
  }
  const { committee: _committee, minutesState: _minutesState, ...row } = before;
  await updateAudited(ctx, "Meeting", row, {
    state: input.to,
    sequence: before.sequence + 1,
    ...(input.to === "cancelled" ? { cancelledReason: input.reason! } : {}),
  });
  return getMeeting(ctx, id);
}

/**
 * Deletes a planned meeting that was never invited, with its agenda: nobody was told of it, so nothing of it
 * needs to stay. An invited meeting is cancelled instead (409). The audit log keeps what was deleted.
 */
export async function deleteMeeting(ctx: ServiceContext, id: string, version: number) {
  const meeting = await getMeeting(ctx, id);
  assertManages(ctx, meeting.committee.bodyId);
  expectVersion(meeting, version);
  if (meeting.state !== "planned") {
    throw new Problem(
      "conflict",
      `Only a planned meeting that was never invited can be deleted; this one is ${meeting.state}: cancel it instead.`,
    );
  }
  // Sub-items before their parents, so that no foreign key points at a deleted row; the meeting last, at its version.
  const items = numberAgenda(await ctx.db.prisma.agendaItem.findMany({ where: { meetingId: id } })).sort((a, b) => b.depth - a.depth);
  const { committee: _committee, minutesState: _minutesState, ...row } = meeting;
  const unchanged = atVersion("Meeting", id, meeting.version);
  const results = await ctx.db.batch([
    assertion(unchanged),
    unlinkItemRequests(items.map((item) => item.id)),
    unscheduleConsultations(id),
    ...items.flatMap(({ number: _n, depth: _d, ...item }) => [
      deleteRow("AgendaItem", item.id),
      auditStatement(ctx, "delete", "AgendaItem", item.id, item, null),
    ]),
    auditStatement(ctx, "delete", "Meeting", id, row, null),
    deleteVersioned("Meeting", id, meeting.version),
  ]);
  if (results.at(-1) === 0) throw new Problem("precondition_failed", "The meeting was changed in the meantime; reload it.");
}

/**
 * Records the course of a held meeting for its minutes (§38 (1) GemO): when it actually began and ended, and
 * its interruptions. Only once it is held, and only while its minutes are not final; no time lies in the future,
 * the end comes after the beginning, and every interruption lies between them.
 */
export async function recordCourse(ctx: ServiceContext, id: string, version: number, input: TMeetingCourse) {
  const before = await getMeeting(ctx, id);
  assertManages(ctx, before.committee.bodyId);
  expectVersion(before, version);
  if (before.state !== "held") throw new Problem("conflict", `The course is recorded for a held meeting; this one is ${before.state}.`);
  const startedAt = new Date(input.startedAt);
  const endedAt = input.endedAt ? new Date(input.endedAt) : null;
  if (startedAt > ctx.now) throw fieldProblem("startedAt", "lies in the future");
  if (endedAt && endedAt <= startedAt) throw fieldProblem("endedAt", "must be after startedAt");
  if (endedAt && endedAt > ctx.now) throw fieldProblem("endedAt", "lies in the future");
  for (const [index, pause] of input.interruptions.entries()) {
    const [from, to] = [new Date(pause.from), new Date(pause.to)];
    if (to <= from) throw fieldProblem(`interruptions.${index}.to`, "must be after from");
    if (from < startedAt || (endedAt && to > endedAt))
      throw fieldProblem(`interruptions.${index}`, "must lie between startedAt and endedAt");
  }
  const { committee: _committee, minutesState: _minutesState, ...row } = before;
  await updateAudited(ctx, "Meeting", row, { startedAt, endedAt, interruptions: JSON.stringify(input.interruptions) });
  return getMeeting(ctx, id);
}
