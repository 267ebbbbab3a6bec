import * as itemRequestPolicy from "../../policies/item-requests";
import type { ItemRequestModel, MeetingModel } from "../../generated/prisma-node/models";
import { Problem, fieldProblem, notFound } from "../../errors";
import { berlinDateOf } from "../../rules/calendar";
import { demandIsSupported, dueMeetingFor } from "../../rules/meeting";
import type { TItemRequest, TItemRequestCreate, TItemRequestUpdate } from "../../schemas/item-requests";
import { assertManages } from "../access";
import { getCommittee } from "../people/committees";
import type { ServiceContext } from "../context";
import { currentOn } from "../people/membership-filters";
import { expectVersion, insertAudited, newRecordColumns, updateAudited } from "../records";

type MeetingRef = Pick<MeetingModel, "id" | "startsAt" | "sequenceNumber">;

/** The committee's meetings that are not cancelled, in time order. */
async function meetingsOf(ctx: ServiceContext, committeeId: string): Promise<MeetingRef[]> {
  return ctx.db.prisma.meeting.findMany({
    where: { committeeId, state: { not: "cancelled" } },
    select: { id: true, startsAt: true, sequenceNumber: true },
    orderBy: { startsAt: "asc" },
  });
}

const dueMeetingOf = (request: ItemRequestModel, meetings: MeetingRef[]) =>
  dueMeetingFor(meetings.filter((m) => berlinDateOf(m.startsAt) > request.receivedOn));

async function toView(ctx: ServiceContext, request: ItemRequestModel, meetings: MeetingRef[]): Promise<TItemRequest> {
  const due = dueMeetingOf(request, meetings);
  const status = request.refusedReason
    ? "refused"
    : request.agendaItemId
      ? "scheduled"
      : due && due.startsAt < ctx.now
        ? "overdue"
        : "open";
  return {
    id: request.id,
    version: request.version,
    committeeId: request.committeeId,
    subject: request.subject,
    requestedBy: request.requestedBy,
    basis: request.basis as "group" | "members",
    supporters: request.supporters,
    receivedOn: request.receivedOn,
    dueMeeting: due ? { id: due.id, label: `${due.sequenceNumber}. Sitzung`, startsAt: due.startsAt.toISOString() } : null,
    agendaItemId: request.agendaItemId,
    refusedReason: request.refusedReason,
    status,
  };
}

/** The demands of a committee, for its members and its body's secretariat. */
export async function listItemRequests(ctx: ServiceContext, committeeId: string) {
  const committee = await getCommittee(ctx, committeeId);
  if (!itemRequestPolicy.canRead(ctx.actor, await ctx.readership(), committee)) {
    throw new Problem("forbidden", "Die beantragten Punkte eines Gremiums sehen seine Mitglieder und die Geschäftsstelle.");
  }
  const [requests, meetings] = await Promise.all([
    ctx.db.prisma.itemRequest.findMany({ where: { committeeId }, orderBy: [{ receivedOn: "asc" }, { id: "asc" }] }),
    meetingsOf(ctx, committeeId),
  ]);
  return Promise.all(requests.map((request) => toView(ctx, request, meetings)));
}

/** Records a demand for an agenda item (§34 (1) GemO); a sixth of the voting members must support it unless a group demands it. */
export async function createItemRequest(ctx: ServiceContext, committeeId: string, input: TItemRequestCreate) {
  const committee = await getCommittee(ctx, committeeId);
  assertManages(ctx, committee.bodyId);
  const members = await ctx.db.prisma.membership.count({ where: { committeeId, votingRight: true, ...currentOn(input.receivedOn) } });
  if (!demandIsSupported(input.basis, input.supporters, members)) {
    throw fieldProblem(
      "supporters",
      `ein Sechstel der ${members} stimmberechtigten Mitglieder ist nötig: mindestens ${Math.ceil(members / 6)}`,
    );
  }
  const row = await insertAudited(ctx, "ItemRequest", {
    ...newRecordColumns(ctx.now),
    committeeId,
    subject: input.subject,
    requestedBy: input.requestedBy,
    basis: input.basis,
    supporters: input.supporters,
    receivedOn: input.receivedOn,
    agendaItemId: null,
    refusedReason: null,
  });
  return toView(ctx, row, await meetingsOf(ctx, committeeId));
}

/** Links the agenda item that deals with a demand, or records why it is refused. */
export async function updateItemRequest(ctx: ServiceContext, id: string, version: number, input: TItemRequestUpdate) {
  const before = await ctx.db.prisma.itemRequest.findUnique({ where: { id } });
  if (!before) throw notFound("Item request", id);
  const committee = await getCommittee(ctx, before.committeeId);
  assertManages(ctx, committee.bodyId);
  expectVersion(before, version);
  if (input.agendaItemId) {
    const item = await ctx.db.prisma.agendaItem.findUnique({
      where: { id: input.agendaItemId },
      include: { meeting: { select: { committeeId: true } } },
    });
    if (!item || item.meeting.committeeId !== before.committeeId)
      throw fieldProblem("agendaItemId", "nennt keinen Tagesordnungspunkt dieses Gremiums");
  }
  const after = await updateAudited(ctx, "ItemRequest", before, input);
  return toView(ctx, after, await meetingsOf(ctx, before.committeeId));
}

/** Warnings for a meeting's agenda: demands due by this meeting that are not on its agenda. */
export async function dueItemRequestWarnings(ctx: ServiceContext, meeting: MeetingRef & { committeeId: string }): Promise<string[]> {
  const [requests, meetings] = await Promise.all([
    ctx.db.prisma.itemRequest.findMany({
      where: { committeeId: meeting.committeeId, refusedReason: null },
      include: { agendaItem: { select: { meetingId: true } } },
    }),
    meetingsOf(ctx, meeting.committeeId),
  ]);
  return requests
    .filter((request) => {
      const due = dueMeetingOf(request, meetings);
      const scheduledEarlier =
        request.agendaItem && meetings.find((m) => m.id === request.agendaItem!.meetingId)!.startsAt <= meeting.startsAt;
      return due !== undefined && due.startsAt <= meeting.startsAt && !scheduledEarlier;
    })
    .map(
      (request) =>
        `Der Antrag „${request.subject}“ (${request.requestedBy}, eingegangen am ${request.receivedOn}) muss spätestens in ` +
        `dieser Sitzung auf der Tagesordnung stehen (§ 34 Abs. 1 GemO).`,
    );
}
