import { z } from "@hono/zod-openapi";
import type { ForumIdeaModel } from "../generated/prisma-node/models";
import { FOLLOW_UP_HANDLING, FORUM_IDEA_STATUSES, LINK_RELATIONS } from "../rules/plan";
import { ZStatusCounts } from "./plans";
import { ZCalendarDate, ZId, ZLine, ZOptionalText, ZText } from "./common";

export const ZForumIdea = z
  .object({
    id: z.string(),
    version: z.number().int(),
    bodyId: z.string(),
    forum: z.string(),
    forumDate: z.string(),
    proposedBy: z.string(),
    text: z.string(),
    status: z.enum(FORUM_IDEA_STATUSES),
    measureId: z.string().nullable(),
    paperId: z.string().nullable(),
  })
  .openapi("ForumIdea");

export const ideaFields = {
  forum: ZLine(200).openapi({ example: "Integrationsforum 2026" }),
  forumDate: ZCalendarDate,
  proposedBy: ZLine(300),
  text: ZText(5000),
  status: z.enum(FORUM_IDEA_STATUSES).optional(),
  measureId: ZId.nullable().optional(),
  paperId: ZId.nullable().optional(),
};

export const toIdeaView = ({ createdAt: _created, updatedAt: _updated, ...idea }: ForumIdeaModel) => ({
  ...idea,
  status: idea.status as (typeof FORUM_IDEA_STATUSES)[number],
});

export const ZProgressReport = z
  .object({
    plan: z.object({ id: z.string(), title: z.string() }),
    actionField: z.object({ id: z.string(), planId: z.string(), number: z.number().int(), title: z.string() }).nullable(),
    period: z.object({ from: z.string(), to: z.string() }),
    byStatus: ZStatusCounts,
    measures: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        title: z.string(),
        actionField: z.number().int(),
        status: z.string(),
        progress: z.number().int(),
        responsible: z.string().nullable(),
        changes: z.array(
          z.object({
            at: z.string(),
            fromStatus: z.string().nullable(),
            toStatus: z.string(),
            fromProgress: z.number().int().nullable(),
            toProgress: z.number().int(),
            reason: z.string().nullable(),
          }),
        ),
        resolutions: z.array(z.object({ id: z.string(), number: z.string(), relation: z.enum(LINK_RELATIONS), text: z.string() })),
      }),
    ),
  })
  .openapi("ProgressReport");

export const ZRecommendationFollowUp = z
  .object({
    recommendationId: z.string(),
    number: z.string(),
    recipientBody: z.string().nullable(),
    version: z.number().int().openapi({ description: "0 before a follow-up is recorded; send it back in If-Match." }),
    handling: z.enum(FOLLOW_UP_HANDLING),
    note: z.string().nullable(),
    receivingResolution: z.object({ id: z.string(), number: z.string(), committee: z.string() }).nullable(),
  })
  .openapi("RecommendationFollowUp");

export const ZFollowUpRecord = z
  .object({ handling: z.enum(FOLLOW_UP_HANDLING), receivingResolutionId: ZId.nullable().optional(), note: ZOptionalText(2000) })
  .strict()
  .openapi("RecommendationFollowUpRecord");
