/** What the meeting pages of the workspace share: their words, the meeting's name, time and address, and its state. */
import { z } from "zod";
import { dateOf, timeOf } from "../../rules/calendar";
import type { managedMeeting } from "../../services/workspace";
import type { FormViewProps } from "../kit/form";
import { m } from "../messages";

export const t = m.workspace.meetings;
export type Managed = Awaited<ReturnType<typeof managedMeeting>>;
export type Meeting = Managed["meeting"];
export type FormState = Omit<FormViewProps<unknown>, "scope" | "data">;
export type MeetingLine = Pick<Meeting, "id" | "title" | "state" | "startsAt"> & { committee: { name: string } };
/** The title names the committee as a rule ("3. Sitzung Integrationsbeirat"); a title of its own gets it added. */
export const meetingName = (meeting: MeetingLine) =>
  meeting.title.includes(meeting.committee.name) ? meeting.title : `${meeting.committee.name}: ${meeting.title}`;
export const when = (meeting: MeetingLine) => `${dateOf(meeting.startsAt)}, ${timeOf(meeting.startsAt)}`;
export const meetingPath = (id: string) => `/verwaltung/sitzungen/${id}`;
export const editable = (meeting: Meeting) => meeting.state === "planned" || meeting.state === "invited";
/** A time of day in a form, as the time input sends it (Berlin time). */
export const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "muss eine Uhrzeit der Form HH:MM sein");
