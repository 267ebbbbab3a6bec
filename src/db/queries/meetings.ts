import type { CommitteeModel, MeetingModel } from "../../generated/prisma-node/models";
import type { Database, Statement } from "../database";
import { decodeRow } from "../rows";

export type MeetingWithCommittee = MeetingModel & {
  committee: Pick<CommitteeModel, "id" | "name" | "shortName" | "bodyId" | "kind">;
  /** The state of the meeting's minutes, or null before they exist. */
  minutesState: string | null;
};

/** A meeting with the names of its committee: one SQL read, on every page that shows a meeting. */
export async function findMeeting(db: Database, id: string): Promise<MeetingWithCommittee | undefined> {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT m.*, json_object('id', c.id, 'name', c.name, 'shortName', c.shortName, 'bodyId', c.bodyId, 'kind', c.kind) AS committee,
       (SELECT state FROM Minutes WHERE meetingId = m.id) AS minutesState
     FROM Meeting m JOIN Committee c ON c.id = m.committeeId WHERE m.id = ?`,
    [id],
  );
  return row
    ? decodeRow<MeetingWithCommittee>(db.prisma, { model: "Meeting", nested: { committee: { model: "Committee" } } }, row)
    : undefined;
}

/** Takes a meeting out of the papers' routes that named it (the consultations stay, without a date). */
export const unscheduleConsultations = (meetingId: string): Statement => ({
  sql: `UPDATE "Consultation" SET "meetingId" = NULL WHERE "meetingId" = ?`,
  params: [meetingId],
});
