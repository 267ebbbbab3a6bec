import { z } from "@hono/zod-openapi";
import type { ItemWithPaper } from "../db/queries/agenda";
import { renderMarkdown } from "../documents/markdown";
import { showsPaperOnItem } from "../policies/papers";
import { AGENDA_ITEM_KINDS, type AgendaItemKind } from "../rules/agenda";
import { paperNumber } from "../rules/papers";
import { nonEmptyPatch, ZId, ZLine, ZOptionalLine } from "./common";

const ZKind = z.enum(AGENDA_ITEM_KINDS).openapi({
  description:
    "information; discussion; resolution; election; minutes_approval (Einwendungen/Genehmigung der Niederschrift); " +
    "announcement_of_resolutions (Bekanntgabe nichtöffentlicher Beschlüsse); residents_questions (Einwohnerfragen); " +
    "miscellaneous (Verschiedenes, no resolution).",
});

export const ZAgendaItem = z
  .object({
    id: z.string(),
    version: z.number().int(),
    meetingId: z.string(),
    parentId: z.string().nullable(),
    number: z.string().openapi({ example: "Ö 2.1" }),
    depth: z.number().int(),
    isPublic: z.boolean(),
    kind: ZKind,
    title: z.string(),
    paper: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
    presenter: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
    description: z.string().nullable(),
    descriptionHtml: z.string().nullable(),
    withdrawn: z.boolean().openapi({ description: "Taken off the agenda after the invitation (abgesetzt)." }),
  })
  .openapi("AgendaItem");
export type TAgendaItem = z.infer<typeof ZAgendaItem>;

export const ZAgendaAmendment = z
  .object({ id: z.string(), at: z.string(), actorName: z.string(), action: z.string(), itemId: z.string(), summary: z.string() })
  .openapi("AgendaAmendment");

export const ZAgenda = z
  .object({
    meetingId: z.string(),
    items: z.array(ZAgendaItem),
    amendments: z.array(ZAgendaAmendment).openapi({ description: "Changes after the invitation (Nachträge), oldest first." }),
    warnings: z.array(z.string()),
    announcements: z.array(z.object({ resolutionId: z.string(), number: z.string(), text: z.string(), announced: z.boolean() })).openapi({
      description: "Non-public resolutions for the announcement item: pending ones (committee only) and those announced here.",
    }),
  })
  .openapi("Agenda");

const fields = {
  title: ZLine(500),
  kind: ZKind,
  paperId: ZId.nullable().optional(),
  presenter: ZOptionalLine(200),
  durationMinutes: z.number().int().min(1).max(600).nullable().optional(),
  description: z.string().max(20_000).nullable().optional().openapi({ description: "Markdown." }),
};

export const ZAgendaItemCreate = z
  .object({
    ...fields,
    isPublic: z.boolean().default(true),
    parentId: ZId.nullable().optional().openapi({ description: "Nest under this item; the child takes the parent's part." }),
    position: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: "0-based place among its siblings; default: last, but before the closing items (Verschiedenes)." }),
  })
  .strict()
  .openapi("AgendaItemCreate");
export type TAgendaItemCreate = z.infer<typeof ZAgendaItemCreate>;

export const ZAgendaItemUpdate = nonEmptyPatch(
  z.object({ ...fields, title: fields.title.optional(), kind: ZKind.optional() }).strict(),
).openapi("AgendaItemUpdate");
export type TAgendaItemUpdate = z.infer<typeof ZAgendaItemUpdate>;

export const ZAgendaItemMove = z
  .object({
    parentId: ZId.nullable().default(null),
    position: z.number().int().min(0),
    isPublic: z.boolean().optional().openapi({ description: "Move a top-level item into the other part, with its sub-items." }),
  })
  .strict()
  .openapi("AgendaItemMove");
export type TAgendaItemMove = z.infer<typeof ZAgendaItemMove>;

/** An item as the reader sees it; a non-public paper on a public item is shown only to those who may read it. */
export function toItemView(item: ItemWithPaper & { number: string; depth: number }, readsNonPublic: boolean): TAgendaItem {
  const paper = item.paper && showsPaperOnItem(item.paper, readsNonPublic) ? item.paper : null;
  return {
    id: item.id,
    version: item.version,
    meetingId: item.meetingId,
    parentId: item.parentId,
    number: item.number,
    depth: item.depth,
    isPublic: item.isPublic,
    kind: item.kind as AgendaItemKind,
    title: item.title,
    paper: paper ? { id: paper.id, number: paperNumber(paper.year, paper.serial), title: paper.title } : null,
    presenter: item.presenter,
    durationMinutes: item.durationMinutes,
    description: item.description,
    descriptionHtml: renderMarkdown(item.description),
    withdrawn: item.withdrawnAt !== null,
  };
}
