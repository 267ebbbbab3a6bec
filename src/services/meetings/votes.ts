import { actorName } from "../../auth/principal";
import type { Statement } from "../../db/database";
import { insertRow } from "../../db/sql";
import { Problem, fieldProblem, notFound } from "../../errors";
import * as meetingPolicy from "../../policies/meetings";
import * as paperPolicy from "../../policies/papers";
import { findPublishedPapers } from "../../db/queries/agenda";
import { allowsResolution, type AgendaItemKind } from "../../rules/agenda";
import { berlinDateOf } from "../../rules/calendar";
import { resolutionNumber } from "../../rules/resolutions";
import { countsRefusal, decideElection, decideVote, type VoteCounts } from "../../rules/voting";
import type { TVoteCreate } from "../../schemas/outcomes";
import { itemOf, meetingOfItem, recordForWrite } from "./attendance";
import type { MeetingRecord } from "./meeting-record";
import type { ServiceContext } from "../context";
import { auditedInsert, newRecordColumns, withNextNumber } from "../records";

export type VoteDecision = ReturnType<typeof decideOnItem>;

/**
 * The decision on a vote or election, from the record alone (no write): refuses an item without quorum (422, with
 * the computation), an item under which no resolution may be taken, and counts above the eligible members present;
 * otherwise the counts, the outcome and its explanation. `recordVote` writes what it decides; a page shows it before.
 */
export function decideOnItem(record: MeetingRecord, itemId: string, input: TVoteCreate) {
  const item = itemOf(record, itemId);
  if (!allowsResolution(item.kind as AgendaItemKind)) {
    throw new Problem("unprocessable", `Unter einem Punkt der Art ${item.kind} wird nicht abgestimmt.`, {
      errors: [{ field: "itemId", reason: `ist von der Art ${item.kind}` }],
    });
  }
  const { presence, quorum } = record.quorumAt(itemId);
  if (!quorum.quorate) throw new Problem("unprocessable", `Nicht beschlussfähig: ${quorum.explanation}`, { quorum });
  const eligible = presence.voters.filter((v) => !v.recused);

  if (input.kind === "election") {
    if (input.election!.round === "runoff" && Object.keys(input.election!.votes).length !== 2)
      throw fieldProblem("election.votes", "müssen in der Stichwahl genau die zwei Bewerber nennen, die in sie gekommen sind");
    const election = decideElection(input.election!.votes, eligible.length, input.election!.round);
    const cast = Object.values(input.election!.votes).reduce((a, b) => a + b, 0);
    if (cast > eligible.length)
      throw fieldProblem(
        "election.votes",
        `ergeben ${cast} Stimmen, mehr als die ${eligible.length} anwesenden, stimmberechtigten und nicht befangenen Mitglieder`,
      );
    return { item, quorum, counts: null, outcome: election.outcome, explanation: election.explanation, details: input.election as unknown };
  }
  let counts: VoteCounts;
  let details: unknown = null;
  if (input.kind === "roll_call") {
    const eligibleIds = new Set(eligible.map((v) => v.personId));
    const seen = new Set<string>();
    for (const [index, ballot] of input.rollCall!.entries()) {
      if (!eligibleIds.has(ballot.personId))
        throw fieldProblem(
          `rollCall.${index}.personId`,
          "ist kein anwesendes, stimmberechtigtes und nicht befangenes Mitglied zu diesem Punkt",
        );
      if (seen.has(ballot.personId)) throw fieldProblem(`rollCall.${index}.personId`, "stimmt doppelt ab");
      seen.add(ballot.personId);
    }
    const tally = (vote: string) => input.rollCall!.filter((b) => b.vote === vote).length;
    counts = { yes: tally("yes"), no: tally("no"), abstain: tally("abstain") };
    details = input.rollCall!.map((b) => ({ ...b, name: record.names.get(b.personId) }));
  } else {
    counts = input.counts!;
  }
  const refusal = countsRefusal(counts, eligible.length);
  const cast = counts.yes + counts.no + counts.abstain;
  const reason = `ergeben ${cast} Stimmen, mehr als die ${eligible.length} anwesenden, stimmberechtigten und nicht befangenen Mitglieder`;
  if (refusal) throw new Problem("unprocessable", refusal, { errors: [{ field: "counts", reason }], quorum });
  const result = decideVote(counts);
  const outcome: "adopted" | "rejected" = result.adopted ? "adopted" : "rejected";
  return { item, quorum, counts, outcome, explanation: result.explanation, details };
}

/** What a vote would decide on the item as recorded now: the preview of a page, from the code that records it. */
export async function previewVote(ctx: ServiceContext, itemId: string, input: TVoteCreate) {
  return decideOnItem(await recordForWrite(ctx, await meetingOfItem(ctx, itemId)), itemId, input);
}

/**
 * Records a vote or election on an item, as `decideOnItem` decides it. The vote, its minutes entry and — when
 * adopted with a wording — the numbered resolution are one atomic batch.
 * Answers the vote, the resolution (or null) and the committee.
 */
export async function recordVote(ctx: ServiceContext, itemId: string, input: TVoteCreate) {
  const record = await recordForWrite(ctx, await meetingOfItem(ctx, itemId));
  const decision = decideOnItem(record, itemId, input);
  return { ...(await writeVote(ctx, record, input, decision)), committee: record.meeting.committee };
}

/**
 * Writes a decided vote, with `alongside` (other statements of the same submission, written first) in the same batch:
 * the vote, its minutes entry, and its numbered resolution if it resolves.
 */
export async function writeVote(
  ctx: ServiceContext,
  record: MeetingRecord,
  input: TVoteCreate,
  decision: VoteDecision,
  alongside: Statement[] = [],
) {
  const { item, counts, outcome, explanation, details, quorum } = decision;
  const itemId = item.id;
  const committee = record.meeting.committee;
  const vote = {
    id: crypto.randomUUID(),
    meetingId: record.meeting.id,
    itemId,
    kind: input.kind,
    motion: input.motion,
    yes: counts?.yes ?? null,
    no: counts?.no ?? null,
    abstain: counts?.abstain ?? null,
    details: details === null ? null : JSON.stringify(details),
    outcome,
    explanation,
    quorum: JSON.stringify(quorum),
    actorName: actorName(ctx.actor),
    createdAt: ctx.now,
  };
  const entry = (kind: string, text: string, refId: string): Statement =>
    insertRow("MinutesEntry", {
      id: crypto.randomUUID(),
      meetingId: record.meeting.id,
      itemId,
      kind,
      personId: null,
      text,
      refId,
      actorName: actorName(ctx.actor),
      createdAt: ctx.now,
    });
  const voteStatements = [
    ...alongside,
    ...auditedInsert(ctx, "Vote", vote),
    entry("vote", `${input.motion}\n\nAbstimmung: ${explanation}`, vote.id),
  ];

  const resolves = input.resolution && (outcome === "adopted" || outcome === "elected");
  if (!resolves) {
    await ctx.db.batch(voteStatements);
    return { vote, resolution: null };
  }
  const year = Number(berlinDateOf(record.meeting.startsAt).slice(0, 4));
  const next = async () =>
    ((await ctx.db.prisma.resolution.aggregate({ where: { committeeId: record.meeting.committeeId, year }, _max: { serial: true } }))._max
      .serial ?? 0) + 1;
  const resolution = await withNextNumber(next, async (serial) => {
    const resolution = {
      ...newRecordColumns(ctx.now),
      committeeId: record.meeting.committeeId,
      year,
      serial,
      meetingId: record.meeting.id,
      itemId,
      paperId: item.paperId,
      voteId: vote.id,
      text: input.resolution!.text,
      kind: input.resolution!.kind,
      recipientBody: input.resolution!.recipientBody ?? null,
      isPublic: item.isPublic,
      followUp: "open",
      supersededById: null,
      announcedAt: null,
      announcedMeetingId: null,
    };
    await ctx.db.batch([
      ...voteStatements,
      ...auditedInsert(ctx, "Resolution", resolution),
      entry("resolution", `Beschluss ${resolutionNumber(committee.shortName, year, serial)}: ${resolution.text}`, resolution.id),
    ]);
    return { ...resolution, vote };
  });
  return { vote, resolution };
}

/**
 * The votes taken under an agenda item, for those who may read the item: motion, counts and outcome in words.
 * Roll-call ballots stay out: who voted how is in the minutes.
 */
export async function votesOfItem(ctx: ServiceContext, itemId: string) {
  const item = await ctx.db.prisma.agendaItem.findUnique({
    where: { id: itemId },
    select: {
      isPublic: true,
      meetingId: true,
      paper: { select: { id: true, title: true, isPublic: true, deletedAt: true } },
      meeting: { select: { committee: { select: { id: true, bodyId: true } } } },
    },
  });
  const readership = await ctx.readership();
  if (!item || !meetingPolicy.canReadItem(ctx.actor, readership, item, item.meeting.committee)) {
    throw notFound("Agenda item", itemId);
  }
  const votes = await ctx.db.prisma.vote.findMany({
    where: { itemId },
    select: { id: true, kind: true, motion: true, yes: true, no: true, abstain: true, outcome: true, explanation: true },
    orderBy: { createdAt: "asc" },
  });
  // A motion names a withdrawn paper only for those who may read it (see `hidesTitle`).
  const { paper } = item;
  if (!paper || votes.length === 0) return votes;
  const readsNonPublic = meetingPolicy.canReadNonPublicPart(ctx.actor, readership, item.meeting.committee);
  if (!paperPolicy.hidesTitle(paper, readsNonPublic, await findPublishedPapers(ctx.db, item.meetingId))) return votes;
  return votes.map((vote) => ({ ...vote, motion: paperPolicy.withoutTitle(vote.motion, paper.title) }));
}
