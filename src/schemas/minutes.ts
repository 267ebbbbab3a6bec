import { z } from "@hono/zod-openapi";
import { MINUTES_STATES } from "../rules/minutes";

const ZMinutesVote = z.object({
  id: z.string(),
  kind: z.string(),
  motion: z.string(),
  yes: z.number().int().nullable(),
  no: z.number().int().nullable(),
  abstain: z.number().int().nullable(),
  outcome: z.string(),
  explanation: z.string(),
  ballots: z
    .string()
    .nullable()
    .openapi({ description: "How each member voted in a roll call, or the votes per candidate in an election (§ 38 (1) GemO)." }),
});

const ZMinutesItem = z.object({
  itemId: z.string(),
  number: z.string().openapi({ example: "Ö 3" }),
  title: z.string(),
  isPublic: z.boolean(),
  withdrawn: z.boolean(),
  notes: z.string().nullable().openapi({ description: "Markdown" }),
  notesHtml: z.string().nullable(),
  recusals: z.array(z.string()),
  statements: z.array(z.string()),
  votes: z.array(ZMinutesVote),
  resolutions: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      label: z.string().openapi({ example: "Empfehlung an den Gemeinderat" }),
      text: z.string(),
      textHtml: z.string(),
      kind: z.string(),
      recipientBody: z.string().nullable(),
    }),
  ),
});

export const ZMinutes = z
  .object({
    meetingId: z.string(),
    variant: z.enum(["full", "public"]),
    state: z.enum(MINUTES_STATES),
    version: z.number().int().openapi({ description: "0 before the minutes exist; send it back in If-Match." }),
    header: z.object({
      committee: z.string(),
      title: z.string(),
      date: z.string().openapi({ format: "date" }),
      startsAt: z.string(),
      endsAt: z.string().nullable(),
      interruptions: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string().nullable() })),
      place: z.string().nullable(),
      chair: z.string().nullable(),
      membersPresent: z.number().int(),
      present: z.array(z.string()).openapi({ description: "The names of the members present (§ 38 (1) GemO), deputies included." }),
      absent: z.array(
        z.object({
          name: z.string(),
          status: z.enum(["excused", "absent", "unknown"]),
          reason: z.string().nullable().openapi({ description: "Only in the committee's full minutes; null in the public ones." }),
          label: z.string().openapi({ example: "entschuldigt" }),
        }),
      ),
      deputies: z
        .array(z.object({ name: z.string(), standsInFor: z.string() }))
        .openapi({ description: "Deputies who stood in, and for whom." }),
      remote: z.array(z.string()).openapi({ description: "Members who took part remotely (§37a GemO)." }),
      lateArrivals: z
        .array(z.object({ name: z.string(), item: z.string().nullable() }))
        .openapi({ description: "Arrived before the item." }),
      earlyDepartures: z
        .array(z.object({ name: z.string(), item: z.string().nullable() }))
        .openapi({ description: "Left before the item." }),
    }),
    items: z.array(ZMinutesItem),
    signatures: z.array(
      z.object({
        role: z.enum(["chair", "member", "minute_taker"]),
        name: z.string(),
        signedAt: z.string(),
        onPaper: z.boolean().openapi({ description: "Given on paper and recorded by the secretariat." }),
      }),
    ),
    missingSignatures: z.array(z.string()),
    objections: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        text: z.string(),
        filedAt: z.string(),
        decision: z.string().nullable(),
        decisionNote: z.string().nullable(),
      }),
    ),
    dueDate: z.string().openapi({ format: "date", description: "§38 (2) GemO: the minutes go to the committee within one month." }),
    warnings: z.array(z.string()),
  })
  .openapi("Minutes");

export const ZMinutesHistory = z
  .object({
    revisions: z.array(z.object({ id: z.number().int(), at: z.string(), actorName: z.string() })),
    from: z.number().int().nullable().openapi({ description: "The revision the diff starts from: the first." }),
    to: z.number().int().nullable().openapi({ description: "The revision the diff ends at: the last." }),
    diff: z.array(z.object({ added: z.boolean(), removed: z.boolean(), text: z.string() })),
  })
  .openapi("MinutesHistory");
