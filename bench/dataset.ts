/**
 * A seeded, deterministic benchmark dataset: one city with committees that meet 11 times a year for
 * several years, 25 agenda items per meeting (about a quarter non-public), a resolution with its paper
 * and vote on about half of them, published minutes with notes of realistic length on every item, and
 * an integration plan whose measures are linked to resolutions.
 *
 * Every record's content and id derive from its place (committee, year, meeting, item) and the seed, not
 * from the dataset's size: the reference meeting and the reference measure are the same, byte for byte,
 * in the small and the large database, so that a large/small ratio compares the same response.
 *
 * Rows are written with `insertRow` (the encoding Prisma reads back) straight into SQLite after
 * `prisma migrate deploy`; the search index fills through the migration's triggers as in production.
 */
import Sqlite from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { ANONYMOUS } from "../src/auth/principal";
import { insertRow, type TableName, type Tables } from "../src/db/sql";
import { createNodeDatabase } from "../src/entry/node-database";
import { loadDocumentAssets } from "../src/entry/node-documents";
import { createFileAttachmentStore } from "../src/entry/node-storage";
import { createServiceContext } from "../src/services/context";
import { DEFAULT_OPARL_LICENSE } from "../src/services/oparl/oparl-objects";
import { syncOparl } from "../src/services/oparl/oparl-sync";
import { decideVote } from "../src/rules/voting";
import { LAST_YEAR, PLACES, SPEAKERS, TOPICS, minutesNotes, paragraph, randomAt, type Random } from "./dataset-text";

export interface Scale {
  name: string;
  committees: number;
  years: number;
  measures: number;
}

/** The "large" database, and the 1 % and 10 % cuts of it. */
export const SCALES = {
  large: { name: "large", committees: 40, years: 10, measures: 400 },
  medium: { name: "medium", committees: 8, years: 5, measures: 40 },
  small: { name: "small", committees: 4, years: 1, measures: 4 },
} as const satisfies Record<string, Scale>;

const MEETINGS_PER_YEAR = 11;
const ITEMS_PER_MEETING = 25;
/** Bump when the generated content changes, so that cached databases are rebuilt. */
export const GENERATOR_VERSION = 2;

/** What the benchmark reads: the same records in every scale. */
export const REFERENCE = {
  /** Committee 0, last year, sixth meeting: 25 items, 6 of them non-public. */
  meetingId: meetingId(0, LAST_YEAR, 5),
  /** Measure 0: linked to resolutions of committee 0 in the last year. */
  measureId: measureId(0),
  committeeId: committeeId(0),
  bodyId: "bench-body",
  searchQuery: "Sprachkurse Kinderbetreuung",
};

const BODY_ID = REFERENCE.bodyId;
const PLAN_ID = "bench-plan";
function committeeId(c: number) {
  return `bench-c${String(c).padStart(2, "0")}`;
}
function meetingId(c: number, year: number, m: number) {
  return `${committeeId(c)}-${year}-m${String(m + 1).padStart(2, "0")}`;
}
function measureId(j: number) {
  return `bench-measure-${String(j).padStart(3, "0")}`;
}

type Slot = { kind: string; title: string; isPublic: boolean; resolution: boolean };

/** The 25 items of every meeting: 19 public, 6 non-public; 13 take a resolution. */
function agendaSlots(r: Random): Slot[] {
  const topic = () => r.pick(TOPICS);
  const publicMiddle: Slot[] = Array.from({ length: 14 }, (_, i) =>
    i % 3 === 2
      ? { kind: i % 2 ? "information" : "discussion", title: `Bericht: ${topic()} ${r.pick(PLACES)}`, isPublic: true, resolution: false }
      : { kind: "resolution", title: `${topic()}: Fortführung und Finanzierung ${r.pick(PLACES)}`, isPublic: true, resolution: true },
  );
  return [
    {
      kind: "information",
      title: "Eröffnung, Feststellung der ordnungsgemäßen Einladung und der Beschlussfähigkeit",
      isPublic: true,
      resolution: false,
    },
    { kind: "minutes_approval", title: "Niederschrift der letzten Sitzung", isPublic: true, resolution: false },
    {
      kind: "announcement_of_resolutions",
      title: "Bekanntgabe von Beschlüssen aus nichtöffentlicher Sitzung",
      isPublic: true,
      resolution: false,
    },
    { kind: "residents_questions", title: "Fragen der Einwohnerinnen und Einwohner", isPublic: true, resolution: false },
    ...publicMiddle,
    { kind: "miscellaneous", title: "Verschiedenes, Anfragen", isPublic: true, resolution: false },
    { kind: "minutes_approval", title: "Niederschrift der letzten nichtöffentlichen Sitzung", isPublic: false, resolution: false },
    ...Array.from({ length: 4 }, () => ({
      kind: "resolution",
      title: `Vertraulich: Zuschussantrag ${r.pick(["Verein", "Träger", "Initiative"])} ${r.int(1, 99)}`,
      isPublic: false,
      resolution: true,
    })),
    { kind: "miscellaneous", title: "Verschiedenes (nichtöffentlich)", isPublic: false, resolution: false },
  ];
}

/** Meeting dates: the second Thursday of every month but August, 18:00 Berlin (16:00 or 17:00 UTC). */
function meetingStart(year: number, m: number) {
  const month = m < 7 ? m : m + 1;
  const first = new Date(Date.UTC(year, month, 1));
  const day = 1 + ((4 - first.getUTCDay() + 7) % 7) + 7;
  const summer = month >= 3 && month <= 9;
  return new Date(Date.UTC(year, month, day, summer ? 16 : 17));
}

export interface DatasetCounts {
  meetings: number;
  items: number;
  resolutions: number;
  measures: number;
  links: number;
  nonPublicItems: number;
  minutesNotes: number;
}

/** Inserts rows with prepared statements, and counts what it wrote. */
function writerFor(db: Sqlite.Database) {
  const statements = new Map<string, Sqlite.Statement>();
  const counts: DatasetCounts = { meetings: 0, items: 0, resolutions: 0, measures: 0, links: 0, nonPublicItems: 0, minutesNotes: 0 };
  const insert = <T extends TableName>(table: T, row: Tables[T]) => {
    const { sql, params } = insertRow(table, row);
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    statement.run(...params);
  };
  return { insert, counts };
}
type Writer = ReturnType<typeof writerFor>;

const meta = (at: Date) => ({ version: 1, createdAt: at, updatedAt: at });
const CREATED = new Date(Date.UTC(LAST_YEAR - 10, 0, 2));
const DAY = 86_400_000;
const committeeName = (c: number) => (c === 0 ? "Integrationsausschuss" : `Ausschuss ${c + 1}`);

/** Writes the dataset of `scale` into an empty, migrated SQLite database. */
export function populate(db: Sqlite.Database, scale: Scale): DatasetCounts {
  const w = writerFor(db);
  const firstYear = LAST_YEAR - scale.years + 1;
  db.transaction(() => {
    w.insert("Body", {
      id: BODY_ID,
      name: "Stadt Neckarfeld",
      shortName: "Neckarfeld",
      website: null,
      deletedAt: null,
      publishAttendance: false,
      ags: null,
      contactEmail: null,
      contactName: null,
      address: null,
      latitude: null,
      longitude: null,
      ...meta(CREATED),
    });
    // The public resolutions of each committee and year, for the measures to link to.
    const resolutionsOf = new Map<string, Linkable[]>();
    for (let c = 0; c < scale.committees; c++) {
      w.insert("Committee", {
        id: committeeId(c),
        bodyId: BODY_ID,
        name: committeeName(c),
        shortName: c === 0 ? "IA" : `A${c + 1}`,
        kind: c % 4 === 0 ? "advisory_council" : "decision_committee",
        noticePeriodDays: 7,
        description: null,
        deletedAt: null,
        constitutedOn: null,
        ...meta(CREATED),
      });
      for (let year = firstYear; year <= LAST_YEAR; year++) {
        const resolutions: Linkable[] = [];
        const serial = { last: 0 };
        for (let m = 0; m < MEETINGS_PER_YEAR; m++) resolutions.push(...writeMeeting(w, c, year, m, serial));
        resolutionsOf.set(`${c}/${year}`, resolutions);
      }
    }
    writePlan(w, scale, firstYear, resolutionsOf);
  })();
  return w.counts;
}

type Linkable = { id: string; at: Date };

/**
 * One closed meeting with its 25 items, published minutes with a note on every item, and on resolution
 * items a paper, a vote and (if adopted) a resolution; non-public ones are announced at the next meeting.
 * Answers the meeting's public resolutions.
 */
function writeMeeting(w: Writer, c: number, year: number, m: number, serial: { last: number }): Linkable[] {
  const { insert, counts } = w;
  const r = randomAt(c, year, m);
  const id = meetingId(c, year, m);
  const startsAt = meetingStart(year, m);
  const endsAt = new Date(startsAt.getTime() + r.int(120, 240) * 60_000);
  const nextId = m + 1 < MEETINGS_PER_YEAR ? meetingId(c, year, m + 1) : year < LAST_YEAR ? meetingId(c, year + 1, 0) : null;
  const nextStart = m + 1 < MEETINGS_PER_YEAR ? meetingStart(year, m + 1) : meetingStart(year + 1, 0);
  const sequenceNumber = m + 1;
  insert("Meeting", {
    id,
    committeeId: committeeId(c),
    title: `${sequenceNumber}. Sitzung ${committeeName(c)}`,
    sequenceNumber,
    numberYear: year,
    startsAt,
    endsAt,
    locationName: "Rathaus",
    locationAddress: "Marktplatz 1, 74000 Neckarfeld",
    locationRoom: r.pick(["Großer Sitzungssaal", "Kleiner Sitzungssaal", "Raum 104"]),
    locationLatitude: null,
    locationLongitude: null,
    state: "closed",
    emergencyReason: null,
    cancelledReason: null,
    sequence: 2,
    repeatMeeting: false,
    startedAt: startsAt,
    endedAt: endsAt,
    interruptions: null,
    liveItemId: null,
    ...meta(new Date(startsAt.getTime() - 30 * DAY)),
    version: 4,
  });
  counts.meetings++;
  const minutesId = `${id}-minutes`;
  const finalAt = new Date(startsAt.getTime() + 21 * DAY);
  insert("Minutes", {
    id: minutesId,
    meetingId: id,
    state: "published",
    circulatedAt: new Date(startsAt.getTime() + 7 * DAY),
    finalAt,
    publishedAt: finalAt,
    ...meta(endsAt),
    version: 4,
  });

  const publicResolutions: Linkable[] = [];
  const positions = { public: 0, nonPublic: 0 };
  agendaSlots(r).forEach((slot, i) => {
    const itemId = `${id}-i${String(i + 1).padStart(2, "0")}`;
    const paperId = slot.resolution ? `${itemId}-paper` : null;
    const topic = slot.title;
    if (paperId) {
      insert("Paper", {
        id: paperId,
        bodyId: BODY_ID,
        year,
        serial: c * 400 + m * ITEMS_PER_MEETING + i + 1,
        title: topic,
        type: "proposal",
        proposedResolution: `Der Ausschuss beschließt die Fortführung: ${topic}.`,
        factsAndReasons: paragraph(r, r.int(4, 7)),
        financialEffects: `Aufwand ${r.int(5, 120) * 1000} Euro jährlich.`,
        isPublic: slot.isPublic,
        date: null,
        deletedAt: null,
        ...meta(new Date(startsAt.getTime() - 20 * DAY)),
      });
      insert("Consultation", {
        id: `${paperId}-c`,
        paperId,
        committeeId: committeeId(c),
        meetingId: id,
        position: 0,
        role: "deciding",
        state: "decided",
        ...meta(startsAt),
      });
    }
    insert("AgendaItem", {
      id: itemId,
      meetingId: id,
      parentId: null,
      isPublic: slot.isPublic,
      position: slot.isPublic ? positions.public++ : positions.nonPublic++,
      kind: slot.kind,
      title: slot.title,
      paperId,
      presenter: slot.resolution ? r.pick(SPEAKERS) : null,
      durationMinutes: slot.resolution ? r.int(10, 30) : null,
      description: slot.resolution
        ? `**Beschlussvorschlag:** ${topic}.\n\n- Laufzeit bis ${year + r.int(1, 3)}\n- Beteiligung der Migrantenorganisationen`
        : null,
      withdrawnAt: null,
      ...meta(new Date(startsAt.getTime() - 14 * DAY)),
    });
    counts.items++;
    if (!slot.isPublic) counts.nonPublicItems++;
    insert("MinutesItemNote", { id: `${itemId}-notes`, minutesId, itemId, notes: minutesNotes(r), ...meta(endsAt) });
    counts.minutesNotes++;
    if (!slot.resolution) return;

    const voteCounts = { yes: r.int(6, 14), no: r.int(0, 6), abstain: r.int(0, 3) };
    const decision = decideVote(voteCounts);
    const voteId = `${itemId}-vote`;
    insert("Vote", {
      id: voteId,
      meetingId: id,
      itemId,
      kind: "open",
      motion: `Beschlussvorschlag: ${topic}`,
      ...voteCounts,
      details: null,
      outcome: decision.adopted ? "adopted" : "rejected",
      explanation: decision.explanation,
      quorum: JSON.stringify({ quorate: true, explanation: "beschlussfähig" }),
      actorName: "Schriftführung",
      createdAt: startsAt,
    });
    if (!decision.adopted) return;
    const resolutionId = `${itemId}-res`;
    insert("Resolution", {
      id: resolutionId,
      committeeId: committeeId(c),
      year,
      serial: ++serial.last,
      meetingId: id,
      itemId,
      paperId,
      voteId,
      text: `Der Ausschuss beschließt: ${topic}. ${paragraph(r, 2)}`,
      kind: "resolution",
      recipientBody: null,
      isPublic: slot.isPublic,
      followUp: "open",
      supersededById: null,
      announcedAt: !slot.isPublic && nextId ? nextStart : null,
      announcedMeetingId: !slot.isPublic ? nextId : null,
      ...meta(startsAt),
    });
    counts.resolutions++;
    if (slot.isPublic) publicResolutions.push({ id: resolutionId, at: startsAt });
  });
  return publicResolutions;
}

/**
 * The plan: measures in ten action fields; measure j follows committee j mod C in one year, with one
 * linked resolution per meeting of that year, so each trace has the same length at every scale. Each
 * link moves the measure on, with its history entry; the measure is written in its final state.
 */
function writePlan(w: Writer, scale: Scale, firstYear: number, resolutionsOf: Map<string, Linkable[]>) {
  const { insert, counts } = w;
  insert("Plan", {
    id: PLAN_ID,
    bodyId: BODY_ID,
    title: "Integrationsplan Neckarfeld",
    adoptedOn: `${firstYear}-03-01`,
    adoptedByResolutionId: null,
    description: null,
    ...meta(CREATED),
  });
  const fields = Math.min(10, scale.measures);
  for (let f = 0; f < fields; f++) {
    insert("ActionField", {
      id: `${PLAN_ID}-f${f + 1}`,
      planId: PLAN_ID,
      number: f + 1,
      title: `Handlungsfeld ${f + 1}: ${TOPICS[f]}`,
      version: 1,
    });
  }
  const relations = ["initiates", "reports_progress", "changes", "reports_progress"] as const;
  for (let j = 0; j < scale.measures; j++) {
    const r = randomAt(1_000_000 + j);
    const field = j % fields;
    const c = j % scale.committees;
    const year = LAST_YEAR - (Math.floor(j / scale.committees) % scale.years);
    const resolutions = resolutionsOf.get(`${c}/${year}`)!;
    const stride = Math.max(1, Math.floor(resolutions.length / MEETINGS_PER_YEAR));
    const linked = resolutions
      .filter((_, k) => k % stride === Math.floor(j / (scale.committees * scale.years)) % stride)
      .slice(0, MEETINGS_PER_YEAR);
    const id = measureId(j);
    const steps = linked.map((resolution, k) => ({
      resolution,
      k,
      relation: k === 0 ? "initiates" : relations[k % relations.length]!,
      status: "in_progress",
      progress: Math.min(90, k * 8),
    }));
    const last = steps.at(-1);
    insert("Measure", {
      id,
      planId: PLAN_ID,
      actionFieldId: `${PLAN_ID}-f${field + 1}`,
      code: `${field + 1}.${Math.floor(j / fields) + 1}`,
      title: `${TOPICS[j % TOPICS.length]} ${r.pick(PLACES)}`,
      description: paragraph(r, 3),
      responsible: r.pick(["Amt für Integration", "Schulamt", "Jobcenter", "Sozialamt"]),
      partners: JSON.stringify([r.pick(["Caritas", "Diakonie", "AWO", "VHS"])]),
      status: last?.status ?? "planned",
      progress: last?.progress ?? 0,
      startDate: `${year}-01-01`,
      targetDate: `${year + 3}-12-31`,
      indicators: "Teilnehmende je Jahr",
      evidence: null,
      ...meta(CREATED),
      version: 1 + steps.length,
    });
    counts.measures++;
    steps.forEach(({ resolution, k, relation, status, progress }) => {
      const before = k === 0 ? { status: "planned", progress: 0 } : steps[k - 1]!;
      insert("MeasureLink", {
        id: `${id}-l${k}`,
        resolutionId: resolution.id,
        measureId: id,
        relation,
        newStatus: k === 0 ? status : null,
        newProgress: progress,
        note: null,
        createdAt: resolution.at,
      });
      insert("MeasureHistory", {
        measureId: id,
        at: resolution.at,
        actorName: "Schriftführung",
        fromStatus: before.status,
        toStatus: status,
        fromProgress: before.progress,
        toProgress: progress,
        reason: null,
        resolutionId: resolution.id,
        source: "link",
      });
      counts.links++;
    });
  }
}

const root = path.resolve(import.meta.dirname, "..");

/** Applies the migrations to a new database file with `prisma migrate deploy`, as the Node entry does. */
function migrate(file: string) {
  const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  execFileSync(process.execPath, [prismaCli, "migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
}

/**
 * Builds the OParl view of the dataset, as the first OParl request would: a cost the service pays once (and after
 * changes to people or committees), kept with the dataset so that the benchmark measures reading it.
 */
async function publishOparl(file: string) {
  const db = createNodeDatabase(`file:${file}`);
  const deps = {
    documents: loadDocumentAssets(),
    attachments: createFileAttachmentStore(mkdtempSync(path.join(tmpdir(), "gremium-bench-"))),
    license: DEFAULT_OPARL_LICENSE,
    version: "bench",
  };
  await syncOparl(createServiceContext(db, ANONYMOUS, new Date(Date.UTC(LAST_YEAR, 11, 31))), deps);
  await db.prisma.$disconnect();
}

/**
 * The database of a scale, built once into `bench/.data/` and reused while the generator and the
 * migrations stay the same (the file name carries both).
 */
export async function datasetFile(scale: Scale): Promise<{ file: string; built: boolean; counts?: DatasetCounts; seconds?: number }> {
  const migrations = execFileSync("ls", [path.join(root, "prisma/migrations")])
    .toString()
    .trim()
    .split("\n")
    .at(-1);
  const dir = path.join(root, "bench/.data");
  const file = path.join(dir, `${scale.name}-v${GENERATOR_VERSION}-${migrations}.db`);
  if (existsSync(file)) return { file, built: false };
  mkdirSync(dir, { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const started = performance.now();
  migrate(partial);
  const db = new Sqlite(partial);
  db.pragma("journal_mode = DELETE");
  const counts = populate(db, scale);
  db.close();
  await publishOparl(partial);
  const analyzed = new Sqlite(partial);
  analyzed.exec("ANALYZE");
  analyzed.close();
  renameSync(partial, file);
  return { file, built: true, counts, seconds: (performance.now() - started) / 1000 };
}
