import type {
  CommitteeModel,
  MeasureHistoryModel,
  MeasureLinkModel,
  MeetingModel,
  MinutesModel,
  ResolutionModel,
  VoteModel,
} from "../../generated/prisma-node/models";
import type { Database } from "../database";
import { decodeRow, decodeRows } from "../rows";

export type TraceRow = Pick<MeasureLinkModel, "relation"> &
  Pick<
    ResolutionModel,
    "committeeId" | "year" | "serial" | "text" | "kind" | "isPublic" | "announcedAt" | "meetingId" | "itemId" | "createdAt"
  > & {
    resolutionId: string;
    committee: Pick<CommitteeModel, "id" | "name" | "shortName" | "bodyId">;
    vote: Pick<VoteModel, "outcome" | "yes" | "no" | "abstain"> | null;
    meeting: Pick<MeetingModel, "id" | "sequenceNumber" | "startsAt"> | null;
    minutes: (Pick<MinutesModel, "state"> & { notes: string | null }) | null;
    change: Pick<MeasureHistoryModel, "fromStatus" | "toStatus" | "fromProgress" | "toProgress"> | null;
  };

/** Every link of a measure with its resolution, committee, vote, meeting, minutes note and status change. */
const TRACE_SQL = `SELECT l.relation, r.id AS resolutionId, r.committeeId, r.year, r.serial, r.text, r.kind, r.isPublic,
  r.announcedAt, r.meetingId, r.itemId, r.createdAt,
      json_object('id', c.id, 'name', c.name, 'shortName', c.shortName, 'bodyId', c.bodyId) AS committee,
      CASE WHEN v.id IS NULL THEN NULL ELSE json_object('outcome', v.outcome, 'yes', v.yes, 'no', v.no, 'abstain', v.abstain) END AS vote,
      CASE WHEN m.id IS NULL THEN NULL ELSE json_object('id', m.id, 'sequenceNumber', m.sequenceNumber, 'startsAt',
  m.startsAt) END AS meeting,
      CASE WHEN mi.id IS NULL THEN NULL ELSE json_object('state', mi.state, 'notes', (SELECT notes FROM MinutesItemNote WHERE
  minutesId = mi.id AND itemId = r.itemId)) END AS minutes,
      (SELECT json_object('fromStatus', h.fromStatus, 'toStatus', h.toStatus, 'fromProgress', h.fromProgress, 'toProgress', h.toProgress)
         FROM MeasureHistory h WHERE h.measureId = l.measureId AND h.resolutionId = r.id ORDER BY h.id LIMIT 1) AS change
    FROM MeasureLink l
    JOIN Resolution r ON r.id = l.resolutionId
    JOIN Committee c ON c.id = r.committeeId
    LEFT JOIN Vote v ON v.id = r.voteId
    LEFT JOIN Meeting m ON m.id = r.meetingId
    LEFT JOIN Minutes mi ON mi.meetingId = r.meetingId
    WHERE l.measureId = ?`;

const TRACE_SHAPE = {
  model: "Resolution",
  nested: {
    committee: { model: "Committee" },
    vote: { model: "Vote" },
    meeting: { model: "Meeting" },
    minutes: { model: "Minutes" },
    change: { model: "MeasureHistory" },
  },
};

/** The plan's title and every link of a measure, in one round trip (see `Database.queryAll`). */
export async function readTrace(db: Database, measure: { id: string; planId: string }) {
  const [plans, links] = await db.queryAll(
    [
      { sql: `SELECT title FROM Plan WHERE id = ?`, params: [measure.planId] },
      { sql: TRACE_SQL, params: [measure.id] },
    ],
    { slow: true },
  );
  const plan = decodeRow<{ title: string }>(db.prisma, { model: "Plan" }, plans![0]!);
  return { planTitle: plan.title, links: decodeRows<TraceRow>(db.prisma, TRACE_SHAPE, links!) };
}
