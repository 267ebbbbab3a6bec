import * as resolutionPolicy from "../../policies/resolutions";
import { Problem, fieldProblem, notFound } from "../../errors";
import { berlinDateOf } from "../../rules/calendar";
import { type FOLLOW_UP_HANDLING, type FORUM_IDEA_STATUSES, MEASURE_STATUSES, type MeasureStatus } from "../../rules/plan";
import { assertManages, bodyToManage } from "../access";
import { getBody } from "../people/bodies";
import type { ServiceContext } from "../context";
import { resolutionNumber } from "../../rules/resolutions";
import { createMeasure, getPlan } from "./plans";
import { createPaper } from "../papers/papers";
import type { Statement } from "../../db/database";
import { assertion, atVersion, updateVersioned } from "../../db/sql";
import type { ForumIdeaModel } from "../../generated/prisma-node/models";
import type { PaperType } from "../../rules/papers";
import type { TMeasureInput } from "../../schemas/plans";
import { auditStatement, expectVersion, insertAudited, newRecordColumns, updateAudited } from "../records";

/** Records a plan update (Fortschreibung) with its date and resolution. */
export async function addPlanUpdate(
  ctx: ServiceContext,
  planId: string,
  input: { date: string; resolutionId?: string | null; note?: string | null },
) {
  const plan = await getPlan(ctx, planId);
  assertManages(ctx, plan.bodyId);
  if (input.resolutionId && !(await ctx.db.prisma.resolution.findUnique({ where: { id: input.resolutionId } })))
    throw fieldProblem("resolutionId", "nennt keinen Beschluss");
  await insertAudited(ctx, "PlanUpdate", {
    id: crypto.randomUUID(),
    planId,
    date: input.date,
    resolutionId: input.resolutionId ?? null,
    note: input.note ?? null,
    createdAt: ctx.now,
  });
  return getPlan(ctx, planId);
}

/**
 * Records how the receiving body handled a recommendation (adopted, changed, rejected, pending), linked to
 * that body's resolution. One record per recommendation, changed with If-Match.
 */
export async function recordFollowUp(
  ctx: ServiceContext,
  recommendationId: string,
  version: number | null,
  input: { handling: (typeof FOLLOW_UP_HANDLING)[number]; receivingResolutionId?: string | null; note?: string | null },
) {
  const recommendation = await ctx.db.prisma.resolution.findUnique({ where: { id: recommendationId } });
  if (!recommendation) throw notFound("Resolution", recommendationId);
  if (recommendation.kind !== "recommendation")
    throw new Problem("conflict", "Nur eine Empfehlung wird von einem empfangenden Gremium weiterbehandelt.");
  const committee = await ctx.db.prisma.committee.findUniqueOrThrow({ where: { id: recommendation.committeeId } });
  assertManages(ctx, committee.bodyId);
  if (input.receivingResolutionId) {
    const receiving = await ctx.db.prisma.resolution.findUnique({ where: { id: input.receivingResolutionId } });
    if (!receiving || receiving.committeeId === recommendation.committeeId)
      throw fieldProblem("receivingResolutionId", "muss einen Beschluss eines anderen Gremiums nennen");
  }
  const existing = await ctx.db.prisma.recommendationFollowUp.findUnique({ where: { recommendationId } });
  const values = { handling: input.handling, receivingResolutionId: input.receivingResolutionId ?? null, note: input.note ?? null };
  if (existing) {
    if (version === null)
      throw new Problem("precondition_required", "Die Weiterbehandlung besteht schon; zum Ändern bitte ihr ETag in If-Match senden.");
    expectVersion(existing, version);
    await updateAudited(ctx, "RecommendationFollowUp", existing, values);
  } else {
    await insertAudited(ctx, "RecommendationFollowUp", { ...newRecordColumns(ctx.now), recommendationId, ...values });
  }
  return followUpOf(ctx, recommendationId);
}

/** The follow-up of a recommendation, as far as the caller may see the resolutions involved. */
export async function followUpOf(ctx: ServiceContext, recommendationId: string) {
  const recommendation = await ctx.db.prisma.resolution.findUnique({ where: { id: recommendationId } });
  if (!recommendation) throw notFound("Resolution", recommendationId);
  const readership = await ctx.readership();
  const committee = await ctx.db.prisma.committee.findUniqueOrThrow({ where: { id: recommendation.committeeId } });
  if (!resolutionPolicy.canRead(ctx.actor, readership, recommendation, committee)) throw notFound("Resolution", recommendationId);
  const followUp = await ctx.db.prisma.recommendationFollowUp.findUnique({ where: { recommendationId } });
  const receiving = followUp?.receivingResolutionId
    ? await ctx.db.prisma.resolution.findUnique({ where: { id: followUp.receivingResolutionId } })
    : null;
  const receivingCommittee = receiving ? await ctx.db.prisma.committee.findUniqueOrThrow({ where: { id: receiving.committeeId } }) : null;
  const receivingVisible =
    receiving && receivingCommittee && resolutionPolicy.canRead(ctx.actor, readership, receiving, receivingCommittee);
  return {
    recommendationId,
    number: resolutionNumber(committee.shortName, recommendation.year, recommendation.serial),
    recipientBody: recommendation.recipientBody,
    version: followUp?.version ?? 0,
    handling: followUp?.handling ?? "pending",
    note: followUp?.note ?? null,
    receivingResolution: receivingVisible
      ? {
          id: receiving.id,
          number: resolutionNumber(receivingCommittee.shortName, receiving.year, receiving.serial),
          committee: receivingCommittee.name,
        }
      : null,
  };
}

type IdeaInput = {
  forum: string;
  forumDate: string;
  proposedBy: string;
  text: string;
  status?: (typeof FORUM_IDEA_STATUSES)[number];
  measureId?: string | null;
  paperId?: string | null;
};

async function checkIdeaRefs(ctx: ServiceContext, bodyId: string, input: Partial<IdeaInput>) {
  if (input.measureId) {
    const measure = await ctx.db.prisma.measure.findUnique({ where: { id: input.measureId }, include: { plan: true } });
    if (!measure || measure.plan.bodyId !== bodyId) throw fieldProblem("measureId", "nennt keine Maßnahme des Plans dieser Körperschaft");
  }
  if (input.paperId) {
    const paper = await ctx.db.prisma.paper.findFirst({ where: { id: input.paperId, bodyId, deletedAt: null } });
    if (!paper) throw fieldProblem("paperId", "nennt keine Vorlage dieser Körperschaft");
  }
}

/** Captures an idea from a public integration forum. */
export async function createForumIdea(ctx: ServiceContext, bodyId: string, input: IdeaInput) {
  await bodyToManage(ctx, bodyId);
  await checkIdeaRefs(ctx, bodyId, input);
  return insertAudited(ctx, "ForumIdea", {
    ...newRecordColumns(ctx.now),
    bodyId,
    forum: input.forum,
    forumDate: input.forumDate,
    proposedBy: input.proposedBy,
    text: input.text,
    status: input.status ?? "new",
    measureId: input.measureId ?? null,
    paperId: input.paperId ?? null,
  });
}

export async function updateForumIdea(ctx: ServiceContext, id: string, version: number, input: Partial<IdeaInput>) {
  const before = await ctx.db.prisma.forumIdea.findUnique({ where: { id } });
  if (!before) throw notFound("Forum idea", id);
  assertManages(ctx, before.bodyId);
  expectVersion(before, version);
  await checkIdeaRefs(ctx, before.bodyId, input);
  return updateAudited(ctx, "ForumIdea", before, input);
}

/**
 * Turns a forum idea into a measure of a plan or into a paper, in one write with the idea's new state ("adopted",
 * pointing at what it became), guarded by the idea's version.
 */
export async function ideaToMeasure(ctx: ServiceContext, id: string, version: number, planId: string, input: TMeasureInput) {
  const idea = await ideaForWrite(ctx, id, version);
  const plan = await getPlan(ctx, planId);
  if (plan.bodyId !== idea.bodyId) throw fieldProblem("planId", "nennt keinen Plan dieser Körperschaft");
  const measure = await createMeasure(ctx, planId, input, (measureId) => ideaBecomes(ctx, idea, { measureId }));
  return { idea: idea.id, measure };
}

export async function ideaToPaper(ctx: ServiceContext, id: string, version: number, input: { title: string; type: PaperType }) {
  const idea = await ideaForWrite(ctx, id, version);
  const paper = await createPaper(
    ctx,
    { bodyId: idea.bodyId, title: input.title, type: input.type, isPublic: true, factsAndReasons: idea.text },
    (paperId) => ideaBecomes(ctx, idea, { paperId }),
  );
  return { idea: idea.id, paper };
}

async function ideaForWrite(ctx: ServiceContext, id: string, version: number) {
  const idea = await ctx.db.prisma.forumIdea.findUnique({ where: { id } });
  if (!idea) throw notFound("Forum idea", id);
  assertManages(ctx, idea.bodyId);
  expectVersion(idea, version);
  return idea;
}

const ideaBecomes = (ctx: ServiceContext, idea: ForumIdeaModel, target: { measureId: string } | { paperId: string }): Statement[] => [
  assertion(atVersion("ForumIdea", idea.id, idea.version)),
  updateVersioned("ForumIdea", idea.id, idea.version, { ...target, status: "adopted", updatedAt: ctx.now }),
  auditStatement(ctx, "update", "ForumIdea", idea.id, idea, { ...idea, ...target, status: "adopted", version: idea.version + 1 }),
];

export async function listForumIdeas(ctx: ServiceContext, bodyId: string) {
  await getBody(ctx, bodyId);
  return ctx.db.prisma.forumIdea.findMany({ where: { bodyId }, orderBy: [{ forumDate: "desc" }, { createdAt: "asc" }] });
}

/**
 * The data of a progress report (Sachstandsbericht) for a plan or one action field over a period: the
 * measures by status, and the changes and resolutions in the period, as far as the caller may see them.
 */
export async function progressReport(ctx: ServiceContext, planId: string, period: { from: string; to: string; actionField?: number }) {
  const plan = await getPlan(ctx, planId);
  const measures = await ctx.db.prisma.measure.findMany({
    where: { planId, ...(period.actionField ? { actionField: { number: period.actionField } } : {}) },
    include: { actionField: true, history: { orderBy: { id: "asc" } }, links: true },
  });
  const inPeriod = (date: Date) => {
    const day = berlinDateOf(date);
    return day >= period.from && day <= period.to;
  };
  const readership = await ctx.readership();
  const resolutions = await ctx.db.prisma.resolution.findMany({
    where: { id: { in: measures.flatMap((m) => m.links.map((l) => l.resolutionId)) } },
  });
  const committees = new Map(
    (await ctx.db.prisma.committee.findMany({ where: { id: { in: resolutions.map((r) => r.committeeId) } } })).map((c) => [c.id, c]),
  );
  const visible = new Map(
    resolutions.filter((r) => resolutionPolicy.canRead(ctx.actor, readership, r, committees.get(r.committeeId)!)).map((r) => [r.id, r]),
  );
  const byStatus = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
  const field = period.actionField ? plan.actionFields.find((f) => f.number === period.actionField) : undefined;
  for (const m of measures) byStatus[m.status as MeasureStatus]++;
  return {
    plan: { id: plan.id, title: plan.title },
    actionField: field ? { id: field.id, planId: field.planId, number: field.number, title: field.title } : null,
    period: { from: period.from, to: period.to },
    byStatus,
    measures: measures
      .sort((a, b) => a.code.localeCompare(b.code, "de", { numeric: true }))
      .map((m) => ({
        id: m.id,
        code: m.code,
        title: m.title,
        actionField: m.actionField.number,
        status: m.status,
        progress: m.progress,
        responsible: m.responsible,
        changes: m.history
          .filter((h) => inPeriod(h.at) && (!h.resolutionId || visible.has(h.resolutionId)))
          .map((h) => ({
            at: h.at.toISOString(),
            fromStatus: h.fromStatus,
            toStatus: h.toStatus,
            fromProgress: h.fromProgress,
            toProgress: h.toProgress,
            reason: h.reason,
          })),
        resolutions: m.links
          .filter((l) => visible.has(l.resolutionId) && inPeriod(visible.get(l.resolutionId)!.createdAt))
          .map((l) => {
            const r = visible.get(l.resolutionId)!;
            return {
              id: r.id,
              number: resolutionNumber(committees.get(r.committeeId)!.shortName, r.year, r.serial),
              relation: l.relation,
              text: r.text,
            };
          }),
      })),
  };
}
