/**
 * The secretariat's overview: the work that is due in a body, each entry with what it is about and by when. Computed
 * from the rules of procedure: the notice period of the invitation (§34 (1) GemO), the month for the minutes (§38 (2)
 * GemO); and from the record: objections without a decision, plan measures without activity.
 */
import { failedMailCount, listOutbox } from "./mail/outbox";
import { untoldAmendments } from "./meetings/invitations";
import { meetingRecipients } from "./mail/mails";
import { berlinDateOf } from "../rules/calendar";
import { checkNoticePeriod } from "../rules/meeting";
import { minutesDueDate } from "../rules/minutes";
import { assertManages } from "./access";
import { agendaOf } from "./meetings/agenda";
import { getCommittee, listCommittees } from "./people/committees";
import { listItemRequests } from "./meetings/item-requests";
import type { ServiceContext } from "./context";
import { listInvitations } from "./meetings/invitations";
import { getMeeting } from "./meetings/meeting-lookup";
import { committeeComposition } from "./people/memberships";
import { getPaper } from "./papers/papers";
import { listMeasures, listPlans } from "./plan/plans";
import { planOverview, resolutionMeasures } from "./plan/trace";
import { getResolution, listResolutions } from "./meetings/resolutions";
import { followUpOf } from "./plan/plan-follow-up";

/** Months without activity after which a measure is listed. */
const STALE_MONTHS = 6;

export async function workspaceOverview(ctx: ServiceContext, bodyId: string) {
  assertManages(ctx, bodyId);
  const today = berlinDateOf(ctx.now);
  const committee = { select: { id: true, name: true, noticePeriodDays: true } } as const;
  const [upcoming, held, objections, plans, committees, failedMails] = await Promise.all([
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
    listCommittees(ctx, { bodyId, limit: 200 }),
    failedMailCount(ctx, bodyId),
  ]);
  // Demanded items (§34 (1) GemO) not yet on an agenda nor refused, with the meeting they are due at, soonest first.
  const demands = (
    await Promise.all(
      committees.items.map(async (c) =>
        (await listItemRequests(ctx, c.id)).map((request) => ({ ...request, committee: { id: c.id, name: c.name } })),
      ),
    )
  )
    .flat()
    .filter((request) => request.status === "open" || request.status === "overdue")
    .sort((a, b) => (a.dueMeeting?.startsAt ?? "9999").localeCompare(b.dueMeeting?.startsAt ?? "9999"));
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
    demands,
    objections: objections.map((objection) => ({ id: objection.id, filedAt: objection.filedAt, meeting: objection.minutes.meeting })),
    staleMeasures: stale,
    staleMonths: STALE_MONTHS,
    failedMails,
  };
}

export type WorkspaceOverview = Awaited<ReturnType<typeof workspaceOverview>>;

/** A committee the actor manages, for an edit page of the workspace: 404 if it does not exist, 403 if not theirs. */
export async function managedCommittee(ctx: ServiceContext, id: string) {
  const committee = await getCommittee(ctx, id);
  assertManages(ctx, committee.bodyId);
  return committee;
}

/** A meeting the actor manages, with its agenda as the secretariat sees it (both parts) and its invitations. */
export async function managedMeeting(ctx: ServiceContext, id: string) {
  const meeting = await getMeeting(ctx, id);
  assertManages(ctx, meeting.committee.bodyId);
  const [agenda, invitations] = await Promise.all([agendaOf(ctx, meeting), listInvitations(ctx, id)]);
  return { meeting, agenda, invitations };
}

/** A paper the actor manages. */
export async function managedPaper(ctx: ServiceContext, id: string) {
  const paper = await getPaper(ctx, id);
  assertManages(ctx, paper.bodyId);
  return paper;
}

/**
 * What the invitation page shows: who will be invited (the seats on the day of the meeting, and who by post), the
 * notice-period check as it would stand if the invitation went out now (§34 (1) GemO), the mails sent for the
 * meeting, and how many agenda changes no amendment has told yet.
 */
export async function invitationPreview(ctx: ServiceContext, meetingId: string) {
  const { meeting, agenda, invitations } = await managedMeeting(ctx, meetingId);
  const [committee, composition] = await Promise.all([
    getCommittee(ctx, meeting.committeeId),
    committeeComposition(ctx, meeting.committeeId, berlinDateOf(meeting.startsAt)),
  ]);
  const notice = checkNoticePeriod(meeting.startsAt, ctx.now, committee.noticePeriodDays);
  const [mailRecipients, mails, untold] = await Promise.all([
    meetingRecipients(ctx, meeting),
    listOutbox(ctx, committee.bodyId, { meetingId: meeting.id }),
    meeting.state === "invited" ? untoldAmendments(ctx, meeting.id) : null,
  ]);
  return {
    meeting,
    agenda,
    invitations,
    recipients: composition.items,
    notice,
    mailRecipients,
    mails,
    newAmendments: untold?.changes.length ?? 0,
  };
}

/**
 * A resolution the actor manages, with what its page in the workspace offers: the measures it concerns and those it
 * could concern, the resolutions of its committee that could succeed it, the meetings that could announce it (§35 (1)
 * GemO: invited or held, with the announcement item) and, for a recommendation, what the receiving body made of it.
 */
export async function managedResolution(ctx: ServiceContext, id: string) {
  const resolution = await getResolution(ctx, id);
  const committee = await getCommittee(ctx, resolution.committeeId);
  assertManages(ctx, committee.bodyId);
  const [linked, plans, siblings, meetings, followUp, others] = await Promise.all([
    resolutionMeasures(ctx, id),
    listPlans(ctx, committee.bodyId),
    listResolutions(ctx, { committeeId: committee.id, limit: 200 }),
    ctx.db.prisma.meeting.findMany({
      where: {
        committeeId: committee.id,
        state: { in: ["invited", "held"] },
        items: { some: { kind: "announcement_of_resolutions", withdrawnAt: null } },
        ...(resolution.meetingId ? { id: { not: resolution.meetingId } } : {}),
      },
      orderBy: { startsAt: "asc" },
      select: { id: true, title: true, startsAt: true },
    }),
    resolution.kind === "recommendation" ? followUpOf(ctx, id) : null,
    resolution.kind === "recommendation"
      ? listResolutions(ctx, { bodyId: committee.bodyId, limit: 200 }).then((page) =>
          page.items.filter((r) => r.committeeId !== committee.id),
        )
      : [],
  ]);
  const measures = (await Promise.all(plans.map((plan) => listMeasures(ctx, plan.id)))).flat();
  return {
    resolution,
    committee,
    linked: linked.measures,
    measures: measures.map((m) => ({ id: m.id, code: m.code, title: m.title, status: m.status })),
    successors: siblings.items.filter((r) => r.id !== id),
    meetings,
    followUp,
    receiving: others,
  };
}
