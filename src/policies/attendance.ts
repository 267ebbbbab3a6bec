/**
 * Attendance: who came to a meeting, and why someone stayed away. The live attendance sheet is a working record:
 * the members of the committee see who attended, those who manage the meeting also the reasons (the table in
 * `personal-data.ts` decides); anyone else learns nothing of the sheet.
 */
import type { Principal } from "../auth/principal";
import { audienceOf, reads } from "./personal-data";
import type { CommitteeRef, Readership } from "./readership";

/** How much of a meeting's attendance sheet the actor reads: all of it, all but the reasons, or nothing. */
export type AttendanceSheetAccess = "with_reasons" | "without_reasons" | null;

export function attendanceSheetAccess(actor: Principal, readership: Readership, committee: CommitteeRef): AttendanceSheetAccess {
  const audience = audienceOf(actor, readership, committee);
  if (audience === "public") return null;
  return reads(audience, "attendance.excuseReason") ? "with_reasons" : "without_reasons";
}
