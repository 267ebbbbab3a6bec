/**
 * The secretariat's overview: the work that is due in a body, each entry with what it is about and by when. Computed
 * from the rules of procedure: the notice period of the invitation (§34 (1) GemO), the month for the minutes (§38 (2)
 * GemO); and from the record: objections without a decision, plan measures without activity.
 */
import { berlinDateOf } from "../rules/calendar";
import { checkNoticePeriod } from "../rules/meeting";
import { minutesDueDate } from "../rules/minutes";
import { assertManages } from "./access";
import type { ServiceContext } from "./context";
import { listPlans } from "./plans";
import { planOverview } from "./trace";

/** Months without activity after which a measure is listed. */
const STALE_MONTHS = 6;

export async function workspaceOverview(ctx: ServiceContext, bodyId: string) {
  assertManages(ctx, bodyId);
  const today = berlinDateOf(ctx.now);
  const committee = { select: { id: true, name: true, noticePeriodDays: true } } as const;
  const [upcoming, held, objections, plans] = await Promise.all([
    ctx.db.prisma.meeting.findMany({
      where: { committee: { bodyId }, state: { in: ["planned", "invited"] }, startsAt: { gte: ctx.now } },
      include: { committee },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: 20,
    }),
    ctx.db.prisma.meeting.findMany({
      where: {
        committee: { bodyId },
        state: { in: ["held", "closed"] },
        OR: [{ minutes: { is: null } }, { minutes: { is: { state: "draft" } } }],
      },
      include: { committee },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: 50,
    }),
    ctx.db.prisma.minutesObjection.findMany({
      where: { decision: null, minutes: { state: "circulated", meeting: { committee: { bodyId } } } },
      include: { minutes: { select: { meeting: { include: { committee } } } } },
      orderBy: { filedAt: "asc" },
    }),
    listPlans(ctx, bodyId),
  ]);
  const stale = (await Promise.all(plans.map((plan) => planOverview(ctx, plan.id, STALE_MONTHS)))).flatMap((overview) =>
    overview.stale.map((measure) => ({ ...measure, planTitle: overview.title })),
  );
  return {
    today,
    invitations: upcoming.map((meeting) => {
      const notice = checkNoticePeriod(meeting.startsAt, ctx.now, meeting.committee.noticePeriodDays);
      return { meeting, invited: meeting.state === "invited", deadline: notice.deadline, late: meeting.state === "planned" && notice.late };
    }),
    minutes: held.map((meeting) => {
      const dueDate = minutesDueDate(berlinDateOf(meeting.startsAt));
      return { meeting, dueDate, overdue: dueDate < today };
    }),
    objections: objections.map((objection) => ({ id: objection.id, filedAt: objection.filedAt, meeting: objection.minutes.meeting })),
    staleMeasures: stale,
    staleMonths: STALE_MONTHS,
  };
}

export type WorkspaceOverview = Awaited<ReturnType<typeof workspaceOverview>>;
