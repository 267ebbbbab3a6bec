/**
 * What the OParl view holds: the public records of each body as drafts of OParl objects, gathered per aggregate (a
 * body's people and committees, its meeting places, a meeting, a paper) as an anonymous reader, through the same
 * services and policies as the portal; and the generated documents published as files.
 */
import { markdownOf } from "../../documents/pdf/render-pdf";
import { ANONYMOUS } from "../../auth/principal";
import { findMeetingPlaces, keepDocumentDigest } from "../../db/queries/oparl";
import { hexDigest } from "../../digest";
import {
  bodyDrafts,
  fileDraft,
  locationDraft,
  meetingDrafts,
  organizationDraft,
  paperDrafts,
  personDrafts,
  sendingOrganizationDraft,
  type FileView,
  type OparlDraft,
  type WebOf,
} from "../../documents/oparl";
import { markdownToText } from "../../documents/markdown";
import { notFound } from "../../errors";
import { canReadItem, publishesAttendance } from "../../policies/meetings";
import { berlinDateOf } from "../../rules/calendar";
import { paperNumber } from "../../rules/papers";
import { meetingAgenda } from "../meetings/agenda";
import { createServiceContext, type ServiceContext } from "../context";
import { getAttachment, getPaper } from "../papers/papers";
import {
  invitationDocument,
  minutesDocument,
  paperDocument,
  renderDocument,
  type Documents,
  type PreparedPdf,
} from "../documents/documents";
import { getMeeting } from "../meetings/meeting-lookup";
import { listCommittees } from "../people/committees";
import { listPeople } from "../people/people";
import { listMemberships } from "../people/memberships";
import { listTerms } from "../people/terms";
import { getResolution } from "../meetings/resolutions";
import { votesOfItem } from "../meetings/votes";

export interface OparlDeps extends Documents {
  /** The release: generated documents look the same only within one. */
  version: string;
  /** The licence of the published data (a URL); by default the Datenlizenz Deutschland – Namensnennung 2.0. */
  license: string;
  /**
   * How many generated documents this pass may still render to learn their size and checksum; the rest are published
   * without them and filled in later (`backfillOparlDigests`). Bounds the work of one request; none by default.
   */
  renders?: { left: number };
}

export const DEFAULT_OPARL_LICENSE = "https://www.govdata.de/dl-de/by-2-0";

/** The view as an anonymous reader sees it: OParl is public data only. */
export const publicContext = (ctx: ServiceContext) => createServiceContext(ctx.db, ANONYMOUS, ctx.now);

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
 * A generated PDF as a file, with its size and checksum. They are known when the view takes the document's new
 * content: if what the document is made of (its fingerprint) changed since it was last rendered, it is rendered here,
 * during the sync of the view, and its digest kept, within the pass's budget of renders (beyond it, the background
 * fills them in). Reading the file later renders the same bytes and changes nothing: a download never changes a
 * published object.
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
  const stored = await ctx.db.prisma.documentDigest.findUnique({ where: { id } });
  const current = stored?.fingerprint === fingerprint ? stored : null;
  const known =
    current ??
    (deps.renders && deps.renders.left-- > 0 ? await keepDigest(ctx, id, fingerprint, await renderDocument(deps, prepared)) : null);
  return {
    id,
    name: GENERATED[kind].name,
    mimeType: "application/pdf",
    createdAt: meta.date,
    size: known?.size ?? null,
    sha512: known?.sha512 ?? null,
    text: markdownToText(markdownOf(prepared.markdown)),
    ...meta,
  };
}

/** Keeps the digest of a document's new content: when it was first rendered so, its size and its checksum. */
async function keepDigest(ctx: ServiceContext, id: string, fingerprint: string, bytes: Uint8Array) {
  const row = { id, fingerprint, size: bytes.byteLength, sha512: await hexDigest("SHA-512", bytes), renderedAt: ctx.now };
  await ctx.db.batch([keepDocumentDigest(row)]);
  return row;
}

export interface Aggregate {
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
    ...bodyDrafts(
      { ...row, locationId: await seatLocationId(row), terms: terms.sort((a, b) => a.startDate.localeCompare(b.startDate)) },
      body.web,
      license,
    ),
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

/** The Location of a body's seat of administration, where the body gave its address or coordinates. */
const seatLocationId = async (body: { id: string; address: string | null; latitude: number | null; longitude: number | null }) =>
  body.address || (body.latitude !== null && body.longitude !== null) ? derivedId(body.id, "seat") : null;

const placeOf = (m: { locationName: string | null; locationAddress: string | null; locationRoom: string | null }) =>
  m.locationName || m.locationAddress || m.locationRoom ? [m.locationName, m.locationAddress, m.locationRoom] : null;

/** The meeting places of a body, one Location each. */
async function locationsAggregate(ctx: ServiceContext, bodyId: string): Promise<Aggregate> {
  const places = await findMeetingPlaces(ctx.db, bodyId);
  const drafts = await Promise.all(
    places.map(async (p) =>
      locationDraft({
        ...p,
        id: await derivedId(bodyId, p.name, p.address, p.room),
        bodyId,
        meetingIds: JSON.parse(p.meetings) as string[],
        createdAt: new Date(p.created),
      }),
    ),
  );
  const body = await ctx.db.prisma.body.findUniqueOrThrow({ where: { id: bodyId } });
  const seat = await seatLocationId(body);
  if (seat)
    drafts.push(
      locationDraft({
        id: seat,
        bodyId,
        name: body.name,
        address: body.address,
        room: null,
        latitude: body.latitude,
        longitude: body.longitude,
        meetingIds: [],
        createdAt: body.createdAt,
      }),
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
/** The date the first consultation's meeting was invited to, where it was (a Berlin calendar date). */
async function firstInvitationDate(ctx: ServiceContext, consultations: { meetingId: string | null }[]): Promise<string | null> {
  const meetingId = consultations.find((c) => c.meetingId)?.meetingId;
  if (!meetingId) return null;
  const invitation = await ctx.db.prisma.invitation.findFirst({ where: { meetingId }, orderBy: { sentAt: "asc" } });
  return invitation ? berlinDateOf(invitation.sentAt) : null;
}

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
      {
        ...paper,
        date: paper.date ?? (await firstInvitationDate(ctx, consultations)) ?? berlinDateOf(paper.createdAt),
        consultations,
        mainFileId: generatedId("vorlage", paperId),
        attachmentIds: paper.attachments.map((a) => a.id),
      },
      body.web,
    ),
  ];
  return { key, bodyId: body.bodyId, drafts };
}

/** What a step rebuilds: the aggregates of some bodies, meetings and papers; `whole` when it must be a build. */
export interface Plan {
  whole: boolean;
  bodies: Set<string>;
  meetings: Set<string>;
  papers: Set<string>;
}

export const emptyPlan = (whole: boolean): Plan => ({ whole, bodies: new Set(), meetings: new Set(), papers: new Set() });

/**
 * The aggregates of a plan. The meeting places of a body are rebuilt with its body and its meetings, unless
 * `places` is false (a chunk of a build: the places were rebuilt with the bodies).
 */
export async function aggregatesOf(ctx: ServiceContext, deps: OparlDeps, plan: Plan, options = { places: true }): Promise<Aggregate[]> {
  const bodies = await bodyContexts(ctx);
  const aggregates: Aggregate[] = [];
  const meetingIds = [...plan.meetings];
  const paperIds = [...plan.papers];
  // Places first: bodies (their seat) and meetings embed them.
  if ((options.places && meetingIds.length) || plan.bodies.size)
    for (const body of bodies) aggregates.push(await locationsAggregate(ctx, body.bodyId));
  for (const body of bodies) {
    if (plan.bodies.has(body.bodyId)) aggregates.push(await bodyAggregate(ctx, body, deps.license));
  }
  for (const id of meetingIds) aggregates.push(await meetingAggregate(ctx, deps, bodies, id));
  for (const id of paperIds) aggregates.push(await paperAggregate(ctx, deps, bodies, id));
  return aggregates;
}

/**
 * The bytes of a published file, read as the public reads them, and when they last changed. A generated document is
 * rendered now; the view's sync kept the digest of its content, so reading it writes nothing.
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
  const prepared = await GENERATED[generated[1] as GeneratedKind].prepare(reader, deps, generated[2]!);
  const [bytes, fingerprint, stored] = await Promise.all([
    renderDocument(deps, prepared),
    fingerprintOf(prepared, deps.version),
    ctx.db.prisma.documentDigest.findUnique({ where: { id: fileId } }),
  ]);
  // The content last changed when the view first took a document with these contents.
  return { bytes, lastModified: stored?.fingerprint === fingerprint ? stored.renderedAt : ctx.now };
}
