/**
 * Loading one meeting, apart from `meetings.ts`: the agenda and the meeting record need it, and `meetings.ts` needs
 * them, so it sits below all three (no import cycle among the services).
 */
import { findMeeting, type MeetingWithCommittee } from "../../db/queries/meetings";
import { notFound } from "../../errors";
import type { ServiceContext } from "../context";

/** A meeting with the names of its committee; not found when there is none. */
export async function getMeeting(ctx: ServiceContext, id: string): Promise<MeetingWithCommittee> {
  const meeting = await findMeeting(ctx.db, id);
  if (!meeting) throw notFound("Meeting", id);
  return meeting;
}
