import { meetingStateName } from "../../rules/meeting";
import { AGENDA_ITEM_KIND, label } from "../../documents/labels";
import type { AgendaItemModel } from "../../generated/prisma-node/models";
import { canReadNonPublicPart } from "../../policies/meetings";
import { actorName } from "../../auth/principal";
import type { Statement } from "../../db/database";
import {
  findItems,
  readAgenda,
  unlinkItemRequests,
  type AmendmentRow,
  type AnnouncementRow,
  type ItemWithPaper,
} from "../../db/queries/agenda";
import * as paperPolicy from "../../policies/papers";
import { atVersion, deleteRow, deleteVersioned, guard, insertRow, updateRow, updateVersioned } from "../../db/sql";
import { Problem, fieldProblem, notFound, type FieldError } from "../../errors";
import { defaultInsertIndex, mustBePublic, numberAgenda, reorder, type AgendaItemKind } from "../../rules/agenda";
import { toItemView, type TAgendaItemCreate, type TAgendaItemMove, type TAgendaItemUpdate } from "../../schemas/agenda";
import { assertManages } from "../access";
import type { ServiceContext } from "../context";
import { dueItemRequestWarnings } from "./item-requests";
import { getMeeting } from "./meeting-lookup";
import { auditStatement, auditedInsert, expectVersion, newRecordColumns } from "../records";
import { resolutionNumber } from "../../rules/resolutions";

type Meeting = Awaited<ReturnType<typeof getMeeting>>;
const itemsOf = (ctx: ServiceContext, meetingId: string) => findItems(ctx.db, meetingId);

/**
 * The numbered agenda as the caller may see it. Non-public items, their amendments and warnings
 * about them are left out for anyone who may not read them; the public numbering has no gaps.
 */
export async function getAgenda(ctx: ServiceContext, meetingId: string) {
  return agendaOf(ctx, await getMeeting(ctx, meetingId));
}

/**
 * The agenda of a meeting already loaded (see `getAgenda`): items, amendments and the announcements read
 * together (one round trip on D1).
 */
/** The agenda after a write, as the writer sees it, with the id of the item written. */
async function agendaAfter(ctx: ServiceContext, meetingId: string, itemId: string) {
  return { ...(await getAgenda(ctx, meetingId)), itemId };
}

export async function agendaOf(ctx: ServiceContext, meeting: Meeting) {
  return (await meetingAgenda(ctx, meeting)).agenda;
}

/**
 * The agenda as `agendaOf` answers it, with what a meeting page shows beside it, from the same read: whether
 * there is a non-public part (anyone may know that it exists, §35 GemO, but not what is in it, nor how many items
 * it has), and, with `resolutions`, the resolutions of the items the caller may see.
 */
export async function meetingAgenda(ctx: ServiceContext, meeting: Meeting, options: { resolutions?: boolean } = {}) {
  const meetingId = meeting.id;
  const full = canReadNonPublicPart(ctx.actor, await ctx.readership(), { id: meeting.committeeId, bodyId: meeting.committee.bodyId });
  const { items, amendments, announcements, resolutions, publishedPapers } = await readAgenda(
    ctx.db,
    meeting,
    full,
    options.resolutions ?? false,
  );
  const numbered = numberAgenda(items).filter((item) => full || item.isPublic);
  const agenda = {
    meetingId,
    items: numbered.map((item) => toItemView(withoutWithdrawnPaper(item, full, publishedPapers), full)),
    announcements: numbered.some((item) => item.kind === "announcement_of_resolutions")
      ? announcements.map((r) => toAnnouncement(meeting, r))
      : [],
    amendments: amendments.map((a: AmendmentRow) => ({ ...a, at: a.at.toISOString() })),
    warnings: full ? await dueItemRequestWarnings(ctx, meeting) : [],
  };
  return {
    agenda,
    hasNonPublicPart: items.some((item) => !item.isPublic && !item.withdrawnAt),
    resolutions: resolutions
      .filter((r) => r.isPublic || full)
      .map((r) => ({ id: r.id, itemId: r.itemId, number: resolutionNumber(meeting.committee.shortName, r.year, r.serial) })),
  };
}

/** An item without the title of a withdrawn paper, where the reader may not read it (see `hidesTitle`). */
function withoutWithdrawnPaper<T extends ItemWithPaper>(item: T, readsNonPublic: boolean, published: ReadonlySet<string>): T {
  if (!item.paper || !paperPolicy.hidesTitle(item.paper, readsNonPublic, published)) return item;
  const title = item.paper.title;
  return {
    ...item,
    title: paperPolicy.withoutTitle(item.title, title),
    description: item.description === null ? null : paperPolicy.withoutTitle(item.description, title),
    paper: null,
  };
}

function toAnnouncement(meeting: Meeting, r: AnnouncementRow) {
  return {
    resolutionId: r.id,
    number: resolutionNumber(meeting.committee.shortName, r.year, r.serial),
    text: r.text,
    announced: r.announcedMeetingId === meeting.id,
  };
}

/** The agenda can change until the meeting is held; after the invitation, changes are amendments. */
function assertAgendaOpen(meeting: Meeting) {
  if (meeting.state !== "planned" && meeting.state !== "invited") {
    throw new Problem("conflict", `Die Tagesordnung einer Sitzung im Stand „${meetingStateName(meeting.state)}“ steht fest.`);
  }
}

function amendment(
  ctx: ServiceContext,
  meeting: Meeting,
  item: { id: string; isPublic: boolean },
  action: string,
  summary: string,
): Statement[] {
  if (meeting.state !== "invited") return [];
  return [
    insertRow("AgendaAmendment", {
      id: crypto.randomUUID(),
      meetingId: meeting.id,
      itemId: item.id,
      at: ctx.now,
      actorName: actorName(ctx.actor),
      action,
      summary,
      isPublic: item.isPublic,
    }),
  ];
}

async function checkReferences(
  ctx: ServiceContext,
  meeting: Meeting,
  input: { paperId?: string | null; kind?: AgendaItemKind },
  isPublic: boolean,
) {
  const errors: FieldError[] = [];
  if (input.paperId) {
    const paper = await ctx.db.prisma.paper.findFirst({ where: { id: input.paperId, deletedAt: null } });
    if (!paper || paper.bodyId !== meeting.committee.bodyId)
      errors.push({ field: "paperId", reason: "nennt keine Vorlage dieser Körperschaft" });
  }
  if (input.kind && mustBePublic(input.kind) && !isPublic)
    errors.push({
      field: "isPublic",
      reason: `ein Punkt der Art „${label(AGENDA_ITEM_KIND, input.kind)}“ gehört in den öffentlichen Teil`,
    });
  if (errors.length) throw new Problem("unprocessable", "Der Tagesordnungspunkt verletzt eine Regel.", { errors });
}

async function loadItem(ctx: ServiceContext, id: string) {
  const item = await ctx.db.prisma.agendaItem.findUnique({ where: { id } });
  if (!item) throw notFound("Agenda item", id);
  const meeting = await getMeeting(ctx, item.meetingId);
  assertManages(ctx, meeting.committee.bodyId);
  return { item, meeting };
}

/** Adds an item, at the end of its part or at a position among its siblings, and renumbers. */
export async function createAgendaItem(ctx: ServiceContext, meetingId: string, input: TAgendaItemCreate) {
  const meeting = await getMeeting(ctx, meetingId);
  assertManages(ctx, meeting.committee.bodyId);
  assertAgendaOpen(meeting);
  const items = await itemsOf(ctx, meetingId);
  const parent = input.parentId ? items.find((i) => i.id === input.parentId && i.withdrawnAt === null) : undefined;
  if (input.parentId && !parent) throw fieldProblem("parentId", "nennt keinen Punkt der Tagesordnung dieser Sitzung");
  const isPublic = parent ? parent.isPublic : input.isPublic;
  await checkReferences(ctx, meeting, input, isPublic);

  const row = {
    ...newRecordColumns(ctx.now),
    meetingId,
    parentId: parent?.id ?? null,
    isPublic,
    position: 0,
    kind: input.kind,
    title: input.title,
    paperId: input.paperId ?? null,
    presenter: input.presenter ?? null,
    durationMinutes: input.durationMinutes ?? null,
    description: input.description ?? null,
    withdrawnAt: null,
  };
  const siblings = siblingsOf(items, row.parentId, isPublic);
  const order = reorder(siblings, row, input.position ?? (row.parentId ? siblings.length : defaultInsertIndex(siblings)));
  row.position = order.find((p) => p.id === row.id)!.position;
  await ctx.db.batch([
    ...auditedInsert(ctx, "AgendaItem", row),
    ...positionUpdates(siblings, order),
    ...amendment(ctx, meeting, row, "added", `Neu aufgenommen: ${row.title}`),
  ]);
  return agendaAfter(ctx, meetingId, row.id);
}

const siblingsOf = <T extends { parentId: string | null; isPublic: boolean; position: number; id: string }>(
  items: T[],
  parentId: string | null,
  isPublic: boolean,
) =>
  items
    .filter((i) => i.parentId === parentId && (parentId !== null || i.isPublic === isPublic))
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));

function positionUpdates(siblings: { id: string; position: number }[], order: { id: string; position: number }[]): Statement[] {
  const before = new Map(siblings.map((s) => [s.id, s.position]));
  return order
    .filter((p) => before.has(p.id) && before.get(p.id) !== p.position)
    .map((p) => updateRow("AgendaItem", p.id, { position: p.position }));
}

/**
 * Writes one item at the version the caller read, with the statements that go with it (sibling
 * positions, sub-items, amendment, audit). Those come first, guarded by the item's version; the
 * versioned write of the item comes last, so the batch takes effect whole or not at all.
 */
async function writeItem(
  ctx: ServiceContext,
  meeting: Meeting,
  before: AgendaItemModel,
  changes: Partial<AgendaItemModel> | "delete",
  extra: Statement[],
  action: string,
  summary: string,
) {
  const after = changes === "delete" ? null : { ...before, ...changes, version: before.version + 1, updatedAt: ctx.now };
  const unchanged = atVersion("AgendaItem", before.id, before.version);
  const companions = [
    ...extra,
    ...amendment(ctx, meeting, after ?? before, action, summary),
    auditStatement(ctx, after ? "update" : "delete", "AgendaItem", before.id, before, after),
  ];
  const write =
    changes === "delete"
      ? deleteVersioned("AgendaItem", before.id, before.version)
      : updateVersioned("AgendaItem", before.id, before.version, { ...changes, updatedAt: ctx.now });
  const results = await ctx.db.batch([...companions.map((statement) => guard(statement, unchanged)), write]);
  if (results[results.length - 1] === 0)
    throw new Problem(
      "precondition_failed",
      "Der Tagesordnungspunkt wurde inzwischen von jemand anderem geändert: bitte neu laden und die Änderung erneut anbringen.",
    );
}

export async function updateAgendaItem(ctx: ServiceContext, id: string, version: number, input: TAgendaItemUpdate) {
  const { item, meeting } = await loadItem(ctx, id);
  expectVersion(item, version);
  assertAgendaOpen(meeting);
  if (item.withdrawnAt) throw new Problem("conflict", "Der Punkt wurde von der Tagesordnung abgesetzt.");
  await checkReferences(ctx, meeting, input, item.isPublic);
  await writeItem(ctx, meeting, item, input, [], "changed", `Geändert: ${input.title ?? item.title}`);
  return agendaAfter(ctx, item.meetingId, id);
}

/** Moves an item to another place, parent or (top-level items) part; siblings on both sides are renumbered. */
export async function moveAgendaItem(ctx: ServiceContext, id: string, version: number, input: TAgendaItemMove) {
  const { item, meeting } = await loadItem(ctx, id);
  expectVersion(item, version);
  assertAgendaOpen(meeting);
  const items = await itemsOf(ctx, item.meetingId);
  const descendants = descendantsOf(items, item.id);
  let isPublic = input.isPublic ?? item.isPublic;
  if (input.parentId) {
    const parent = items.find((i) => i.id === input.parentId);
    if (!parent || parent.withdrawnAt) throw fieldProblem("parentId", "nennt keinen Punkt der Tagesordnung dieser Sitzung");
    if (parent.id === item.id || descendants.some((d) => d.id === parent.id))
      throw fieldProblem("parentId", "ein Punkt kann nicht unter sich selbst stehen");
    if (input.isPublic !== undefined && input.isPublic !== parent.isPublic)
      throw fieldProblem("isPublic", "ein Unterpunkt gehört in den Teil seines Oberpunkts");
    isPublic = parent.isPublic;
  }
  await checkReferences(ctx, meeting, { kind: item.kind as AgendaItemKind }, isPublic);

  const oldSiblings = siblingsOf(items, item.parentId, item.isPublic).filter((s) => s.id !== item.id);
  const newSiblings = siblingsOf(items, input.parentId, isPublic);
  const order = reorder(newSiblings, item, input.position);
  const closeGap = oldSiblings.map((s, position) => ({ id: s.id, position }));
  const samePlace = (input.parentId ?? null) === item.parentId && isPublic === item.isPublic;
  const partChange = isPublic !== item.isPublic ? descendants.map((d) => updateRow("AgendaItem", d.id, { isPublic })) : [];
  await writeItem(
    ctx,
    meeting,
    item,
    { parentId: input.parentId, isPublic, position: order.find((p) => p.id === item.id)!.position },
    // Within the same siblings, the new order is the whole change; closing the gap as well would write two
    // positions for one sibling, and the later write would leave two items on one place.
    samePlace
      ? positionUpdates(
          newSiblings.filter((s) => s.id !== item.id),
          order,
        )
      : [
          ...positionUpdates(oldSiblings, closeGap),
          ...positionUpdates(
            newSiblings.filter((s) => s.id !== item.id),
            order,
          ),
          ...partChange,
        ],
    "moved",
    `Verschoben: ${item.title}`,
  );
  return agendaAfter(ctx, item.meetingId, id);
}

const descendantsOf = (items: AgendaItemModel[], id: string): AgendaItemModel[] =>
  items.filter((i) => i.parentId === id).flatMap((child) => [child, ...descendantsOf(items, child.id)]);

/**
 * Removes an item with its sub-items. Before the invitation it is deleted; afterwards it is withdrawn
 * (abgesetzt) and stays visible, with an amendment.
 */
export async function removeAgendaItem(ctx: ServiceContext, id: string, version: number) {
  const { item, meeting } = await loadItem(ctx, id);
  expectVersion(item, version);
  assertAgendaOpen(meeting);
  if (item.withdrawnAt) throw new Problem("conflict", "Der Punkt ist bereits abgesetzt.");
  const items = await itemsOf(ctx, item.meetingId);
  const subtree = [item, ...descendantsOf(items, item.id)];
  if (meeting.state === "invited") {
    await writeItem(
      ctx,
      meeting,
      item,
      { withdrawnAt: ctx.now },
      subtree.slice(1).map((d) => updateRow("AgendaItem", d.id, { withdrawnAt: ctx.now })),
      "withdrawn",
      `Abgesetzt: ${item.title}`,
    );
    return agendaAfter(ctx, item.meetingId, id);
  }
  const siblings = siblingsOf(items, item.parentId, item.isPublic).filter((s) => s.id !== item.id);
  const ids = subtree.map((i) => i.id);
  await writeItem(
    ctx,
    meeting,
    item,
    "delete",
    [
      unlinkItemRequests(ids),
      // Sub-items go first, deepest first, so that no foreign key points at a deleted row.
      ...subtree
        .slice(1)
        .reverse()
        .map((d) => deleteRow("AgendaItem", d.id)),
      ...positionUpdates(
        siblings,
        siblings.map((s, position) => ({ id: s.id, position })),
      ),
    ],
    "deleted",
    `Entfernt: ${item.title}`,
  );
  return agendaAfter(ctx, item.meetingId, id);
}
