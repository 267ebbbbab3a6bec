/**
 * Attendance: who came to a meeting, and why someone stayed away. The reason of an absence can be health data
 * (Art. 9 GDPR), so it is for those who manage the meeting only; the members of the committee see who attended;
 * anyone else learns nothing of the sheet.
 */
import type { Principal } from "../auth/principal";
import { managesBody, type CommitteeRef, type Readership } from "./readership";

/** How much of a meeting's attendance sheet the actor reads: all of it, all but the reasons, or nothing. */
export type AttendanceSheetAccess = "with_reasons" | "without_reasons" | null;

export function attendanceSheetAccess(actor: Principal, readership: Readership, committee: CommitteeRef): AttendanceSheetAccess {
  if (managesBody(actor, committee.bodyId)) return "with_reasons";
  if (readership.seats.has(committee.id)) return "without_reasons";
  return null;
}
