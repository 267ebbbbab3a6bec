import { meetingStateName, notYetStarted, placeOfRow } from "../../rules/meeting";
import { minutesStateName } from "../../rules/minutes";
import * as minutesPolicy from "../../policies/minutes";
import * as paperPolicy from "../../policies/papers";
import { findPublishedPapers } from "../../db/queries/agenda";
import { diffLines } from "diff";
import { actorName } from "../../auth/principal";
import { atVersion, guard, insertRow, updateVersioned } from "../../db/sql";
import type { MinutesModel } from "../../generated/prisma-node/models";
import { renderMarkdown } from "../../documents/markdown";
import { Problem, fieldProblem, notFound } from "../../errors";
import { berlinDateOf, berlinIsoOf, dateOf } from "../../rules/calendar";
import { minutesMails, type MailContext } from "../mail/mails";
import { minutesDueDate, minutesTransitionRefusal, missingSignatures, type MinutesState, type SignatureRole } from "../../rules/minutes";
import { assertManages } from "../access";
import type { ServiceContext } from "../context";
import { chairingSeat, loadMeetingRecord, type MeetingRecord } from "../meetings/meeting-record";
import { resolutionLabel, resolutionNumber } from "../../rules/resolutions";
import { auditStatement, newRecordColumns } from "../records";
import { reads, type Audience } from "../../policies/personal-data";
import { absenceLabel, recusalText } from "../../documents/labels";
import { pageArgs, toPage, type TPageQuery } from "../../db/paging";
import { berlinYear } from "../periods";

/** The order of the signature block: chair, members, minute-taker. */
const SIGNATURE_ORDER: SignatureRole[] = ["chair", "member", "minute_taker"];

export const isSealed = (minutes: MinutesModel | null) => minutes?.state === "final" || minutes?.state === "published";

/** Which variant of the minutes a caller may read, if any. */
async function readableVariant(ctx: ServiceContext, record: MeetingRecord): Promise<"full" | "public" | null> {
  return minutesPolicy.variantFor(
    ctx.actor,
    await ctx.readership(),
    { id: record.meeting.committeeId, bodyId: record.meeting.committee.bodyId },
    record.minutes?.state,
  );
}

/**
 * Why the caller reads no minutes: they are not yet published (the public learns that much, since meetings
 * are public), or there are none yet.
 */
function unreadableMinutes(record: MeetingRecord) {
  const meetingId = record.meeting.id;
  if (record.minutes) {
    return new Problem("not_found", `Die Niederschrift der Sitzung ${meetingId} ist noch nicht veröffentlicht.`, {
      minutesStatus: "not_published",
    });
  }
  return new Problem("not_found", `Zur Sitzung ${meetingId} gibt es noch keine Niederschrift.`, { minutesStatus: "none" });
}

/**
 * The minutes of a meeting, computed from what was recorded: header (date, place, times, chair,
 * members present, those absent with reasons), items with notes, votes, resolutions, recusals and
 * statements, signatures and objections. The public variant leaves every non-public item out.
 */
export async function getMinutes(ctx: ServiceContext, meetingId: string, requested: "full" | "public" = "full") {
  return minutesOfRecord(ctx, await loadMeetingRecord(ctx, meetingId), requested);
}

/** The minutes of a record the caller has read already (a page that checks more of it first), as `getMinutes`. */
export async function minutesOfRecord(ctx: ServiceContext, record: MeetingRecord, requested: "full" | "public" = "full") {
  const allowed = await readableVariant(ctx, record);
  if (!allowed) throw unreadableMinutes(record);
  return buildMinutes(ctx, record, allowed === "public" ? "public" : requested);
}

async function buildMinutes(ctx: ServiceContext, record: MeetingRecord, variant: "full" | "public") {
  return composeMinutes(record, await minutesRows(ctx, record, variant), variant, ctx.now);
}

/**
 * What the minutes say of how a vote was cast beyond its counts: each member's vote in a roll call, the votes per
 * candidate in an election.
 */
function ballotsOf(vote: { kind: string; details: string | null }): string | null {
  if (!vote.details) return null;
  const details = JSON.parse(vote.details) as unknown;
  if (vote.kind === "roll_call") {
    const ballots = details as { vote: string; name?: string }[];
    const named = (value: string) => ballots.filter((b) => b.vote === value).map((b) => b.name ?? "");
    return (
      [
        ["Ja", named("yes")],
        ["Nein", named("no")],
        ["Enthaltung", named("abstain")],
      ] as const
    )
      .filter(([, names]) => names.length > 0)
      .map(([label, names]) => `${label}: ${names.join(", ")}`)
      .join("; ");
  }
  if (vote.kind === "election") {
    const { round, votes } = details as { round: string; votes: Record<string, number> };
    const tally = Object.entries(votes)
      .sort((a, b) => b[1] - a[1])
      .map(([name, count]) => `${name} ${count}`)
      .join(", ");
    return `${round === "runoff" ? "Stichwahl" : "Erster Wahlgang"}: ${tally}`;
  }
  return null;
}

/** What the minutes are made of beyond the meeting record, as far as the variant shows it. */
async function minutesRows(ctx: ServiceContext, record: MeetingRecord, variant: "full" | "public") {
  const { meeting, minutes } = record;
  const audience: Audience = variant === "full" ? "committee" : "public";
  const [notes, statements, votes, resolutions, signatures, objections, published] = await Promise.all([
    minutes ? ctx.db.prisma.minutesItemNote.findMany({ where: { minutesId: minutes.id } }) : [],
    // Recusals are written from their records, with or without their remark.
    ctx.db.prisma.minutesEntry.findMany({ where: { meetingId: meeting.id, kind: "statement" }, orderBy: { createdAt: "asc" } }),
    ctx.db.prisma.vote.findMany({ where: { meetingId: meeting.id }, orderBy: { createdAt: "asc" } }),
    ctx.db.prisma.resolution.findMany({ where: { meetingId: meeting.id } }),
    minutes ? ctx.db.prisma.minutesSignature.findMany({ where: { minutesId: minutes.id }, orderBy: { signedAt: "asc" } }) : [],
    minutes && reads(audience, "minutes.objection")
      ? ctx.db.prisma.minutesObjection.findMany({ where: { minutesId: minutes.id }, orderBy: { filedAt: "asc" } })
      : [],
    // The public part names a withdrawn paper only where an invitation published its title (see `hidesTitle`).
    variant === "public" ? findPublishedPapers(ctx.db, meeting.id) : new Set<string>(),
  ]);
  return { notes, statements, votes, resolutions, signatures, objections, published };
}

/**
 * The minutes from the record and their rows, for a variant, as they stand at `now`: header, items, signatures,
 * objections and the warnings of §38 (2) GemO. Pure: the editor, the members' area, the PDF and the API show the
 * same computation.
 */
export function composeMinutes(
  record: MeetingRecord,
  rows: Awaited<ReturnType<typeof minutesRows>>,
  variant: "full" | "public",
  now: Date,
) {
  const { meeting, minutes } = record;
  const { notes, statements, votes, resolutions, signatures, objections, published } = rows;
  // The public reads the minutes without the personal remarks the committee's own record keeps.
  const audience: Audience = variant === "full" ? "committee" : "public";
  const present = record.attendances.filter((a) => a.status === "present" || a.status === "remote");
  const chairSeat = chairingSeat(record);
  const presentMembers = present.filter((a) => record.seats.some((s) => s.personId === a.personId && s.role !== "minute_taker"));
  const absent = record.seats
    .filter((seat) => seat.role !== "deputy" && seat.role !== "minute_taker")
    .filter((seat) => !present.some((a) => a.personId === seat.personId))
    .map((seat) => {
      const a = record.attendances.find((x) => x.personId === seat.personId);
      const status = a?.status === "excused" ? "excused" : a?.status === "absent" ? "absent" : "unknown";
      const reason = status === "excused" && reads(audience, "minutes.absenceReason") ? (a?.excuseReason ?? null) : null;
      return { name: record.names.get(seat.personId)!, status, reason, label: absenceLabel(status, reason) };
    });
  const nameOf = (personId: string) => record.names.get(personId) ?? personId;
  const numberOf = (itemId: string | null) => record.agenda.find((item) => item.id === itemId)?.number ?? null;
  const deputies = present.flatMap((a) => {
    const member = a.standsInForId ? record.seats.find((s) => s.id === a.standsInForId) : undefined;
    return member ? [{ name: nameOf(a.personId), standsInFor: nameOf(member.personId) }] : [];
  });
  const remote = present.filter((a) => a.status === "remote").map((a) => nameOf(a.personId));
  const lateArrivals = present.flatMap((a) =>
    a.arrivedBeforeItemId ? [{ name: nameOf(a.personId), item: numberOf(a.arrivedBeforeItemId) }] : [],
  );
  const earlyDepartures = present.flatMap((a) =>
    a.leftBeforeItemId ? [{ name: nameOf(a.personId), item: numberOf(a.leftBeforeItemId) }] : [],
  );
  const meetingDate = berlinDateOf(meeting.startsAt);
  const dueDate = minutesDueDate(meetingDate);
  const late =
    meeting.state !== "cancelled" &&
    (!minutes?.circulatedAt || berlinDateOf(minutes.circulatedAt) > dueDate) &&
    berlinDateOf(now) > dueDate;
  // Before the minutes go out, every item that took place should have its notes.
  const withoutNotes =
    (minutes?.state ?? "draft") === "draft" && meeting.state !== "planned" && meeting.state !== "invited"
      ? record.agenda.filter((item) => item.withdrawnAt === null && !notes.some((n) => n.itemId === item.id && n.notes.trim()))
      : [];
  const warnings = [
    ...(late ? [`Die Niederschrift war bis ${dueDate} dem Gremium zur Kenntnis zu bringen (§ 38 Abs. 2 GemO).`] : []),
    ...(withoutNotes.length > 0
      ? [`Ohne Notizen in der Niederschrift: ${withoutNotes.map((item) => `${item.number} ${item.title}`).join("; ")}.`]
      : []),
  ];
  const shortName = meeting.committee.shortName;
  const items = record.agenda
    .filter((item) => variant === "full" || item.isPublic)
    .map((item) => {
      const hides = item.paper !== null && paperPolicy.hidesTitle(item.paper, variant === "full", published);
      const named = (text: string) => (hides ? paperPolicy.withoutTitle(text, item.paper!.title) : text);
      const note = notes.find((n) => n.itemId === item.id)?.notes ?? null;
      return {
        itemId: item.id,
        number: item.number,
        title: named(item.title),
        isPublic: item.isPublic,
        withdrawn: item.withdrawnAt !== null,
        notes: note === null ? null : named(note),
        notesHtml: renderMarkdown(note === null ? null : named(note)),
        recusals: record.recusals
          .filter((r) => r.itemId === item.id)
          .map((r) => recusalText(nameOf(r.personId), reads(audience, "minutes.recusalNote") ? r.note : null)),
        statements: statements.filter((e) => e.itemId === item.id).map((e) => e.text),
        votes: votes
          .filter((v) => v.itemId === item.id)
          .map((v) => ({
            id: v.id,
            kind: v.kind,
            motion: named(v.motion),
            yes: v.yes,
            no: v.no,
            abstain: v.abstain,
            outcome: v.outcome,
            explanation: v.explanation,
            ballots: ballotsOf(v),
          })),
        resolutions: resolutions
          .filter((r) => r.itemId === item.id)
          .map((r) => ({
            id: r.id,
            number: resolutionNumber(shortName, r.year, r.serial),
            label: resolutionLabel(r),
            text: r.text,
            textHtml: renderMarkdown(r.text)!,
            kind: r.kind,
            recipientBody: r.recipientBody,
          })),
      };
    });
  return {
    meetingId: meeting.id,
    variant,
    state: (minutes?.state ?? "draft") as MinutesState,
    version: minutes?.version ?? 0,
    header: {
      committee: meeting.committee.name,
      title: meeting.title,
      date: meetingDate,
      // The actual course where it is recorded, else the times of the invitation.
      startsAt: berlinIsoOf(meeting.startedAt ?? meeting.startsAt),
      endsAt: meeting.endedAt ? berlinIsoOf(meeting.endedAt) : meeting.endsAt ? berlinIsoOf(meeting.endsAt) : null,
      interruptions: (meeting.interruptions
        ? (JSON.parse(meeting.interruptions) as { from: string; to: string; reason?: string | null }[])
        : []
      ).map((pause) => ({
        from: berlinIsoOf(new Date(pause.from)),
        to: berlinIsoOf(new Date(pause.to)),
        reason: reads(audience, "minutes.interruptionReason") ? (pause.reason ?? null) : null,
      })),
      place: placeOfRow(meeting),
      chair: chairSeat ? record.names.get(chairSeat.personId)! : null,
      membersPresent: presentMembers.length,
      present: presentMembers.map((a) => nameOf(a.personId)),
      absent,
      deputies,
      remote,
      lateArrivals,
      earlyDepartures,
    },
    items,
    signatures: signatures
      .map((s) => ({
        role: s.role as SignatureRole,
        name: record.names.get(s.personId) ?? s.personId,
        signedAt: s.signedAt.toISOString(),
        onPaper: s.onPaper,
      }))
      .sort((a, b) => SIGNATURE_ORDER.indexOf(a.role) - SIGNATURE_ORDER.indexOf(b.role)),
    missingSignatures: missingSignatures(signatures.map((s) => ({ role: s.role as SignatureRole }))),
    objections: objections.map((o) => ({
      id: o.id,
      name: record.names.get(o.personId) ?? o.personId,
      text: o.text,
      filedAt: o.filedAt.toISOString(),
      decision: o.decision,
      decisionNote: o.decisionNote,
    })),
    dueDate,
    warnings,
  };
}

/**
 * The record for a write to the minutes, by the secretariat, of a held meeting; `during`: also of an invited one that
 * has begun (the notes the minute-taker writes while the meeting runs).
 */
export async function minutesForWrite(ctx: ServiceContext, meetingId: string, during = false) {
  const record = await loadMeetingRecord(ctx, meetingId);
  assertManages(ctx, record.meeting.committee.bodyId);
  const { state } = record.meeting;
  const running = during && state === "invited" && notYetStarted(record.meeting.startsAt, ctx.now) === undefined;
  if (state !== "held" && state !== "closed" && !running)
    throw new Problem(
      "conflict",
      `Eine Niederschrift wird für eine durchgeführte Sitzung geschrieben; diese ist im Stand „${meetingStateName(state)}“.`,
    );
  return record;
}

export function sealedProblem() {
  return new Problem(
    "conflict",
    "Die Niederschrift ist endgültig und kann nicht mehr geändert werden; Berichtigungen gibt es nur als Entscheidung über Einwände.",
  );
}

/**
 * Saves the notes on one item and keeps the revision. Creates the draft minutes on the first save.
 * `version` is the minutes' version (0 before they exist); a stale one gets 412.
 */
export async function saveItemNotes(ctx: ServiceContext, meetingId: string, itemId: string, version: number, notes: string) {
  const record = await minutesForWrite(ctx, meetingId, true);
  if ((record.minutes?.version ?? 0) !== version)
    throw new Problem(
      "precondition_failed",
      `Die Niederschrift hat die Version ${record.minutes?.version ?? 0}, nicht ${version}: bitte neu laden.`,
    );
  const { minutes, statements } = await noteWrite(ctx, record, itemId, notes);
  if (record.minutes) {
    const results = await ctx.db.batch([
      ...statements.map((s) => guard(s, atVersion("Minutes", minutes.id, version))),
      updateVersioned("Minutes", minutes.id, version, { updatedAt: ctx.now }),
    ]);
    if (results.at(-1) === 0) throw new Problem("precondition_failed", "Die Niederschrift wurde inzwischen geändert; bitte neu laden.");
  } else {
    await ctx.db.batch(statements);
  }
  return getMinutes(ctx, meetingId);
}

/**
 * The statements that save one item's notes: the draft minutes on the first save, the note, a revision that holds
 * every note, and the audit entry. With them, the version of the note they change (0 for a new one), for a caller
 * that guards the write by the note rather than by the whole minutes.
 */
export async function noteWrite(ctx: ServiceContext, record: MeetingRecord, itemId: string, notes: string) {
  if (!record.agenda.some((i) => i.id === itemId)) throw notFound("Agenda item", itemId);
  if (isSealed(record.minutes)) throw sealedProblem();
  // What is circulated is what the members read and sign: it changes only by the committee's decision on an objection.
  if (record.minutes?.state === "circulated")
    throw new Problem(
      "conflict",
      "Die Niederschrift ist im Umlauf: Was die Mitglieder lesen und unterschreiben, wird nicht mehr geändert. " +
        "Berichtigungen gibt es über Einwände und die Entscheidung des Gremiums.",
    );
  const existing = record.minutes ? await ctx.db.prisma.minutesItemNote.findMany({ where: { minutesId: record.minutes.id } }) : [];
  const snapshot = Object.fromEntries([...existing.map((n) => [n.itemId, n.notes]), [itemId, notes]]);
  const minutes = record.minutes ?? {
    ...newRecordColumns(ctx.now),
    meetingId: record.meeting.id,
    state: "draft",
    circulatedAt: null,
    finalAt: null,
    publishedAt: null,
    version: 1,
  };
  const note = existing.find((n) => n.itemId === itemId);
  const statements = [
    ...(record.minutes ? [] : [insertRow("Minutes", minutes)]),
    note
      ? updateVersioned("MinutesItemNote", note.id, note.version, { notes, updatedAt: ctx.now })
      : insertRow("MinutesItemNote", { ...newRecordColumns(ctx.now), minutesId: minutes.id, itemId, notes }),
    insertRow("MinutesRevision", {
      minutesId: minutes.id,
      at: ctx.now,
      actorName: actorName(ctx.actor),
      snapshot: JSON.stringify(snapshot),
    }),
    auditStatement(ctx, "update", "MinutesItemNote", `${minutes.id}:${itemId}`, note ?? null, { itemId, notes }),
  ];
  return { minutes, note: note ?? null, noteVersion: note?.version ?? 0, statements };
}

/**
 * Moves the minutes on: circulated (mailed to the members, with a request to sign to those who sign), final (all
 * objections decided, all four signatures),
 * published (public part readable by everyone). Final minutes close the meeting.
 */
export async function transitionMinutes(
  ctx: ServiceContext,
  meetingId: string,
  version: number,
  to: MinutesState,
  mail: MailContext,
  /** On circulation: the members who took part and are asked to sign (§38 (2): two); without, all who took part. */
  memberSigners?: string[],
) {
  const record = await minutesForWrite(ctx, meetingId);
  const minutes = record.minutes;
  if (!minutes) throw new Problem("conflict", "Es gibt noch keine Niederschrift; bitte zuerst die Notizen eines Punkts speichern.");
  if (minutes.version !== version)
    throw new Problem("precondition_failed", `Die Niederschrift hat die Version ${minutes.version}, nicht ${version}: bitte neu laden.`);
  const refusal = minutesTransitionRefusal(minutes.state as MinutesState, to);
  if (refusal) throw new Problem("conflict", `Die Niederschrift kann nicht „${minutesStateName(to)}“ werden: ${refusal}.`);
  if (to === "final") {
    const [open, signatures] = await Promise.all([
      ctx.db.prisma.minutesObjection.count({ where: { minutesId: minutes.id, decision: null } }),
      ctx.db.prisma.minutesSignature.findMany({ where: { minutesId: minutes.id } }),
    ]);
    if (open > 0) throw new Problem("conflict", `Über ${open} Einwand/Einwände hat das Gremium noch nicht entschieden.`);
    const missing = missingSignatures(signatures.map((s) => ({ role: s.role as SignatureRole })));
    if (missing.length)
      throw new Problem("unprocessable", `Es fehlen Unterschriften (§ 38 Abs. 2 GemO): ${missing.join(", ")}.`, {
        missingSignatures: missing,
      });
  }
  const stamp = to === "circulated" ? { circulatedAt: ctx.now } : to === "final" ? { finalAt: ctx.now } : { publishedAt: ctx.now };
  const after = { ...minutes, state: to, ...stamp, version: minutes.version + 1, updatedAt: ctx.now };
  const closeMeeting =
    to === "final" && record.meeting.state === "held"
      ? [
          updateVersioned("Meeting", record.meeting.id, record.meeting.version, {
            state: "closed",
            sequence: record.meeting.sequence + 1,
            updatedAt: ctx.now,
          }),
        ]
      : [];
  const mails = to === "circulated" ? await circulationMails(ctx, mail, record, memberSigners) : [];
  const results = await ctx.db.batch([
    ...[auditStatement(ctx, "update", "Minutes", minutes.id, minutes, after), ...closeMeeting, ...mails].map((s) =>
      guard(s, atVersion("Minutes", minutes.id, version)),
    ),
    updateVersioned("Minutes", minutes.id, version, { state: to, ...stamp, updatedAt: ctx.now }),
  ]);
  if (results.at(-1) === 0) throw new Problem("precondition_failed", "Die Niederschrift wurde inzwischen geändert; bitte neu laden.");
  return getMinutes(ctx, meetingId);
}

/**
 * The mails of the circulation: the request to sign to the chair, the minute-taker and the members who took part
 * (two of whom sign, § 38 (2) GemO); to every other seat holder, the minutes for objections. Objections are decided
 * at the next meeting.
 */
async function circulationMails(ctx: ServiceContext, mail: MailContext, record: MeetingRecord, memberSigners?: string[]) {
  const signers = new Map<string, SignatureRole>();
  const tookPart = new Set(record.attendances.filter((a) => a.status === "present" || a.status === "remote").map((a) => a.personId));
  for (const [index, personId] of (memberSigners ?? []).entries())
    if (!tookPart.has(personId)) throw fieldProblem(`signers.${index}`, "hat an der Sitzung nicht teilgenommen");
  for (const personId of memberSigners ?? tookPart) signers.set(personId, "member");
  for (const seat of record.seats) {
    if (seat.role === "chair") signers.set(seat.personId, "chair");
    if (seat.role === "minute_taker") signers.set(seat.personId, "minute_taker");
  }
  const next = await ctx.db.prisma.meeting.findFirst({
    where: { committeeId: record.meeting.committeeId, startsAt: { gt: record.meeting.startsAt }, state: { not: "cancelled" } },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true },
  });
  return minutesMails(
    ctx,
    mail,
    record.meeting,
    signers,
    next ? `zur nächsten Sitzung am ${dateOf(next.startsAt)}` : "zur nächsten Sitzung",
  );
}

/**
 * Every saved state of the notes, and the line diff between two of them: by default from the first draft to the
 * current (or final) text, else from revision `from` to revision `to`.
 */
export async function minutesHistory(ctx: ServiceContext, meetingId: string, range: { from?: number; to?: number } = {}) {
  const record = await minutesForWrite(ctx, meetingId, true);
  if (!record.minutes) return { revisions: [], diff: [], from: null, to: null };
  const revisions = await ctx.db.prisma.minutesRevision.findMany({ where: { minutesId: record.minutes.id }, orderBy: { id: "asc" } });
  const text = (snapshot: string) => {
    const notes = JSON.parse(snapshot) as Record<string, string>;
    return record.agenda
      .filter((item) => notes[item.id] !== undefined)
      .map((item) => `${item.number} ${item.title}\n${notes[item.id]}\n`)
      .join("\n");
  };
  const first = revisions.find((r) => r.id === range.from) ?? revisions[0];
  const last = revisions.find((r) => r.id === range.to) ?? revisions.at(-1);
  return {
    revisions: revisions.map((r) => ({ id: r.id, at: r.at.toISOString(), actorName: r.actorName })),
    from: first?.id ?? null,
    to: last?.id ?? null,
    diff: first && last ? lineDiff(text(first.snapshot), text(last.snapshot)) : [],
  };
}

/**
 * The line diff of two texts, bounded: past 2,000 changed lines (a hostile or wholly rewritten text) it says the
 * old text was replaced by the new one rather than search further, so its cost stays linear in the texts.
 */
function lineDiff(before: string, after: string) {
  const parts = diffLines(before, after, { maxEditLength: 2000 }) ?? [
    { value: before, added: false, removed: true },
    { value: after, added: true, removed: false },
  ];
  return parts.map((part) => ({ added: Boolean(part.added), removed: Boolean(part.removed), text: part.value }));
}

/**
 * The published minutes of a body, newest meeting first, optionally of one committee and one Berlin year: the
 * register of minutes the public reads. Each meeting passes the minutes policy.
 */
export async function listPublishedMinutes(
  ctx: ServiceContext,
  query: TPageQuery & { bodyId: string; committeeId?: string; year?: number },
) {
  const rows = await ctx.db.prisma.meeting.findMany({
    where: {
      committee: { bodyId: query.bodyId },
      ...(query.committeeId ? { committeeId: query.committeeId } : {}),
      ...(query.year ? { startsAt: berlinYear(query.year) } : {}),
      minutes: { is: { state: "published" } },
    },
    include: { committee: { select: { id: true, name: true, shortName: true, bodyId: true } }, minutes: { select: { state: true } } },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    ...pageArgs(query),
  });
  const page = toPage(rows, query);
  const readership = await ctx.readership();
  return {
    items: page.items
      .filter((meeting) => minutesPolicy.variantFor(ctx.actor, readership, meeting.committee, meeting.minutes?.state) !== null)
      .map(({ minutes, ...meeting }) => ({ ...meeting, minutesState: minutes?.state ?? null })),
    nextCursor: page.nextCursor,
  };
}
