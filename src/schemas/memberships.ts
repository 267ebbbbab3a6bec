import { z } from "@hono/zod-openapi";
import type { MembershipModel } from "../generated/prisma-node/models";
import { MEMBERSHIP_ROLES, type MembershipRole } from "../rules/membership";
import {
  endNotBeforeStart,
  endNotBeforeStartIssue,
  nonEmptyPatch,
  recordMeta,
  ZCalendarDate,
  ZId,
  ZOptionalLine,
  ZRecordMeta,
} from "./common";

const ZRole = z.enum(MEMBERSHIP_ROLES).openapi({
  description:
    "chair: Vorsitz; deputy_chair: stv. Vorsitz; member: Mitglied; deputy: Stellvertreter/in; advisory_member: beratendes " +
    "Mitglied; minute_taker: Schriftführung.",
});

export const ZMembership = z
  .object({
    ...ZRecordMeta,
    committeeId: z.string(),
    personId: z.string(),
    termId: z.string().nullable(),
    role: ZRole,
    votingRight: z.boolean(),
    seatCategory: z.string().nullable().openapi({ example: "sachkundige Einwohner" }),
    onBehalfOf: z.string().nullable().openapi({ example: "Türkisch-Islamische Gemeinde" }),
    startDate: z.string().openapi({ format: "date" }),
    endDate: z.string().nullable().openapi({ format: "date" }),
    deputyForId: z.string().nullable().openapi({ description: "For a deputy: the membership of the member they stand in for." }),
  })
  .openapi("Membership");
export type TMembership = z.infer<typeof ZMembership>;

const fields = {
  termId: ZId.nullable().optional(),
  role: ZRole,
  votingRight: z.boolean().optional().openapi({ description: "Default: true for chair, deputy chair and member; false otherwise." }),
  seatCategory: ZOptionalLine(100),
  onBehalfOf: ZOptionalLine(200),
  startDate: ZCalendarDate,
  endDate: ZCalendarDate.nullable().optional(),
  deputyForId: ZId.nullable().optional(),
};

export const ZMembershipCreate = z
  .object({ committeeId: ZId, personId: ZId, ...fields })
  .strict()
  .refine(endNotBeforeStart, endNotBeforeStartIssue)
  .openapi("MembershipCreate");
export type TMembershipCreate = z.infer<typeof ZMembershipCreate>;

export const ZMembershipUpdate = nonEmptyPatch(
  z.object({ ...fields, role: ZRole.optional(), startDate: ZCalendarDate.optional() }).strict(),
)
  .refine(endNotBeforeStart, endNotBeforeStartIssue)
  .openapi("MembershipUpdate");
export type TMembershipUpdate = z.infer<typeof ZMembershipUpdate>;

export const ZMembershipListQuery = z.object({
  committeeId: ZId.optional(),
  personId: ZId.optional(),
  role: ZRole.optional(),
  at: ZCalendarDate.optional().openapi({ description: "Only memberships current on this date." }),
});

export const toMembershipView = (membership: MembershipModel): TMembership => ({
  ...recordMeta(membership),
  committeeId: membership.committeeId,
  personId: membership.personId,
  termId: membership.termId,
  role: membership.role as MembershipRole,
  votingRight: membership.votingRight,
  seatCategory: membership.seatCategory,
  onBehalfOf: membership.onBehalfOf,
  startDate: membership.startDate,
  endDate: membership.endDate,
  deputyForId: membership.deputyForId,
});

const ZPersonRef = z.object({
  id: z.string(),
  name: z.string().openapi({ example: "Αθηνά Παπαδοπούλου" }),
  givenName: z.string(),
  familyName: z.string(),
  formOfAddress: z.string().nullable(),
  title: z.string().nullable(),
});

export const ZCompositionQuery = z.object({
  at: ZCalendarDate.optional().openapi({ description: "The date (Europe/Berlin); default today." }),
});

export const ZComposition = z
  .object({
    committeeId: z.string(),
    at: z.string().openapi({ format: "date" }),
    seats: z.number().int().openapi({ description: "Memberships current on the date." }),
    votingMembers: z.number().int().openapi({ description: "Of those, how many carry a voting right." }),
    items: z.array(
      ZMembership.extend({
        person: ZPersonRef,
        deputyFor: z.object({ membershipId: z.string(), person: ZPersonRef }).nullable(),
      }),
    ),
  })
  .openapi("Composition");
export type TComposition = z.infer<typeof ZComposition>;
