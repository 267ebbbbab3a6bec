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
