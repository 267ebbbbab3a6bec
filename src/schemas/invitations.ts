import { z } from "@hono/zod-openapi";
import type { InvitationModel } from "../generated/prisma-node/models";
import { ZOptionalText } from "./common";

export const ZInvitationCreate = z
  .object({
    channel: z.enum(["email", "post", "portal"]).default("email"),
    lateReason: ZOptionalText(2000).openapi({ description: "Required when the notice period is not kept; it is stored." }),
  })
  .strict()
  .openapi("InvitationCreate");
export type TInvitationCreate = z.infer<typeof ZInvitationCreate>;

const ZRecipient = z.object({ personId: z.string(), name: z.string(), role: z.string(), membershipId: z.string() });
export type TRecipient = z.infer<typeof ZRecipient>;

export const ZInvitation = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    sentAt: z.string(),
    channel: z.string(),
    recipients: z.array(ZRecipient),
    notice: z.object({
      deadline: z.string().openapi({ description: "Last Berlin calendar date for a dispatch in time." }),
      daysBeforeMeeting: z.number().int().openapi({ description: "Berlin calendar days between dispatch and meeting." }),
      daysShort: z.number().int().openapi({ description: "Days short of the notice period; 0 when in time." }),
      noticeDays: z.number().int(),
      late: z.boolean(),
    }),
    lateReason: z.string().nullable(),
    actorName: z.string(),
  })
  .openapi("Invitation");

export const toInvitationView = (invitation: InvitationModel) => ({
  id: invitation.id,
  meetingId: invitation.meetingId,
  sentAt: invitation.sentAt.toISOString(),
  channel: invitation.channel,
  recipients: JSON.parse(invitation.recipients) as TRecipient[],
  notice: {
    deadline: invitation.deadline,
    daysBeforeMeeting: invitation.gapDays,
    daysShort: Math.max(0, invitation.noticeDays - invitation.gapDays),
    noticeDays: invitation.noticeDays,
    late: invitation.gapDays < invitation.noticeDays,
  },
  lateReason: invitation.lateReason,
  actorName: invitation.actorName,
});
