/**
 * Following the audit log: which aggregates the writes since the last sync touch, and what changed in them against
 * what was published (new and changed objects with a new `modified`, objects that left the public view as deleted).
 */
import { ConstraintError, type Statement } from "../../db/database";
import {
  beginOparlBuild,
  confirmOparlAggregates,
  endOparlBuild,
  findAggregatesWithoutDigests,
  findAuditEntriesBetween,
  findOparlObjectsByKeys,
  findOparlObjectsOfAggregates,
  findOparlSyncState,
  findOparlSyncedAuditId,
  findRecordIdsAfter,
  moveOparlBuild,
  oparlStateIs,
  recordOparlFollowOffset,
  oparlSyncedTo,
  recordOparlSync,
  upsertOparlObject,
  type AuditTrace,
  type OparlSyncState,
} from "../../db/queries/oparl";
import { assertion } from "../../db/sql";
import { oparlDateTime, type Embed } from "../../documents/oparl";
import type { ServiceContext } from "../context";
import { publishedObject, toRow, type OparlRow } from "./oparl";
import { aggregatesOf, emptyPlan, publicContext, type Aggregate, type OparlDeps, type Plan } from "./oparl-objects";

/** A body's name and its letterhead are in every document of the body (and the number of bodies in every `web`). */
const WHOLE_VIEW = new Set(["Body", "BodyDocumentSettings"]);
/**
 * Records of the body's aggregate (its terms, committees, people and memberships), with the fields of their audit
 * snapshots that name what else they touch: people and committees are named in the documents of their committees'
 * meetings (chair, attendance, signatures), and a committee on the route of its papers.
 */
const OF_BODY: Record<string, readonly ("bodyId" | "committeeId" | "personId")[]> = {
  Committee: ["bodyId"],
  Term: ["bodyId"],
  Person: ["bodyId"],
  Membership: ["committeeId", "personId"],
};
/** Records OParl does not publish. */
const NOT_PUBLISHED = new Set([
  "ApiToken",
  "Account",
  "AccountToken",
  "Session",
  "SignInAttempt",
  "CalendarFeedToken",
  "ItemRequest",
  "WrittenProcedure",
  "WrittenObjection",
  "Plan",
  "PlanUpdate",
  "ActionField",
  "Measure",
  "MeasureHistory",
  "MeasureLink",
  "RecommendationFollowUp",
  "ForumIdea",
  "Figure",
  "FigureValue",
  "FigureValueRevision",
  "IntegrationReport",
  "IntegrationReportSection",
  "BodyPage",
]);
/** Records that belong to a meeting or a paper, which the fields of their audit snapshots name. */
const PART_OF_MEETING_OR_PAPER = new Set([
  "Meeting",
  "AgendaItem",
  "AgendaAmendment",
  "Invitation",
  "Attendance",
  "Recusal",
  "Vote",
  "Resolution",
  "MinutesEntry",
  "Minutes",
  "MinutesItemNote",
  "MinutesRevision",
  "MinutesObjection",
  "MinutesSignature",
  "Paper",
  "PaperAttachment",
  "Consultation",
]);
/** The fields of the audit snapshots of a meeting's or a paper's records that name the aggregate they belong to. */
const LINK_FIELDS = {
  meetingId: "meeting",
  announcedMeetingId: "meeting",
  paperId: "paper",
  minutesId: "minutes",
} as const satisfies Record<string, "meeting" | "paper" | "minutes">;
/**
 * What one step of the view's work takes on at most: the audit entries an incremental pass follows, the aggregates
 * it or a chunk of a build rebuilds, and the generated documents it renders to state their digests (the others are
 * left to `backfillOparlDigests`). Ten meetings are about 300 objects: one D1 batch stays well under its limit of
 * 1000 statements per invocation (paid plan).
 */
export const OPARL_CHUNK = { entries: 200, aggregates: 10, renders: 4 };

/** Which aggregates the audit entries after `from` up to `to` touch (at most OPARL_CHUNK.entries of them). */
export async function planOf(ctx: ServiceContext, from: number, to: number): Promise<Plan> {
  return planOfEntries(ctx, await findAuditEntriesBetween(ctx.db, from, to, OPARL_CHUNK.entries));
}

async function planOfEntries(ctx: ServiceContext, entries: AuditTrace[]): Promise<Plan> {
  const found = { meeting: new Set<string>(), paper: new Set<string>(), minutes: new Set<string>() };
  // An invitation dates the papers on its meeting's agenda that have no date of their own.
  const invited = new Set<string>();
  const of = { bodyId: new Set<string>(), committeeId: new Set<string>(), personId: new Set<string>() };
  // Renamed committees: their papers' documents name them.
  const renamed = new Set<string>();
  for (const entry of entries) {
    const type = entry.entityType;
    if (NOT_PUBLISHED.has(type)) continue;
    // A record this view does not know yet is taken as touching everything: rebuild rather than miss it.
    if (WHOLE_VIEW.has(type) || !(PART_OF_MEETING_OR_PAPER.has(type) || Object.hasOwn(OF_BODY, type))) return emptyPlan(true);
    if (type === "Meeting") found.meeting.add(entry.entityId);
    if (type === "Paper") found.paper.add(entry.entityId);
    if (type === "Invitation" && entry.after) invited.add(String((JSON.parse(entry.after) as { meetingId: string }).meetingId));
    if (type === "Committee") of.committeeId.add(entry.entityId) && renamed.add(entry.entityId);
    if (type === "Person") of.personId.add(entry.entityId);
    for (const snapshot of [entry.before, entry.after]) {
      if (!snapshot) continue;
      const row = JSON.parse(snapshot) as Record<string, unknown>;
      const links = OF_BODY[type] ?? [];
      for (const field of links) if (typeof row[field] === "string") of[field].add(row[field]);
      if (links.length) continue;
      for (const [field, target] of Object.entries(LINK_FIELDS)) if (typeof row[field] === "string") found[target].add(row[field]);
    }
  }
  const { prisma } = ctx.db;
  const anyOf = (set: Set<string>) => ({ in: [...set] });
  // People's seats: the committees whose meetings name them.
  const seats = of.personId.size ? await prisma.membership.findMany({ where: { personId: anyOf(of.personId) } }) : [];
  for (const seat of seats) of.committeeId.add(seat.committeeId);
  const committees = of.committeeId.size ? await prisma.committee.findMany({ where: { id: anyOf(of.committeeId) } }) : [];
  for (const committee of committees) of.bodyId.add(committee.bodyId);
  const [minutes, items, meetings, consultations, agendaPapers] = await Promise.all([
    found.minutes.size ? prisma.minutes.findMany({ where: { id: anyOf(found.minutes) }, select: { meetingId: true } }) : [],
    // A paper's visibility decides whether the items that deal with it link its consultation.
    found.paper.size ? prisma.agendaItem.findMany({ where: { paperId: anyOf(found.paper) }, select: { meetingId: true } }) : [],
    of.committeeId.size ? prisma.meeting.findMany({ where: { committeeId: anyOf(of.committeeId) }, select: { id: true } }) : [],
    renamed.size ? prisma.consultation.findMany({ where: { committeeId: anyOf(renamed) }, select: { paperId: true } }) : [],
    invited.size
      ? prisma.agendaItem.findMany({ where: { meetingId: anyOf(invited), paperId: { not: null } }, select: { paperId: true } })
      : [],
  ]);
  return {
    whole: false,
    bodies: of.bodyId,
    meetings: new Set([
      ...found.meeting,
      ...minutes.map((m) => m.meetingId),
      ...items.map((i) => i.meetingId),
      ...meetings.map((m) => m.id),
    ]),
    papers: new Set([...found.paper, ...consultations.map((c) => c.paperId), ...agendaPapers.map((i) => i.paperId!)]),
  };
}

/** The object as OParl shows it: id and type first, then its data, then created and modified. */
const isEmbed = (value: unknown): value is Embed => typeof value === "object" && value !== null && "embed" in value;

/**
 * Compares the aggregates with what was published and answers the writes: new and changed objects with a new
 * `modified`, and objects of the rebuilt aggregates that are gone, as deleted.
 */
async function changes(ctx: ServiceContext, aggregates: Aggregate[], now: Date): Promise<Statement[]> {
  const keys = aggregates.map((a) => a.key);
  const existing = new Map<string, OparlRow>();
  for (let i = 0; i < keys.length; i += 90) {
    for (const row of await findOparlObjectsOfAggregates(ctx.db, keys.slice(i, i + 90))) existing.set(row.id, toRow(row));
  }
  // Embedded objects from aggregates not rebuilt now (the places of a meeting) are taken as published.
  const produced = new Set(aggregates.flatMap((a) => a.drafts.map((d) => d.key)));
  const wanted = new Set<string>();
  const collect = (value: unknown): void => {
    if (isEmbed(value)) wanted.add(value.embed);
    else if (value && typeof value === "object") for (const entry of Object.values(value)) collect(entry);
  };
  for (const draft of aggregates.flatMap((a) => a.drafts)) collect(draft.data);
  const outside = [...wanted].filter((key) => !produced.has(key) && !existing.has(key));
  for (let i = 0; i < outside.length; i += 90) {
    const chunk = outside.slice(i, i + 90);
    const rows = await findOparlObjectsByKeys(ctx.db, chunk);
    for (const row of rows) existing.set(row.id, toRow(row));
  }

  const published = new Map<string, OparlRow>();
  const statements: Statement[] = [];
  const embedded = (value: Embed) => {
    const row = published.get(value.embed) ?? existing.get(value.embed);
    if (!row || row.deleted) return undefined;
    const object = publishedObject(row) as Record<string, unknown>;
    for (const member of value.without) delete object[member];
    return object;
  };
  const resolve = (value: unknown): unknown => {
    if (isEmbed(value)) return embedded(value);
    if (Array.isArray(value)) return value.map(resolve).filter((entry) => entry !== undefined);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => ((v = resolve(v)) === undefined ? [] : [[k, v]])));
    }
    return value;
  };
  for (const aggregate of aggregates) {
    for (const draft of aggregate.drafts) {
      const before = existing.get(draft.key);
      const data = resolve(draft.data) as Record<string, unknown>;
      if (draft.type === "Body") data.oparlSince = (before && !before.deleted && JSON.parse(before.data).oparlSince) || oparlDateTime(now);
      const json = JSON.stringify(data);
      const unchanged =
        before && !before.deleted && before.data === json && before.type === draft.type && before.aggregate === aggregate.key;
      const row: OparlRow = unchanged
        ? before
        : {
            id: draft.key,
            bodyId: aggregate.bodyId,
            type: draft.type,
            aggregate: aggregate.key,
            data: json,
            deleted: false,
            createdAt: before?.createdAt ?? (draft.created < now ? draft.created : now),
            modifiedAt: now,
          };
      published.set(draft.key, row);
      if (!unchanged) statements.push(upsertOparlObject(row));
    }
  }
  for (const row of existing.values()) {
    if (keys.includes(row.aggregate) && !row.deleted && !published.has(row.id))
      statements.push(upsertOparlObject({ ...row, data: "{}", deleted: true, modifiedAt: now }));
  }
  return statements;
}

/**
 * Generated documents one pass renders at most to state their size and checksum: a change to a few meetings renders
 * their few documents at once; a rebuild of a large view leaves the rest to `backfillOparlDigests`, so that no request
 * renders hundreds of PDFs (a Worker's CPU time is bounded).
 */
export const RENDERS_PER_PASS = 32;

/** Where the view stands after a step: `done` when nothing is left to do, `built` once its first build has ended. */
export interface OparlProgress {
  done: boolean;
  built: boolean;
}

/** OParl's date-times have no unit smaller than a second, and a client's modified_since must find the change. */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * One bounded step of the view's work, resuming where the last one stopped. Writes come first, also while a build
 * runs, so that what a write hides leaves the view at once:
 * - the next audit entries (at most OPARL_CHUNK.entries, touching at most OPARL_CHUNK.aggregates); an entry that
 *   alone touches more (a membership: every meeting of its committee) is rebuilt over several steps; one the view
 *   cannot follow record by record (a body's name or letterhead, in every document) starts a build;
 * - then a chunk of the build in progress;
 * - before the first build, its start.
 * Each step is one atomic write, guarded by the state it read: of two steps at once, the second finds the state
 * moved and writes nothing. Objects a step rebuilds are stamped with the current build's number.
 */
export async function advanceOparl(ctx: ServiceContext, deps: OparlDeps): Promise<OparlProgress> {
  const reader = publicContext(ctx);
  // A caller's budget of renders is shared by its steps; without one, each step has its own.
  deps = { ...deps, renders: deps.renders ?? { left: OPARL_CHUNK.renders } };
  const now = wholeSeconds(ctx.now);
  const { state, head } = await findOparlSyncState(ctx.db);
  const built = Boolean(state?.completedAt);
  const apply = async (statements: Statement[], done: boolean): Promise<OparlProgress> => {
    try {
      await ctx.db.batch([assertion(oparlStateIs(state)), ...statements]);
      return { done, built: built || done };
    } catch (error) {
      // The state moved (another step applied meanwhile): the next step looks again from where it got to.
      if (error instanceof ConstraintError && error.constraint === "check") return { done: false, built };
      throw error;
    }
  };
  if (!state || (!built && !state.buildPhase)) return apply([beginOparlBuild((state?.build ?? 0) + 1, head, now)], false);
  if (state.auditId < head) return follow(reader, deps, state, head, now, apply);
  if (state.buildPhase) return buildChunk(reader, deps, state, now, apply);
  return { done: true, built };
}

type Apply = (statements: Statement[], done: boolean) => Promise<OparlProgress>;

/** Rebuilds the aggregates of the next audit entries (or the next slice of one entry's), stamped by the build. */
async function follow(reader: ServiceContext, deps: OparlDeps, state: OparlSyncState, head: number, now: Date, apply: Apply) {
  // The next entries, fewer while they touch more aggregates than a step takes.
  let entries = await findAuditEntriesBetween(reader.db, state.auditId, head, OPARL_CHUNK.entries);
  let plan = await planOfEntries(reader, entries);
  const size = (p: Plan) => p.bodies.size + p.meetings.size + p.papers.size;
  while (!plan.whole && size(plan) > OPARL_CHUNK.aggregates && entries.length > 1) {
    entries = entries.slice(0, Math.ceil(entries.length / 2));
    plan = await planOfEntries(reader, entries);
  }
  if (plan.whole) return apply([beginOparlBuild(state.build + 1, head, now)], false);
  const through = entries.at(-1)?.id ?? head;
  // One entry that touches more than a step takes: its aggregates a slice at a time, in a fixed order.
  const keys = [
    ...[...plan.bodies].map((id) => `body:${id}`),
    ...[...plan.meetings].map((id) => `meeting:${id}`),
    ...[...plan.papers].map((id) => `paper:${id}`),
  ].sort();
  const slice = keys.slice(state.followOffset, state.followOffset + OPARL_CHUNK.aggregates);
  const last = state.followOffset + OPARL_CHUNK.aggregates >= keys.length;
  const part = emptyPlan(false);
  for (const key of slice) {
    const [kind, id] = key.split(":") as ["body" | "meeting" | "paper", string];
    (kind === "body" ? part.bodies : kind === "meeting" ? part.meetings : part.papers).add(id);
  }
  const aggregates = await aggregatesOf(reader, deps, part);
  const statements = await changes(reader, aggregates, now);
  statements.push(
    ...confirmOparlAggregates(
      state.build,
      aggregates.map((a) => a.key),
    ),
  );
  const moved = last ? recordOparlSync(through, reader.now) : recordOparlFollowOffset(state.followOffset + slice.length);
  return apply([...statements, moved], last && through >= head && !state.buildPhase);
}

/**
 * One chunk of a build: the places and the bodies first, then OPARL_CHUNK.aggregates meetings, then papers, each in
 * the order of their ids (which no deletion or new date moves); the objects of the aggregates rebuilt are stamped
 * with the build's number, and a record the public may not see rebuilds as nothing. After the last paper the build
 * ends: what it did not stamp has left the public view.
 */
async function buildChunk(reader: ServiceContext, deps: OparlDeps, state: OparlSyncState, now: Date, apply: Apply) {
  const phase = state.buildPhase as "bodies" | "meetings" | "papers";
  const ids =
    phase === "bodies"
      ? []
      : (
          await findRecordIdsAfter(reader.db, phase === "meetings" ? "Meeting" : "Paper", state.buildCursor ?? "", OPARL_CHUNK.aggregates)
        ).map((row) => row.id);
  const plan = emptyPlan(false);
  if (phase === "bodies") for (const body of await reader.db.prisma.body.findMany({ select: { id: true } })) plan.bodies.add(body.id);
  for (const id of ids) (phase === "meetings" ? plan.meetings : plan.papers).add(id);
  const aggregates = await aggregatesOf(reader, deps, plan, { places: phase === "bodies" });
  const statements = await changes(reader, aggregates, now);
  statements.push(
    ...confirmOparlAggregates(
      state.build,
      aggregates.map((a) => a.key),
    ),
  );
  if (ids.length === OPARL_CHUNK.aggregates) return apply([...statements, moveOparlBuild(phase, ids.at(-1)!)], false);
  if (phase !== "papers") return apply([...statements, moveOparlBuild(phase === "bodies" ? "meetings" : "papers", null)], false);
  return apply([...statements, ...endOparlBuild(state.build, now)], false);
}

/** Whether the view's first build has ended, whether writes wait for it, and up to when it followed them. */
export async function oparlViewState(ctx: ServiceContext) {
  const { state, head } = await findOparlSyncState(ctx.db);
  return {
    built: Boolean(state?.completedAt),
    behind: !state || Boolean(state.buildPhase) || state.auditId < head,
    syncedAt: state?.syncedAt ? oparlDateTime(new Date(state.syncedAt)) : null,
  };
}

/**
 * Brings the view up to date step by step, however long that takes, with one budget of RENDERS_PER_PASS documents
 * rendered for their digests (the rest are `backfillOparlDigests`'s): where no background does it (tests,
 * `OPARL_DIGEST_SECONDS=0`), and for the benchmark's datasets.
 */
export async function syncOparl(ctx: ServiceContext, deps: OparlDeps): Promise<void> {
  const pass = { ...deps, renders: deps.renders ?? { left: RENDERS_PER_PASS } };
  while (!(await advanceOparl(ctx, pass)).done);
}

/**
 * The view's background work within a budget of milliseconds: steps until nothing is left or the budget is spent,
 * then the digests of a few generated files. Answers whether work is left (the caller may go on after a pause). On
 * Workers the clock moves only with I/O, which every step does.
 */
export async function oparlBackgroundWork(ctx: () => ServiceContext, deps: OparlDeps, budgetMs: number): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    const progress = await advanceOparl(ctx(), deps);
    if (progress.done) break;
    if (Date.now() - started >= budgetMs) return true;
  }
  // One aggregate's documents at most, a step's renders: PDF rendering holds the thread it runs on.
  return (await backfillOparlDigests(ctx(), { ...deps, renders: { left: OPARL_CHUNK.renders } }, 1)) > 0;
}

/**
 * Fills in the size and checksum of generated files that a pass published without them (its budget of renders was
 * spent), a few aggregates at a time: the background work of the view, run by the Node process on a timer and after
 * OParl requests on Workers. The objects change once, when their digest becomes known; never because of a download.
 * Answers how many aggregates it brought up to date.
 */
export async function backfillOparlDigests(ctx: ServiceContext, deps: OparlDeps, aggregates = 4): Promise<number> {
  const reader = publicContext(ctx);
  const pending = await findAggregatesWithoutDigests(ctx.db, aggregates);
  if (pending.length === 0) return 0;
  const plan = emptyPlan(false);
  for (const { aggregate } of pending) {
    const [kind, id] = aggregate.split(":") as [string, string];
    if (kind === "meeting") plan.meetings.add(id);
    else if (kind === "paper") plan.papers.add(id);
  }
  const auditId = await findOparlSyncedAuditId(ctx.db);
  const now = wholeSeconds(ctx.now);
  const pass = { ...deps, renders: deps.renders ?? { left: RENDERS_PER_PASS } };
  const statements = await changes(reader, await aggregatesOf(reader, pass, plan), now);
  try {
    // Written only if no sync moved the view meanwhile; the next round takes it up again.
    await ctx.db.batch([assertion(oparlSyncedTo(auditId)), ...statements]);
  } catch (error) {
    if (!(error instanceof ConstraintError)) throw error;
    return 0;
  }
  return pending.length;
}
