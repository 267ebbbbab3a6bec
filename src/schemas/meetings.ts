import { z } from "@hono/zod-openapi";
import type { CommitteeModel, MeetingModel } from "../generated/prisma-node/models";
import { berlinIsoOf } from "../rules/calendar";
import { MEETING_STATES, type MeetingState } from "../rules/meeting";
import { ZAgenda } from "./agenda";
import {
  nonEmptyPatch,
  recordMeta,
  ZId,
  ZInstant,
  ZInstantBound,
  ZLatitude,
  ZLine,
  ZLongitude,
  ZOptionalLine,
  ZOptionalText,
  ZRecordMeta,
  ZText,
} from "./common";

export const ZMeeting = z
  .object({
    ...ZRecordMeta,
    committeeId: z.string(),
    committee: z.object({ name: z.string(), shortName: z.string() }),
    title: z.string().openapi({ example: "3. Sitzung des Integrationsausschusses" }),
    sequenceNumber: z.number().int().openapi({ description: "The meeting's number in its committee's year, in date order." }),
    numberYear: z.number().int().openapi({ description: "The year the meeting is numbered in: the Berlin year of its start." }),
    label: z.string().openapi({ example: "3. Sitzung" }),
    startsAt: z.string().openapi({ format: "date-time", description: "UTC" }),
    startsAtBerlin: z.string().openapi({ example: "2026-12-10T18:00:00+01:00" }),
    endsAt: z.string().nullable(),
    endsAtBerlin: z.string().nullable(),
    location: z.object({
      name: z.string().nullable(),
      address: z.string().nullable(),
      room: z.string().nullable(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
    }),
    state: z.enum(MEETING_STATES),
    emergency: z.boolean().openapi({ description: "§34 (2) GemO: convened without notice period." }),
    repeatMeeting: z.boolean().openapi({ description: "§37 (3) GemO: second meeting after a failed quorum." }),
    emergencyReason: z.string().nullable(),
    cancelledReason: z.string().nullable(),
    course: z
      .object({
        startedAt: z.string().nullable(),
        endedAt: z.string().nullable(),
        interruptions: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string().nullable().optional() })),
      })
      .openapi({ description: "When a held meeting actually began and ended, and its interruptions (§38 (1) GemO)." }),
    hasPublishedMinutes: z
      .boolean()
      .openapi({ description: "Whether the minutes are published (the public part is readable by everyone)." }),
  })
  .openapi("Meeting");
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingWithAgenda = ZMeeting.extend({
  agenda: ZAgenda.omit({ meetingId: true }).openapi({
    description: "Items, amendments, announcements and warnings, as `GET /meetings/{id}/agenda` shows them to the caller.",
  }),
}).openapi("MeetingWithAgenda");

const endAfterStart = (value: { startsAt?: string; endsAt?: string | null }) =>
  !value.startsAt || !value.endsAt || new Date(value.endsAt) > new Date(value.startsAt);
const endIssue = { message: "muss nach startsAt liegen", path: ["endsAt"] };

const fields = {
  title: ZLine(200).optional(),
  startsAt: ZInstant,
  endsAt: ZInstant.nullable().optional(),
  locationName: ZOptionalLine(200),
  locationAddress: ZOptionalLine(300),
  locationRoom: ZOptionalLine(100),
  locationLatitude: ZLatitude.nullable().optional(),
  locationLongitude: ZLongitude.nullable().optional(),
  emergencyReason: ZOptionalText(2000).openapi({ description: "Makes this an emergency meeting (§34 (2) GemO) without notice period." }),
};

export const ZMeetingCreate = z
  .object({
    committeeId: ZId,
    standardFrame: z.boolean().default(true).openapi({ description: "Start the agenda from the standard frame." }),
    repeatMeeting: z
      .boolean()
      .default(false)
      .openapi({ description: "§37 (3) GemO: the second meeting after a failed quorum; three voting members suffice." }),
    ...fields,
  })
  .strict()
  .refine(endAfterStart, endIssue)
  .openapi("MeetingCreate");
export type TMeetingCreate = z.infer<typeof ZMeetingCreate>;

export const ZMeetingUpdate = nonEmptyPatch(z.object({ ...fields, startsAt: ZInstant.optional() }).strict())
  .refine(endAfterStart, endIssue)
  .openapi("MeetingUpdate");
export type TMeetingUpdate = z.infer<typeof ZMeetingUpdate>;

export const ZMeetingTransition = z
  .object({
    to: z.enum(["held", "closed", "cancelled"]).openapi({ description: "The invitation endpoint moves a meeting to invited." }),
    reason: ZText(2000).optional().openapi({ description: "Required for cancelling." }),
  })
  .strict()
  .refine((value) => value.to !== "cancelled" || Boolean(value.reason), { message: "ist für eine Absage erforderlich", path: ["reason"] })
  .openapi("MeetingTransition");
export type TMeetingTransition = z.infer<typeof ZMeetingTransition>;

export const ZMeetingCourse = z
  .object({
    startedAt: ZInstant.openapi({ description: "When the meeting actually began." }),
    endedAt: ZInstant.nullable().optional().openapi({ description: "When it ended." }),
    interruptions: z
      .array(z.object({ from: ZInstant, to: ZInstant, reason: ZOptionalText(200) }).strict())
      .max(20)
      .default([]),
  })
  .strict()
  .openapi("MeetingCourse");
export type TMeetingCourse = z.infer<typeof ZMeetingCourse>;

export const ZMeetingListQuery = z.object({
  committeeId: ZId.optional(),
  bodyId: ZId.optional(),
  state: z.enum(MEETING_STATES).optional(),
  from: ZInstantBound("from").optional().openapi({ description: "Meetings starting at or after this date (Berlin) or instant." }),
  to: ZInstantBound("to").optional().openapi({ description: "Meetings starting on or before this date (Berlin), or before this instant." }),
});

export function toMeetingView(
  meeting: MeetingModel & { committee: Pick<CommitteeModel, "name" | "shortName">; minutesState: string | null },
): TMeeting {
  return {
    ...recordMeta(meeting),
    committeeId: meeting.committeeId,
    committee: { name: meeting.committee.name, shortName: meeting.committee.shortName },
    title: meeting.title,
    sequenceNumber: meeting.sequenceNumber,
    numberYear: meeting.numberYear,
    label: `${meeting.sequenceNumber}. Sitzung`,
    startsAt: meeting.startsAt.toISOString(),
    startsAtBerlin: berlinIsoOf(meeting.startsAt),
    endsAt: meeting.endsAt?.toISOString() ?? null,
    endsAtBerlin: meeting.endsAt ? berlinIsoOf(meeting.endsAt) : null,
    location: {
      name: meeting.locationName,
      address: meeting.locationAddress,
      room: meeting.locationRoom,
      latitude: meeting.locationLatitude,
      longitude: meeting.locationLongitude,
    },
    state: meeting.state as MeetingState,
    emergency: meeting.emergencyReason !== null,
    repeatMeeting: meeting.repeatMeeting,
    emergencyReason: meeting.emergencyReason,
    cancelledReason: meeting.cancelledReason,
    hasPublishedMinutes: meeting.minutesState === "published",
    course: {
      startedAt: meeting.startedAt?.toISOString() ?? null,
      endedAt: meeting.endedAt?.toISOString() ?? null,
      interruptions: meeting.interruptions ? JSON.parse(meeting.interruptions) : [],
    },
  };
}
