import { z } from "@hono/zod-openapi";
import { renderMarkdown } from "../documents/markdown";
import type { ResolutionModel, VoteModel } from "../generated/prisma-node/models";
import { resolutionNumber } from "../rules/resolutions";
import { ATTENDANCE_STATUSES } from "../rules/attendance";
import { ZId, ZLine, ZOptionalLine, ZOptionalText, ZText } from "./common";

const attendanceFields = {
  status: z.enum(ATTENDANCE_STATUSES).openapi({ description: "present, remote (§37a), excused (with reason) or absent." }),
  excuseReason: ZOptionalText(500),
  standsInForMembershipId: ZId.nullable()
    .optional()
    .openapi({ description: "For a deputy: the membership of the member whose place they take." }),
  arrivedBeforeItemId: ZId.nullable().optional().openapi({ description: "Arrived late: present from this item on." }),
  leftBeforeItemId: ZId.nullable().optional().openapi({ description: "Left early: absent from this item on." }),
};
const excusedWithReason = (v: { status: string; excuseReason?: string | null | undefined }) =>
  v.status !== "excused" || Boolean(v.excuseReason);
const excuseIssue = { message: "ist bei Entschuldigung erforderlich", path: ["excuseReason"] };

export const ZAttendanceUpdate = z.object(attendanceFields).strict().refine(excusedWithReason, excuseIssue).openapi("AttendanceUpdate");
export type TAttendanceUpdate = z.infer<typeof ZAttendanceUpdate>;

export const ZAttendanceSheetUpdate = z
  .object({
    default: z
      .enum(["present", "remote", "absent"])
      .nullable()
      .optional()
      .openapi({ description: "How every seat holder but the deputies attended, unless an entry says otherwise." }),
    entries: z
      .array(
        z
          .object({ personId: ZId, ...attendanceFields })
          .strict()
          .refine(excusedWithReason, excuseIssue),
      )
      .max(500)
      .default([])
      .openapi({ description: "The exceptions, or the whole sheet: one entry per person." }),
  })
  .strict()
  .openapi("AttendanceSheetUpdate");
export type TAttendanceSheetUpdate = z.infer<typeof ZAttendanceSheetUpdate>;

export const ZQuorum = z
  .object({
    itemId: z.string(),
    number: z.string(),
    votingMembers: z.number().int(),
    presentNotRecused: z.number().int(),
    recused: z.number().int(),
    required: z.number().int(),
    quorate: z.boolean(),
    rule: z.enum(["half", "quarter", "three"]),
    repeatMeeting: z
      .boolean()
      .openapi({ description: "§37 (3) GemO: a second meeting after a failed quorum, where three voting members suffice." }),
    explanation: z.string(),
  })
  .openapi("Quorum");

export const ZAttendanceSheet = z
  .object({
    meetingId: z.string(),
    recorded: z.boolean().openapi({ description: "Whether anyone's attendance is recorded; until then there is no quorum to show." }),
    notice: z.string().nullable().openapi({ example: "Anwesenheit noch nicht erfasst" }),
    attendance: z.array(
      z.object({
        personId: z.string(),
        membershipId: z.string(),
        name: z.string(),
        role: z.string().nullable(),
        standIns: z
          .array(z.object({ personId: z.string(), name: z.string(), membershipId: z.string() }))
          .openapi({ description: "The deputies who may stand in for this voting member: personal deputies, else the general ones." }),
        status: z.enum(ATTENDANCE_STATUSES).nullable(),
        excuseReason: z.string().nullable(),
        standsInForMembershipId: z.string().nullable(),
        arrivedBeforeItemId: z.string().nullable(),
        leftBeforeItemId: z.string().nullable(),
      }),
    ),
    quorum: z.array(ZQuorum),
  })
  .openapi("AttendanceSheet");

export const ZRecusalCreate = z
  .object({ personId: ZId, note: ZOptionalText(1000) })
  .strict()
  .openapi("RecusalCreate");
export type TRecusalCreate = z.infer<typeof ZRecusalCreate>;

export const ZStatementCreate = z
  .object({
    personId: ZId,
    kind: z
      .enum(["vote", "statement"])
      .openapi({ description: "A member demands that their vote or their statement is recorded (§38 GemO)." }),
    text: ZText(5000),
  })
  .strict()
  .openapi("StatementCreate");
export type TStatementCreate = z.infer<typeof ZStatementCreate>;

const ZCount = z.number().int().min(0).max(1000);

export const ZVoteCreate = z
  .object({
    motion: ZText(5000).openapi({ description: "The motion put to the vote." }),
    kind: z.enum(["open", "roll_call", "election"]).default("open"),
    counts: z.object({ yes: ZCount, no: ZCount, abstain: ZCount }).strict().optional().openapi({ description: "For an open vote." }),
    rollCall: z
      .array(z.object({ personId: ZId, vote: z.enum(["yes", "no", "abstain"]) }).strict())
      .optional()
      .openapi({ description: "For a roll call: each voter's vote." }),
    election: z
      .object({ round: z.enum(["first", "runoff"]).default("first"), votes: z.record(ZLine(200), ZCount) })
      .strict()
      .optional()
      .openapi({ description: "For an election: votes per candidate." }),
    resolution: z
      .object({
        text: ZText(50_000).openapi({ description: "The wording (Markdown), recorded when the motion is adopted." }),
        kind: z.enum(["resolution", "recommendation"]).default("resolution"),
        recipientBody: ZOptionalLine(200).openapi({ description: "For a recommendation: the body it goes to." }),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === "open" && !v.counts)
      ctx.addIssue({ code: "custom", path: ["counts"], message: "ist für eine offene Abstimmung erforderlich" });
    if (v.kind === "roll_call" && !v.rollCall?.length)
      ctx.addIssue({ code: "custom", path: ["rollCall"], message: "ist für eine namentliche Abstimmung erforderlich" });
    if (v.kind === "election" && !v.election)
      ctx.addIssue({ code: "custom", path: ["election"], message: "ist für eine Wahl erforderlich" });
    if (v.resolution?.kind === "recommendation" && !v.resolution.recipientBody) {
      ctx.addIssue({ code: "custom", path: ["resolution", "recipientBody"], message: "ist für eine Empfehlung erforderlich" });
    }
  })
  .openapi("VoteCreate");
export type TVoteCreate = z.infer<typeof ZVoteCreate>;

export const ZResolution = z
  .object({
    id: z.string(),
    version: z.number().int(),
    number: z.string().openapi({ example: "IA/2026/004" }),
    committeeId: z.string(),
    meetingId: z.string().nullable(),
    itemId: z.string().nullable(),
    paperId: z.string().nullable(),
    text: z.string(),
    textHtml: z.string(),
    kind: z.enum(["resolution", "recommendation"]),
    recipientBody: z.string().nullable(),
    isPublic: z.boolean(),
    vote: z
      .object({
        outcome: z.string(),
        yes: z.number().nullable(),
        no: z.number().nullable(),
        abstain: z.number().nullable(),
        explanation: z.string(),
      })
      .nullable(),
    followUp: z.enum(["open", "in_progress", "done", "superseded"]),
    supersededById: z.string().nullable(),
    announcedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Resolution");
export type TResolution = z.infer<typeof ZResolution>;

/** A resolution as stored, with its vote. */
export type ResolutionRow = ResolutionModel & { vote: VoteModel | null };

/**
 * A resolution as the reader sees it. A reader of the announced wording only (§35 (1) GemO) learns
 * neither the non-public item nor the paper it rests on.
 */
export function toResolutionView(row: ResolutionRow, shortName: string, readsContext: boolean): TResolution {
  return {
    id: row.id,
    version: row.version,
    number: resolutionNumber(shortName, row.year, row.serial),
    committeeId: row.committeeId,
    meetingId: row.meetingId,
    itemId: readsContext ? row.itemId : null,
    paperId: readsContext ? row.paperId : null,
    text: row.text,
    textHtml: renderMarkdown(row.text)!,
    kind: row.kind as TResolution["kind"],
    recipientBody: row.recipientBody,
    isPublic: row.isPublic,
    vote: row.vote
      ? { outcome: row.vote.outcome, yes: row.vote.yes, no: row.vote.no, abstain: row.vote.abstain, explanation: row.vote.explanation }
      : null,
    followUp: row.followUp as TResolution["followUp"],
    supersededById: row.supersededById,
    announcedAt: row.announcedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export const ZVote = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    itemId: z.string(),
    kind: z.enum(["open", "roll_call", "election"]),
    motion: z.string(),
    yes: z.number().int().nullable(),
    no: z.number().int().nullable(),
    abstain: z.number().int().nullable(),
    details: z.unknown().nullable().openapi({ description: "The roll call (names and votes) or the election's votes per candidate." }),
    outcome: z.enum(["adopted", "rejected", "elected", "runoff", "lot"]),
    explanation: z.string(),
    quorum: ZQuorum.omit({ itemId: true, number: true }),
    actorName: z.string(),
    createdAt: z.string(),
  })
  .openapi("Vote");

/** A vote as the API shows it: the stored JSON of the roll call and the quorum as objects. */
export const toVoteView = (vote: VoteModel): z.infer<typeof ZVote> => ({
  ...vote,
  kind: vote.kind as z.infer<typeof ZVote>["kind"],
  outcome: vote.outcome as z.infer<typeof ZVote>["outcome"],
  details: vote.details === null ? null : JSON.parse(vote.details),
  quorum: JSON.parse(vote.quorum),
  createdAt: vote.createdAt.toISOString(),
});

export const ZResolutionUpdate = z
  .object({
    followUp: z.enum(["open", "in_progress", "done", "superseded"]),
    supersededById: ZId.nullable().optional(),
  })
  .strict()
  .refine((v) => v.followUp !== "superseded" || Boolean(v.supersededById), {
    message: "ist erforderlich, wenn der Beschluss ersetzt ist",
    path: ["supersededById"],
  })
  .openapi("ResolutionUpdate");
export type TResolutionUpdate = z.infer<typeof ZResolutionUpdate>;
