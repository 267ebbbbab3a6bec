/** The agenda (Tagesordnung): kinds of items, the standard frame, and derived numbering. Pure functions. */

export const AGENDA_ITEM_KINDS = [
  "information",
  "discussion",
  "resolution",
  "election",
  "minutes_approval",
  "announcement_of_resolutions",
  "residents_questions",
  "miscellaneous",
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

/** Kinds under which a resolution may be taken. "Verschiedenes" and questions never carry one. */
export function allowsResolution(kind: AgendaItemKind): boolean {
  return kind === "resolution" || kind === "election" || kind === "minutes_approval";
}

/** Kinds that belong to the public part only. */
export function mustBePublic(kind: AgendaItemKind): boolean {
  return kind === "announcement_of_resolutions" || kind === "residents_questions";
}

export interface FrameItem {
  kind: AgendaItemKind;
  title: string;
  isPublic: boolean;
}

/**
 * The standard frame of a meeting: opening and quorum, previous minutes, announcement of non-public
 * resolutions (§35 (1) GemO), residents' questions, miscellaneous, and the non-public part.
 */
export const STANDARD_FRAME: readonly FrameItem[] = [
  { kind: "information", title: "Eröffnung, Feststellung der ordnungsgemäßen Einladung und der Beschlussfähigkeit", isPublic: true },
  { kind: "minutes_approval", title: "Niederschrift der letzten Sitzung", isPublic: true },
  { kind: "announcement_of_resolutions", title: "Bekanntgabe von Beschlüssen aus nichtöffentlicher Sitzung", isPublic: true },
  { kind: "residents_questions", title: "Fragen der Einwohnerinnen und Einwohner", isPublic: true },
  { kind: "miscellaneous", title: "Verschiedenes, Anfragen", isPublic: true },
  { kind: "minutes_approval", title: "Niederschrift der letzten nichtöffentlichen Sitzung", isPublic: false },
  { kind: "miscellaneous", title: "Verschiedenes (nichtöffentlich)", isPublic: false },
];

export interface NumberableItem {
  id: string;
  parentId: string | null;
  isPublic: boolean;
  position: number;
}

/** Order of siblings: by position, then by id so that the order is total on every runtime. */
const bySiblingOrder = (a: NumberableItem, b: NumberableItem) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Numbers every item from its part, nesting and position: "Ö 1", "Ö 1.1", …, then "N 1", ….
 * The two parts are numbered separately, so the public numbering never shows gaps for non-public
 * items. Returns the items in agenda order with their numbers.
 */
export function numberAgenda<T extends NumberableItem>(items: readonly T[]): (T & { number: string; depth: number })[] {
  const children = new Map<string | null, T[]>();
  for (const item of items) {
    const siblings = children.get(item.parentId) ?? [];
    siblings.push(item);
    children.set(item.parentId, siblings);
  }
  const result: (T & { number: string; depth: number })[] = [];
  const walk = (parentId: string | null, prefix: string, depth: number, part?: boolean) => {
    const siblings = (children.get(parentId) ?? []).filter((item) => part === undefined || item.isPublic === part).sort(bySiblingOrder);
    siblings.forEach((item, index) => {
      const number = `${prefix}${index + 1}`;
      result.push({ ...item, number, depth });
      walk(item.id, `${number}.`, depth + 1);
    });
  };
  walk(null, "Ö ", 0, true);
  walk(null, "N ", 0, false);
  return result;
}

/**
 * Where a new item goes when no position is given: at the end of its part, but before the closing items
 * ("Verschiedenes" of the public part, the non-public closing item), so that they stay last. Takes the
 * siblings in agenda order.
 */
export function defaultInsertIndex(siblings: readonly { kind: string }[]): number {
  let index = siblings.length;
  while (index > 0 && siblings[index - 1]!.kind === "miscellaneous") index--;
  return index;
}

/**
 * The standard frame for a meeting: the item on the previous minutes (public and non-public) only when the
 * committee has met before, since a committee's first meeting has no minutes to approve.
 */
export function standardFrameFor(hasEarlierMeeting: boolean): readonly FrameItem[] {
  return hasEarlierMeeting ? STANDARD_FRAME : STANDARD_FRAME.filter((item) => item.kind !== "minutes_approval");
}

/** Dense positions 0…n-1 for siblings after one is inserted at `index` (or moved there). */
export function reorder(siblings: readonly { id: string }[], moved: { id: string }, index: number): { id: string; position: number }[] {
  const rest = siblings.filter((item) => item.id !== moved.id);
  const at = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), moved, ...rest.slice(at)].map((item, position) => ({ id: item.id, position }));
}
