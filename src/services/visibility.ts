import { canManageBody } from "../auth/principal";
import type { ServiceContext } from "./context";
import { currentOn } from "./membership-filters";
import { berlinDateOf } from "../rules/calendar";

/**
 * Who may read non-public material of which committee: admins everywhere, the secretariat in its
 * body, members in the committees where they hold a seat today (deputies included), the public nowhere.
 */
export interface Readership {
  canReadNonPublic(committee: { id: string; bodyId: string }): boolean;
  /** For members: the committees where they hold a seat today. Empty for the other roles. */
  committeeIds: ReadonlySet<string>;
}

export async function readershipOf(ctx: ServiceContext): Promise<Readership> {
  const actor = ctx.actor;
  switch (actor.kind) {
    case "admin":
      return { canReadNonPublic: () => true, committeeIds: new Set() };
    case "secretariat":
      return { canReadNonPublic: (c) => c.bodyId === actor.bodyId, committeeIds: new Set() };
    case "member": {
      const seats = await ctx.db.prisma.membership.findMany({
        where: { personId: actor.personId, ...currentOn(berlinDateOf(ctx.now)) },
        select: { committeeId: true },
      });
      const ids = new Set(seats.map((seat) => seat.committeeId));
      return { canReadNonPublic: (c) => ids.has(c.id), committeeIds: ids };
    }
    default:
      return { canReadNonPublic: () => false, committeeIds: new Set() };
  }
}

/**
 * Which minutes of a committee's meeting the caller reads: the full minutes (the secretariat always, members of
 * the committee once circulated), the public part once published, or nothing.
 */
export function minutesVariantFor(
  ctx: ServiceContext,
  readership: Readership,
  committee: { id: string; bodyId: string },
  state: string | undefined,
): "full" | "public" | null {
  if (canManageBody(ctx.actor, committee.bodyId)) return "full";
  if (readership.committeeIds.has(committee.id) && state && state !== "draft") return "full";
  return state === "published" ? "public" : null;
}

/** Whether the caller reads the minutes' notes on one item. */
export function minutesItemReadable(variant: "full" | "public" | null, itemIsPublic: boolean): boolean {
  return variant === "full" || (variant === "public" && itemIsPublic);
}
