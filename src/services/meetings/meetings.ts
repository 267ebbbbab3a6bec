import { meetingStateName } from "../../rules/meeting";
import { meetingMails, type MailContext } from "../mail/mails";
import { unscheduleConsultations } from "../../db/queries/meetings";
import { Problem, fieldProblem, notFound } from "../../errors";
import { pageArgs, toPage, type TPageQuery } from "../../db/paging";
import { numberAgenda, standardFrameFor } from "../../rules/agenda";
import { transitionRefusal, type MeetingState } from "../../rules/meeting";
import type { TMeetingCourse, TMeetingCreate, TMeetingTransition, TMeetingUpdate } from "../../schemas/meetings";
import { assertManages } from "../access";
import { assertStarted } from "./meeting-record";
import { agendaOf } from "./agenda";
import { getMeeting } from "./meeting-lookup";
import { getCommittee } from "../people/committees";
import type { ServiceContext } from "../context";
import { auditStatement, auditedInsert, expectVersion, newRecordColumns, updateAudited } from "../records";
import { defaultMeetingTitle, writeNumbered } from "./meeting-numbers";
import { deleteRow, deleteVersioned, updateVersioned } from "../../db/sql";
import { unlinkItemRequests } from "../../db/queries/agenda";

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

/** A meeting with the names of its committee (kept in `meeting-lookup.ts`, also exported here for the pages). */
export { getMeeting };

/**
 * Creates a planned meeting, optionally with the standard frame (without the minutes item at a committee's first
 * meeting). Answers the meeting and its agenda.
 */
export async function createMeeting(ctx: ServiceContext, input: TMeetingCreate) {
  const committee = await getCommittee(ctx, input.committeeId).catch(() => {
    throw fieldProblem("committeeId", "nennt kein bestehendes Gremium");
  });
  assertManages(ctx, committee.bodyId);
  const startsAt = new Date(input.startsAt);
  const hasEarlierMeeting =
    (await ctx.db.prisma.meeting.count({ where: { committeeId: committee.id, state: { not: "cancelled" }, startsAt: { lt: startsAt } } })) >
    0;
  const id = crypto.randomUUID();
  await writeNumbered(ctx, {
    committee,
    meetingId: id,
    startsAt,
    write: (_current, { sequenceNumber, numberYear }) => {
      const meeting = {
        ...newRecordColumns(ctx.now),
        id,
        committeeId: committee.id,
        title: input.title ?? defaultMeetingTitle(sequenceNumber, committee.name),
        sequenceNumber,
        numberYear,
        startsAt,
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        locationName: input.locationName ?? null,
        locationAddress: input.locationAddress ?? null,
        locationRoom: input.locationRoom ?? null,
        locationLatitude: input.locationLatitude ?? null,
        locationLongitude: input.locationLongitude ?? null,
        state: "planned",
        emergencyReason: input.emergencyReason ?? null,
        cancelledReason: null,
        sequence: 0,
        repeatMeeting: input.repeatMeeting,
        startedAt: null,
        endedAt: null,
        interruptions: null,
        liveItemId: null,
      };
      const frame = input.standardFrame && !input.emergencyReason ? standardFrameFor(hasEarlierMeeting) : [];
      const positions = { public: 0, nonPublic: 0 };
      const items = frame.map((item) => ({
        ...newRecordColumns(ctx.now),
        meetingId: id,
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
      return [...auditedInsert(ctx, "Meeting", meeting), ...items.flatMap((item) => auditedInsert(ctx, "AgendaItem", item))];
    },
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
    throw new Problem("conflict", `Eine Sitzung im Stand „${meetingStateName(before.state)}“ kann nicht mehr geändert werden.`);
  }
  const { startsAt, endsAt, ...text } = input;
  const changes = {
    ...text,
    ...(startsAt ? { startsAt: new Date(startsAt) } : {}),
    ...(endsAt !== undefined ? { endsAt: endsAt ? new Date(endsAt) : null } : {}),
  };
  const next = { ...before, ...changes };
  if (next.endsAt && next.endsAt <= next.startsAt) throw fieldProblem("endsAt", "muss nach startsAt liegen");
  const visible = CALENDAR_FIELDS.some((field) => String(before[field]) !== String(next[field]));
  const { committee, minutesState: _minutesState, ...row } = before;
  const stamped = { ...changes, updatedAt: ctx.now, ...(visible ? { sequence: before.sequence + 1 } : {}) };
  if (before.state !== "planned" || !changes.startsAt || changes.startsAt.getTime() === before.startsAt.getTime()) {
    await updateAudited(ctx, "Meeting", row, stamped);
    return getMeeting(ctx, id);
  }
  // A planned meeting on another date takes the number of its place in the date order; once invited, it keeps it.
  await writeNumbered(ctx, {
    committee: { id: before.committeeId, name: committee.name },
    meetingId: id,
    startsAt: changes.startsAt,
    previousYear: before.numberYear,
    write: (current, number) => {
      if (!current) throw notFound("Meeting", id);
      expectVersion(current, version);
      const defaultTitle = !text.title && before.title === defaultMeetingTitle(before.sequenceNumber, committee.name);
      const after = {
        ...stamped,
        ...number,
        ...(defaultTitle ? { title: defaultMeetingTitle(number.sequenceNumber, committee.name) } : {}),
      };
      return [updateVersioned("Meeting", id, version, after), auditStatement(ctx, "update", "Meeting", id, row, { ...row, ...after })];
    },
  });
  return getMeeting(ctx, id);
}

/**
 * Moves a meeting on: held, closed, or cancelled with a reason (mailed to those invited). Invitations go through
 * their own endpoint. `endsNow`: the clerk closes the sitting as it ends (the live screen), so its course is
 * recorded with it: begun at the time invited unless recorded otherwise, ended now.
 */
export async function transitionMeeting(
  ctx: ServiceContext,
  id: string,
  version: number,
  input: TMeetingTransition,
  mail: MailContext,
  endsNow = false,
) {
  const before = await getMeeting(ctx, id);
  assertManages(ctx, before.committee.bodyId);
  expectVersion(before, version);
  const refusal = transitionRefusal(before.state as MeetingState, input.to);
  if (refusal)
    throw new Problem("conflict", `Die Sitzung kann nicht „${meetingStateName(input.to)}“ werden: ${refusal}.`, { state: before.state });
  if (input.to === "held") assertStarted(before, ctx.now);
  if (input.to === "closed") {
    const minutes = await ctx.db.prisma.minutes.findUnique({ where: { meetingId: id }, select: { state: true } });
    if (minutes?.state !== "final" && minutes?.state !== "published") {
      throw new Problem(
        "conflict",
        "Die Sitzung kann noch nicht abgeschlossen werden: das geschieht, wenn ihre Niederschrift endgültig ist (§ 38 GemO).",
        {
          state: before.state,
        },
      );
    }
  }
  const { committee: _committee, minutesState: _minutesState, ...row } = before;
  // Those invited are told of the cancellation, in the same write.
  const cancellation =
    input.to === "cancelled" && before.state === "invited"
      ? (await meetingMails(ctx, mail, before, "cancellation", { reason: input.reason! })).statements
      : [];
  await updateAudited(
    ctx,
    "Meeting",
    row,
    {
      state: input.to,
      sequence: before.sequence + 1,
      ...(input.to === "cancelled" ? { cancelledReason: input.reason! } : {}),
      ...(input.to === "held" && endsNow ? { startedAt: before.startedAt ?? before.startsAt, endedAt: ctx.now } : {}),
    },
    "update",
    cancellation,
  );
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
      "Gelöscht wird nur eine geplante Sitzung, zu der nie eingeladen wurde; " +
        `diese ist im Stand „${meetingStateName(meeting.state)}“: bitte stattdessen absagen.`,
    );
  }
  // Sub-items before their parents, so that no foreign key points at a deleted row; the meeting last, at its version.
  const items = numberAgenda(await ctx.db.prisma.agendaItem.findMany({ where: { meetingId: id } })).sort((a, b) => b.depth - a.depth);
  const { committee, minutesState: _minutesState, ...row } = meeting;
  // The later planned meetings of its year move up into its number.
  await writeNumbered(ctx, {
    committee: { id: meeting.committeeId, name: committee.name },
    meetingId: id,
    startsAt: null,
    previousYear: meeting.numberYear,
    write: (current) => {
      if (!current) throw notFound("Meeting", id);
      expectVersion(current, version);
      return [
        unlinkItemRequests(items.map((item) => item.id)),
        unscheduleConsultations(id),
        ...items.flatMap(({ number: _n, depth: _d, ...item }) => [
          deleteRow("AgendaItem", item.id),
          auditStatement(ctx, "delete", "AgendaItem", item.id, item, null),
        ]),
        auditStatement(ctx, "delete", "Meeting", id, row, null),
        deleteVersioned("Meeting", id, meeting.version),
      ];
    },
  });
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
  if (before.state !== "held")
    throw new Problem(
      "conflict",
      `Der Verlauf wird für eine durchgeführte Sitzung erfasst; diese ist im Stand „${meetingStateName(before.state)}“.`,
    );
  const startedAt = new Date(input.startedAt);
  const endedAt = input.endedAt ? new Date(input.endedAt) : null;
  if (startedAt > ctx.now) throw fieldProblem("startedAt", "liegt in der Zukunft");
  if (endedAt && endedAt <= startedAt) throw fieldProblem("endedAt", "muss nach startedAt liegen");
  if (endedAt && endedAt > ctx.now) throw fieldProblem("endedAt", "liegt in der Zukunft");
  for (const [index, pause] of input.interruptions.entries()) {
    const [from, to] = [new Date(pause.from), new Date(pause.to)];
    if (to <= from) throw fieldProblem(`interruptions.${index}.to`, "muss nach from liegen");
    if (from < startedAt || (endedAt && to > endedAt))
      throw fieldProblem(`interruptions.${index}`, "muss zwischen startedAt und endedAt liegen");
  }
  const { committee: _committee, minutesState: _minutesState, ...row } = before;
  await updateAudited(ctx, "Meeting", row, { startedAt, endedAt, interruptions: JSON.stringify(input.interruptions) });
  return getMeeting(ctx, id);
}
