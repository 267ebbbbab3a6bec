/** Integration plan measures: statuses, relations to resolutions, and staleness. Pure functions. */
import { addMonths } from "./calendar";

export const MEASURE_STATUSES = ["planned", "in_progress", "implemented", "ongoing", "paused", "dropped"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** How the receiving body handled a recommendation. */
export const FOLLOW_UP_HANDLING = ["adopted", "changed", "rejected", "pending"] as const;
/** What became of an idea from a public integration forum. */
export const FORUM_IDEA_STATUSES = ["new", "under_review", "adopted", "rejected", "implemented"] as const;

export const LINK_RELATIONS = ["initiates", "changes", "reports_progress", "completes", "drops"] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** The status a relation implies when the link itself names none. */
export function impliedStatus(relation: LinkRelation): MeasureStatus | null {
  return relation === "completes" ? "implemented" : relation === "drops" ? "dropped" : relation === "initiates" ? "in_progress" : null;
}

/** A measure is stale when nothing happened to it since the cut-off: N months before today. */
export function staleCutoff(today: string, months: number): string {
  return addMonths(today, -months);
}
