import { z } from "@hono/zod-openapi";
import { nonEmptyPatch, ZCalendarDate, ZId, ZLine, ZOptionalText } from "./common";

export const ZItemRequest = z
  .object({
    id: z.string(),
    version: z.number().int(),
    committeeId: z.string(),
    subject: z.string(),
    requestedBy: z.string(),
    basis: z.enum(["group", "members"]),
    supporters: z.number().int(),
    receivedOn: z.string().openapi({ format: "date" }),
    dueMeeting: z
      .object({ id: z.string(), label: z.string(), startsAt: z.string() })
      .nullable()
      .openapi({ description: "The next-but-one meeting after receipt; null while fewer than two meetings are planned." }),
    agendaItemId: z.string().nullable(),
    refusedReason: z.string().nullable(),
    status: z.enum(["open", "scheduled", "refused", "overdue"]),
  })
  .openapi("ItemRequest");
export type TItemRequest = z.infer<typeof ZItemRequest>;

export const ZItemRequestCreate = z
  .object({
    subject: ZLine(500),
    requestedBy: ZLine(300).openapi({ example: "Fraktion Bündnis Vielfalt" }),
    basis: z.enum(["group", "members"]).openapi({ description: "group: a parliamentary group; members: a sixth of the members." }),
    supporters: z.number().int().min(1).max(1000).default(1),
    receivedOn: ZCalendarDate,
  })
  .strict()
  .openapi("ItemRequestCreate");
export type TItemRequestCreate = z.infer<typeof ZItemRequestCreate>;

export const ZItemRequestUpdate = nonEmptyPatch(
  z
    .object({
      agendaItemId: ZId.nullable().optional().openapi({ description: "The agenda item that deals with the subject." }),
      refusedReason: ZOptionalText(2000).openapi({ description: "E.g. the subject was dealt with in the last six months." }),
    })
    .strict(),
).openapi("ItemRequestUpdate");
export type TItemRequestUpdate = z.infer<typeof ZItemRequestUpdate>;
