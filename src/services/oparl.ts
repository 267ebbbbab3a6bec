/**
 * The OParl view: the public data of each body as OParl 1.1 objects, kept in `OparlObject` as last published.
 *
 * The view follows the audit log. Before each OParl request, `syncOparl` reads the audit entries written since it
 * last looked, rebuilds the records they touch (a meeting with its items and files, a paper with its consultations
 * and files, or, for changes to a body, its committees, people, memberships or terms, the whole view) through the
 * same services and policies as the portal, as an anonymous reader, and compares each object with what was
 * published. A changed object gets a new `modified`; one that left the public view (deleted, or made non-public)
 * stays as deleted. So `modified_since` finds every change, lists read one page of an index, and nothing that was
 * ever published disappears without a trace.
 */
import { ANONYMOUS } from "../auth/principal";
import { hexDigest } from "../digest";
import { ConstraintError, type SqlValue, type Statement } from "../db/database";
import { assertion } from "../db/sql";
import { auditStatement } from "./records";
import {
  OPARL_ROOT,
  OPARL_VERSION,
  bodyDrafts,
  fileDraft,
  locationDraft,
  meetingDrafts,
  organizationDraft,
  oparlDateTime,
  paperDrafts,
  personDrafts,
  sendingOrganizationDraft,
  type Embed,
  type FileView,
  type OparlDraft,
  type OparlType,
  type WebOf,
} from "../documents/oparl";
import { markdownToText } from "../documents/markdown";
import { notFound } from "../errors";
import { canReadItem, publishesAttendance } from "../policies/meetings";
import { paperNumber } from "../rules/papers";
import { meetingAgenda } from "./agenda";
import { createServiceContext, type ServiceContext } from "./context";
import { getAttachment, getPaper, listPapers } from "./papers";
import { invitationDocument, minutesDocument, paperDocument, renderDocument, type Documents, type PreparedPdf } from "./documents";
import { getMeeting, listMeetings } from "./meetings";
import { listCommittees } from "./committees";
import { listPeople } from "./people";
import { listMemberships } from "./memberships";
import { listTerms } from "./terms";
import { getResolution } from "./resolutions";
import { votesOfItem } from "./votes";

export interface OparlDeps extends Documents {
  /** The release: generated documents look the same only within one. */
  version: string;
  /** The licence of the published data (a URL); by default the Datenlizenz Deutschland – Namensnennung 2.0. */
  license: string;
}

export const DEFAULT_OPARL_LICENSE = "https://www.govdata.de/dl-de/by-2-0";

/** One published object, as stored. */
export interface OparlRow {
  id: string;
  bodyId: string;
  type: OparlType;
  aggregate: string;
  data: string;
  deleted: boolean;
  createdAt: Date;
  modifiedAt: Date;
}

/** The view as an anonymous reader sees it: OParl is public data only. */
const publicContext = (ctx: ServiceContext) => createServiceContext(ctx.db, ANONYMOUS, ctx.now);

/** Reads every page of a list service. */
async function all<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  for (let cursor: string | undefined, next = true; next; ) {
    const result = await page(cursor);
    items.push(...result.items);
    cursor = result.nextCursor ?? undefined;
    next = result.nextCursor !== null;
  }
  return items;
}

/** A stable id for a record that Gremium keeps as text (a meeting place, a sending organisation). */
const derivedId = async (...parts: (string | null)[]) => (await hexDigest("SHA-256", JSON.stringify(parts))).slice(0, 32);

/** The generated PDFs published as files: the id of the file names the document and its record. */
const GENERATED = {
  einladung: { name: "Einladung", prepare: (ctx, deps, id) => invitationDocument(ctx, deps, id) },
  niederschrift: { name: "Niederschrift (öffentlicher Teil)", prepare: (ctx, deps, id) => minutesDocument(ctx, deps, id, "public") },
  vorlage: { name: "Vorlage", prepare: (ctx, deps, id) => paperDocument(ctx, deps, id) },
} satisfies Record<string, { name: string; prepare: (ctx: ServiceContext, deps: Documents, id: string) => Promise<PreparedPdf> }>;
type GeneratedKind = keyof typeof GENERATED;
const generatedId = (kind: GeneratedKind, recordId: string) => `${kind}-${recordId}`;

/** What a generated document is made of, as a hash: the same fingerprint, the same bytes (within one release). */
async function fingerprintOf({ logo, ...prepared }: PreparedPdf, version: string): Promise<string> {
  return hexDigest("SHA-256", JSON.stringify([version, prepared, logo ? await hexDigest("SHA-256", logo) : null]));
}

/**
 * A generated PDF as a file. Rendering takes long (about 0.1 s a page), so the view does not render: it states
 * size and checksum once the document was rendered for a reader (see `oparlFileBytes`) from what it is made of now.
 */
async function generatedFile(
  ctx: ServiceContext,
  deps: OparlDeps,
  kind: GeneratedKind,
  recordId: string,
  meta: { fileName: string; date: Date; meetingId?: string; paperId?: string },
): Promise<FileView> {
  const id = generatedId(kind, recordId);
  const prepared = await GENERATED[kind].prepare(ctx, deps, recordId);
  const fingerprint = await fingerprintOf(prepared, deps.version);
  const digest = await ctx.db.prisma.documentDigest.findUnique({ where: { id } });
  const known = digest?.fingerprint === fingerprint ? digest : { size: null, sha512: null };
  return {
    id,
    name: GENERATED[kind].name,
    mimeType: "application/pdf",
    createdAt: meta.date,
    size: known.size,
    sha512: known.sha512,
    text: markdownToText(prepared.markdown),
    ...meta,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Gathering: the public records of a body, as drafts of OParl objects, per aggregate.

interface Aggregate {
  key: string;
  bodyId: string;
  drafts: OparlDraft[];
}

interface BodyContext {
  bodyId: string;
  web: WebOf;
  publishAttendance: boolean;
}

/** The bodies, each with its portal address (with several bodies, the body goes along as `?k=`). */
async function bodyContexts(ctx: ServiceContext): Promise<BodyContext[]> {
  const bodies = await ctx.db.prisma.body.findMany({ where: { deletedAt: null }, orderBy: { id: "asc" } });
  const several = bodies.length > 1;
  return bodies.map((body) => ({
    bodyId: body.id,
    publishAttendance: body.publishAttendance,
    web: (path: string) => (several ? `${path}?k=${body.id}` : path),
  }));
}

/** The body, its terms, committees (and the organisations that send members), people and memberships. */
async function bodyAggregate(ctx: ServiceContext, body: BodyContext, license: string): Promise<Aggregate> {
  const row = await ctx.db.prisma.body.findUniqueOrThrow({ where: { id: body.bodyId } });
  const terms = await all((cursor) => listTerms(ctx, { bodyId: body.bodyId, limit: 200, cursor }));
  const committees = await all((cursor) => listCommittees(ctx, { bodyId: body.bodyId, limit: 200, cursor }));
  const people = await all((cursor) => listPeople(ctx, { bodyId: body.bodyId, limit: 200, cursor }));
  const shown = new Set(people.map((person) => person.id));
  const memberships = (
    await Promise.all(committees.map((c) => all((cursor) => listMemberships(ctx, { committeeId: c.id, limit: 200, cursor }))))
  )
    .flat()
    .filter((m) => shown.has(m.personId));
  const senders = new Map<string, { id: string; created: Date }>();
  for (const m of memberships) {
    if (!m.onBehalfOf) continue;
    const sender = senders.get(m.onBehalfOf);
    if (!sender) senders.set(m.onBehalfOf, { id: await derivedId(body.bodyId, m.onBehalfOf), created: m.createdAt });
    else if (m.createdAt < sender.created) sender.created = m.createdAt;
  }
  const drafts: OparlDraft[] = [
    ...bodyDrafts({ ...row, terms: terms.sort((a, b) => a.startDate.localeCompare(b.startDate)) }, body.web, license),
    ...committees.map((c) =>
      organizationDraft({ ...c, membershipIds: memberships.filter((m) => m.committeeId === c.id).map((m) => m.id) }, body.web),
    ),
    ...[...senders].map(([name, sender]) => sendingOrganizationDraft(body.bodyId, sender.id, name, sender.created)),
    ...people.flatMap((person) =>
      personDrafts(
        {
          ...person,
          memberships: memberships
            .filter((m) => m.personId === person.id)
            .map((m) => ({ ...m, onBehalfOfId: m.onBehalfOf ? senders.get(m.onBehalfOf)!.id : null })),
        },
        body.web,
      ),
    ),
  ];
  return { key: `body:${body.bodyId}`, bodyId: body.bodyId, drafts };
}

const placeOf = (m: { locationName: string | null; locationAddress: string | null; locationRoom: string | null }) =>
  m.locationName || m.locationAddress || m.locationRoom ? [m.locationName, m.locationAddress, m.locationRoom] : null;

/** The meeting places of a body, one Location each. */
async function locationsAggregate(ctx: ServiceContext, bodyId: string): Promise<Aggregate> {
  const places = await ctx.db.query<{ name: string | null; address: string | null; room: string | null; created: string }>(
    `SELECT m."locationName" AS name, m."locationAddress" AS address, m."locationRoom" AS room, MIN(m."createdAt") AS created
     FROM "Meeting" m JOIN "Committee" c ON c."id" = m."committeeId"
     WHERE c."bodyId" = ? AND (m."locationName" IS NOT NULL OR m."locationAddress" IS NOT NULL OR m."locationRoom" IS NOT NULL)
     GROUP BY 1, 2, 3`,
    [bodyId],
  );
  const drafts = await Promise.all(
    places.map(async (p) =>
      locationDraft({ ...p, id: await derivedId(bodyId, p.name, p.address, p.room), bodyId, createdAt: new Date(p.created) }),
    ),
  );
  return { key: `locations:${bodyId}`, bodyId, drafts };
}

/** A meeting with its public agenda items, their results and votes, its invitation and its published minutes. */
async function meetingAggregate(ctx: ServiceContext, deps: OparlDeps, bodies: BodyContext[], meetingId: string): Promise<Aggregate> {
  const key = `meeting:${meetingId}`;
  const meeting = await getMeeting(ctx, meetingId).catch(() => null);
  const body = bodies.find((b) => b.bodyId === meeting?.committee.bodyId);
  if (!meeting || !body) return { key, bodyId: "", drafts: [] };
  const { agenda, resolutions } = await meetingAgenda(ctx, meeting, { resolutions: true });
  const minutesPublished = meeting.minutesState === "published";
  const paperIds = agenda.items.flatMap((item) => (item.paper ? [item.paper.id] : []));
  const consultations = await ctx.db.prisma.consultation.findMany({
    where: { paperId: { in: paperIds }, committeeId: meeting.committeeId },
  });
  // An item links the consultation whose item it is.
  const consultationOf = new Map<string, string>();
  for (const c of consultations) {
    const item = await consultationItem(ctx, c);
    if (item) consultationOf.set(item.id, c.id);
  }
  const created = new Map(
    (await ctx.db.prisma.agendaItem.findMany({ where: { meetingId }, select: { id: true, createdAt: true } })).map((i) => [
      i.id,
      i.createdAt,
    ]),
  );
  const items = await Promise.all(
    agenda.items.map(async (item) => {
      const ref = resolutions.find((r) => r.itemId === item.id);
      const resolution = ref ? await getResolution(ctx, ref.id) : null;
      const votes = await votesOfItem(ctx, item.id);
      const rollCalls = minutesPublished
        ? await ctx.db.prisma.vote.findMany({ where: { itemId: item.id, kind: "roll_call" }, select: { id: true, details: true } })
        : [];
      const ballots = (voteId: string) => {
        const details = rollCalls.find((v) => v.id === voteId)?.details;
        return details ? (JSON.parse(details) as { personId: string; name: string; vote: string }[]) : null;
      };
      return {
        id: item.id,
        number: item.number,
        title: item.title,
        withdrawn: item.withdrawn,
        createdAt: created.get(item.id) ?? meeting.createdAt,
        consultationId: consultationOf.get(item.id) ?? null,
        resolution: resolution ? { number: resolution.number, text: resolution.text, outcome: resolution.vote?.outcome ?? null } : null,
        // The item that announces non-public resolutions (§35 (1) GemO) gives their wording, now public.
        announced:
          item.kind === "announcement_of_resolutions"
            ? agenda.announcements.filter((a) => a.announced).map((a) => `Beschluss ${a.number}: ${a.text}`)
            : [],
        votes: votes.map((vote) => ({ ...vote, rollCall: ballots(vote.id) })),
      };
    }),
  );
  const invitation = meeting.state === "planned" ? null : await ctx.db.prisma.invitation.findFirst({ where: { meetingId } });
  const minutes = minutesPublished ? await ctx.db.prisma.minutes.findUnique({ where: { meetingId } }) : null;
  const label = `${meeting.sequenceNumber}-sitzung-${meeting.committee.shortName}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  const files = [
    ...(invitation
      ? [await generatedFile(ctx, deps, "einladung", meetingId, { fileName: `einladung-${label}.pdf`, date: invitation.sentAt, meetingId })]
      : []),
    ...(minutes?.publishedAt
      ? [
          await generatedFile(ctx, deps, "niederschrift", meetingId, {
            fileName: `niederschrift-${label}.pdf`,
            date: minutes.publishedAt,
            meetingId,
          }),
        ]
      : []),
  ];
  const attendance = publishesAttendance(body, meeting) ? await attendanceOf(ctx, meetingId) : null;
  const place = placeOf(meeting);
  const drafts = [
    ...files.map((file) => fileDraft(file, deps.license)),
    ...meetingDrafts(
      {
        ...meeting,
        invited: invitation !== null,
        locationId: place ? await derivedId(body.bodyId, ...place) : null,
        items,
        invitationFileId: invitation ? generatedId("einladung", meetingId) : null,
        minutesFileId: minutes?.publishedAt ? generatedId("niederschrift", meetingId) : null,
        attendance,
      },
      body.web,
    ),
  ];
  return { key, bodyId: body.bodyId, drafts };
}

/** Who attended a meeting, by name. */
async function attendanceOf(ctx: ServiceContext, meetingId: string) {
  const rows = await ctx.db.prisma.attendance.findMany({ where: { meetingId }, select: { personId: true, status: true } });
  const people = await ctx.db.prisma.person.findMany({
    where: { id: { in: rows.map((r) => r.personId) } },
    select: { id: true, givenName: true, familyName: true },
    orderBy: [{ familyName: "asc" }, { givenName: "asc" }],
  });
  return people.map((p) => ({
    personId: p.id,
    name: `${p.givenName} ${p.familyName}`,
    status: rows.find((r) => r.personId === p.id)!.status,
  }));
}

/**
 * The agenda item where a consultation took place: in its meeting if it names one, else the latest meeting of its
 * committee that dealt with the paper. Both sides of the link (the item's `consultation`, the consultation's
 * `agendaItem`) come from here.
 */
async function consultationItem(ctx: ServiceContext, c: { paperId: string; committeeId: string; meetingId: string | null }) {
  return ctx.db.prisma.agendaItem.findFirst({
    where: { paperId: c.paperId, meeting: c.meetingId ? { id: c.meetingId } : { committeeId: c.committeeId } },
    orderBy: [{ meeting: { startsAt: "desc" } }, { isPublic: "desc" }, { position: "asc" }],
    select: { id: true, meetingId: true, isPublic: true },
  });
}

/** A public paper with its route (consultations), its PDF and its attachments. */
async function paperAggregate(ctx: ServiceContext, deps: OparlDeps, bodies: BodyContext[], paperId: string): Promise<Aggregate> {
  const key = `paper:${paperId}`;
  const paper = await getPaper(ctx, paperId).catch(() => null);
  const body = bodies.find((b) => b.bodyId === paper?.bodyId);
  if (!paper || !body) return { key, bodyId: "", drafts: [] };
  const readership = await ctx.readership();
  const consultations = await Promise.all(
    paper.consultations.map(async (c) => {
      const item = await consultationItem(ctx, c);
      const shown = item && canReadItem(ctx.actor, readership, item, { id: c.committeeId, bodyId: c.committee.bodyId }) ? item : null;
      return { ...c, meetingId: shown?.meetingId ?? null, agendaItemId: shown?.id ?? null };
    }),
  );
  const number = paperNumber(paper.year, paper.serial).replace("/", "-");
  const files: FileView[] = [
    await generatedFile(ctx, deps, "vorlage", paperId, { fileName: `vorlage-${number}.pdf`, date: paper.updatedAt, paperId }),
    ...paper.attachments.map((a) => ({
      id: a.id,
      name: a.filename,
      fileName: a.filename,
      mimeType: a.contentType,
      size: a.size,
      sha512: a.sha512,
      text: null,
      date: a.createdAt,
      createdAt: a.createdAt,
      paperId,
    })),
  ];
  const drafts = [
    ...files.map((file) => fileDraft(file, deps.license)),
    ...paperDrafts(
      { ...paper, consultations, mainFileId: generatedId("vorlage", paperId), attachmentIds: paper.attachments.map((a) => a.id) },
      body.web,
    ),
  ];
  return { key, bodyId: body.bodyId, drafts };
}

// ---------------------------------------------------------------------------------------------------------------
// Following the audit log.

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
  "DocumentDigest",
]);
/** The fields of the audit snapshots of a meeting's or a paper's records that name the aggregate they belong to. */
const LINK_FIELDS = {
  meetingId: "meeting",
  announcedMeetingId: "meeting",
  paperId: "paper",
  minutesId: "minutes",
} as const satisfies Record<string, "meeting" | "paper" | "minutes">;
/** More changes than this at once are cheaper to take as a rebuild of the whole view. */
const MAX_ENTRIES = 2000;

/** What a sync rebuilds: everything, or the aggregates of some bodies, meetings and papers. */
export interface Plan {
  whole: boolean;
  bodies: Set<string>;
  meetings: Set<string>;
  papers: Set<string>;
}

const emptyPlan = (whole: boolean): Plan => ({ whole, bodies: new Set(), meetings: new Set(), papers: new Set() });

interface AuditRow {
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** Which aggregates the audit entries since `from` touch. */
export async function planOf(ctx: ServiceContext, from: number, to: number): Promise<Plan> {
  const entries = await ctx.db.query<AuditRow>(
    `SELECT "entityType", "entityId", "before", "after" FROM "AuditEntry" WHERE "id" > ? AND "id" <= ? ORDER BY "id" LIMIT ?`,
    [from, to, MAX_ENTRIES + 1],
  );
  if (entries.length > MAX_ENTRIES) return emptyPlan(true);
  const found = { meeting: new Set<string>(), paper: new Set<string>(), minutes: new Set<string>() };
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
  const [minutes, items, meetings, consultations] = await Promise.all([
    found.minutes.size ? prisma.minutes.findMany({ where: { id: anyOf(found.minutes) }, select: { meetingId: true } }) : [],
    // A paper's visibility decides whether the items that deal with it link its consultation.
    found.paper.size ? prisma.agendaItem.findMany({ where: { paperId: anyOf(found.paper) }, select: { meetingId: true } }) : [],
    of.committeeId.size ? prisma.meeting.findMany({ where: { committeeId: anyOf(of.committeeId) }, select: { id: true } }) : [],
    renamed.size ? prisma.consultation.findMany({ where: { committeeId: anyOf(renamed) }, select: { paperId: true } }) : [],
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
    papers: new Set([...found.paper, ...consultations.map((c) => c.paperId)]),
  };
}

async function aggregatesOf(ctx: ServiceContext, deps: OparlDeps, plan: Plan): Promise<Aggregate[]> {
  const bodies = await bodyContexts(ctx);
  const aggregates: Aggregate[] = [];
  let meetingIds = [...plan.meetings];
  let paperIds = [...plan.papers];
  for (const body of bodies) {
    if (plan.whole || plan.bodies.has(body.bodyId)) aggregates.push(await bodyAggregate(ctx, body, deps.license));
  }
  if (plan.whole) {
    meetingIds = (await all((cursor) => listMeetings(ctx, { limit: 500, cursor }))).map((m) => m.id);
    paperIds = (await all((cursor) => listPapers(ctx, { limit: 500, cursor }))).map((p) => p.id);
  }
  // Places first: meetings embed them.
  if (plan.whole || meetingIds.length) for (const body of bodies) aggregates.push(await locationsAggregate(ctx, body.bodyId));
  for (const id of meetingIds) aggregates.push(await meetingAggregate(ctx, deps, bodies, id));
  for (const id of paperIds) aggregates.push(await paperAggregate(ctx, deps, bodies, id));
  return aggregates;
}

interface StoredRow {
  id: string;
  bodyId: string;
  type: string;
  aggregate: string;
  data: string;
  deleted: number;
  createdAt: string;
  modifiedAt: string;
}

const ROW_COLUMNS = `"id", "bodyId", "type", "aggregate", "data", "deleted", "createdAt", "modifiedAt"`;
const toRow = (row: StoredRow): OparlRow => ({
  ...row,
  type: row.type as OparlType,
  deleted: row.deleted === 1,
  createdAt: new Date(row.createdAt),
  modifiedAt: new Date(row.modifiedAt),
});
const sqlDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

function upsert(row: OparlRow): Statement {
  return {
    sql:
      `INSERT INTO "OparlObject" (${ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT("id") DO UPDATE SET ` +
      `"bodyId" = excluded."bodyId", "type" = excluded."type", "aggregate" = excluded."aggregate", "data" = excluded."data", ` +
      `"deleted" = excluded."deleted", "modifiedAt" = excluded."modifiedAt"`,
    params: [row.id, row.bodyId, row.type, row.aggregate, row.data, row.deleted ? 1 : 0, sqlDate(row.createdAt), sqlDate(row.modifiedAt)],
  };
}

/** The object as OParl shows it: id and type first, then its data, then created and modified. */
export function publishedObject(row: Pick<OparlRow, "id" | "type" | "data" | "deleted" | "createdAt" | "modifiedAt">) {
  return {
    id: `${OPARL_ROOT}/${row.id}`,
    type: `${OPARL_VERSION}${row.type}`,
    ...(row.deleted ? {} : (JSON.parse(row.data) as Record<string, unknown>)),
    created: oparlDateTime(row.createdAt),
    modified: oparlDateTime(row.modifiedAt),
    ...(row.deleted ? { deleted: true } : {}),
  };
}

/** The same as `publishedObject`, as JSON, from the stored text: a page of objects is never parsed to be served. */
export function publishedJson(row: Pick<OparlRow, "id" | "type" | "data" | "deleted" | "createdAt" | "modifiedAt">): string {
  const head = `{"id":${JSON.stringify(`${OPARL_ROOT}/${row.id}`)},"type":${JSON.stringify(`${OPARL_VERSION}${row.type}`)}`;
  const data = row.deleted || row.data === "{}" ? "" : `,${row.data.slice(1, -1)}`;
  const tail = `,"created":"${oparlDateTime(row.createdAt)}","modified":"${oparlDateTime(row.modifiedAt)}"`;
  return `${head}${data}${tail}${row.deleted ? ',"deleted":true' : ""}}`;
}

const isEmbed = (value: unknown): value is Embed => typeof value === "object" && value !== null && "embed" in value;

/**
 * Compares the aggregates with what was published and answers the writes: new and changed objects with a new
 * `modified`, and objects of the rebuilt aggregates (or, for the whole view, of all) that are gone, as deleted.
 */
async function changes(ctx: ServiceContext, aggregates: Aggregate[], whole: boolean, now: Date): Promise<Statement[]> {
  const keys = aggregates.map((a) => a.key);
  const existing = new Map<string, OparlRow>();
  const chunks = whole ? [[]] : Array.from({ length: Math.ceil(keys.length / 90) }, (_, i) => keys.slice(i * 90, i * 90 + 90));
  for (const chunk of chunks) {
    const rows = await ctx.db.query<StoredRow>(
      whole
        ? `SELECT ${ROW_COLUMNS} FROM "OparlObject"`
        : `SELECT ${ROW_COLUMNS} FROM "OparlObject" WHERE "aggregate" IN (${chunk.map(() => "?").join(", ")})`,
      chunk,
    );
    for (const row of rows) existing.set(row.id, toRow(row));
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
    const rows = await ctx.db.query<StoredRow>(
      `SELECT ${ROW_COLUMNS} FROM "OparlObject" WHERE "id" IN (${chunk.map(() => "?").join(", ")})`,
      chunk,
    );
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
      if (!unchanged) statements.push(upsert(row));
    }
  }
  for (const row of existing.values()) {
    const inScope = whole || keys.includes(row.aggregate);
    if (inScope && !row.deleted && !published.has(row.id)) statements.push(upsert({ ...row, data: "{}", deleted: true, modifiedAt: now }));
  }
  return statements;
}

/** Brings the view up to date with the audit log; cheap when nothing was written since the last call. */
export async function syncOparl(ctx: ServiceContext, deps: OparlDeps): Promise<void> {
  const reader = publicContext(ctx);
  for (let attempt = 1; ; attempt++) {
    const [states, heads] = await ctx.db.queryAll([
      { sql: `SELECT "auditId", "syncedAt" FROM "OparlSync" WHERE "id" = 1`, params: [] },
      { sql: `SELECT MAX("id") AS "head" FROM "AuditEntry"`, params: [] },
    ]);
    const state = states![0] as { auditId: number; syncedAt: string } | undefined;
    const head = Number(heads![0]?.head ?? 0);
    if (state && state.auditId >= head) return;
    const plan = state ? await planOf(reader, state.auditId, head) : emptyPlan(true);
    // Seconds: OParl's date-times have none smaller, and a client's modified_since must find the change.
    const now = new Date(Math.floor(ctx.now.getTime() / 1000) * 1000);
    const statements = await changes(reader, await aggregatesOf(reader, deps, plan), plan.whole, now);
    const unchanged: Statement = state
      ? { sql: `EXISTS (SELECT 1 FROM "OparlSync" WHERE "id" = 1 AND "auditId" = ?)`, params: [state.auditId] }
      : { sql: `NOT EXISTS (SELECT 1 FROM "OparlSync")`, params: [] };
    try {
      await ctx.db.batch([
        assertion(unchanged),
        ...statements,
        {
          sql:
            `INSERT INTO "OparlSync" ("id", "auditId", "syncedAt") VALUES (1, ?, ?) ` +
            `ON CONFLICT("id") DO UPDATE SET "auditId" = excluded."auditId", "syncedAt" = excluded."syncedAt"`,
          params: [head, sqlDate(ctx.now)],
        },
      ]);
      return;
    } catch (error) {
      // Another request brought the view forward meanwhile; look again from where it got to.
      if (!(error instanceof ConstraintError) || attempt >= 5) throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the view.

export interface OparlFilter {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
  limit: number;
  /** The last object of the previous page. */
  after?: { modified: Date; id: string };
}

/**
 * One page of a list, in (modified, id) order: an object that changes while a client pages moves to the end,
 * where the client meets it again, rather than being skipped. Deleted objects are listed only to clients that
 * ask what changed (`modified_since`). Without `bodyId`, the list of bodies.
 */
export async function listOparl(ctx: ServiceContext, bodyId: string | null, type: OparlType, filter: OparlFilter) {
  const where: string[] = [`"type" = ?`];
  const params: SqlValue[] = [type];
  if (bodyId !== null) {
    where.unshift(`"bodyId" = ?`);
    params.unshift(bodyId);
  }
  if (!filter.modifiedSince) where.push(`"deleted" = 0`);
  const add = (condition: string, value: Date | undefined) => {
    if (!value) return;
    where.push(condition);
    params.push(sqlDate(value));
  };
  add(`"modifiedAt" >= ?`, filter.modifiedSince);
  add(`"modifiedAt" <= ?`, filter.modifiedUntil);
  add(`"createdAt" >= ?`, filter.createdSince);
  add(`"createdAt" <= ?`, filter.createdUntil);
  if (filter.after) {
    where.push(`("modifiedAt" > ? OR ("modifiedAt" = ? AND "id" > ?))`);
    params.push(sqlDate(filter.after.modified), sqlDate(filter.after.modified), filter.after.id);
  }
  const rows = await ctx.db.query<StoredRow>(
    `SELECT ${ROW_COLUMNS} FROM "OparlObject" WHERE ${where.join(" AND ")} ORDER BY "modifiedAt", "id" LIMIT ?`,
    [...params, filter.limit + 1],
  );
  return { rows: rows.slice(0, filter.limit).map(toRow), more: rows.length > filter.limit };
}

/** One object of the view, deleted ones included; null if it was never published. */
export async function getOparl(ctx: ServiceContext, key: string): Promise<OparlRow | null> {
  const [row] = await ctx.db.query<StoredRow>(`SELECT ${ROW_COLUMNS} FROM "OparlObject" WHERE "id" = ?`, [key]);
  return row ? toRow(row) : null;
}

/** When the published view began and last changed, for the System object. */
export async function oparlSpan(ctx: ServiceContext): Promise<{ created: Date; modified: Date } | null> {
  const [span] = await ctx.db.query<{ created: string | null; modified: string | null }>(
    `SELECT MIN("createdAt") AS created, MAX("modifiedAt") AS modified FROM "OparlObject" WHERE "type" = 'Body'`,
    [],
  );
  return span?.created && span.modified ? { created: new Date(span.created), modified: new Date(span.modified) } : null;
}

/**
 * The bytes of a published file, read as the public reads them, and when they last changed. A generated document
 * is rendered now; when its digest is new, it is kept (and audited, so that the view states the file's size and
 * checksum from then on).
 */
export async function oparlFileBytes(
  ctx: ServiceContext,
  deps: OparlDeps,
  fileId: string,
): Promise<{ bytes: Uint8Array; lastModified: Date }> {
  const reader = publicContext(ctx);
  const generated = /^(einladung|niederschrift|vorlage)-(.+)$/.exec(fileId);
  if (!generated) {
    const { attachment, bytes } = await getAttachment(reader, deps.attachments, fileId).catch(() => {
      throw notFound("File", fileId);
    });
    return { bytes, lastModified: attachment.createdAt };
  }
  const kind = generated[1] as GeneratedKind;
  const recordId = generated[2]!;
  const prepared = await GENERATED[kind].prepare(reader, deps, recordId);
  const bytes = await renderDocument(deps, prepared);
  const digest = {
    fingerprint: await fingerprintOf(prepared, deps.version),
    size: bytes.byteLength,
    sha512: await hexDigest("SHA-512", bytes),
  };
  const before = await ctx.db.prisma.documentDigest.findUnique({ where: { id: fileId } });
  if (before?.fingerprint !== digest.fingerprint) {
    const row = { id: fileId, ...digest, renderedAt: ctx.now };
    const record = kind === "vorlage" ? { paperId: recordId } : { meetingId: recordId };
    await ctx.db.batch([
      {
        sql:
          `INSERT INTO "DocumentDigest" ("id", "fingerprint", "size", "sha512", "renderedAt") VALUES (?, ?, ?, ?, ?) ` +
          `ON CONFLICT("id") DO UPDATE SET "fingerprint" = excluded."fingerprint", "size" = excluded."size", ` +
          `"sha512" = excluded."sha512", "renderedAt" = excluded."renderedAt"`,
        params: [row.id, row.fingerprint, row.size, row.sha512, sqlDate(row.renderedAt)],
      },
      auditStatement(reader, before ? "update" : "create", "DocumentDigest", fileId, before, { ...row, ...record }),
    ]);
    return { bytes, lastModified: ctx.now };
  }
  // The content last changed when a document with these contents was first rendered.
  return { bytes, lastModified: before.renderedAt };
}
