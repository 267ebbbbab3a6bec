import type { Principal } from "../auth/principal";
import type { Database } from "../db/database";
import { resolveReadership, type Readership } from "../policies/readership";
import { berlinDateOf } from "../rules/calendar";
import { currentOn } from "./people/membership-filters";

/** What every service function receives: the data access, who acts, the time of the request, and what the actor reads. */
export interface ServiceContext {
  db: Database;
  actor: Principal;
  now: Date;
  /** The committees whose non-public material the actor reads; resolved on first use, once per context. */
  readership(): Promise<Readership>;
}

/** A service context; one per request (or per CLI command). */
export function createServiceContext(db: Database, actor: Principal, now: Date): ServiceContext {
  let readership: Promise<Readership> | undefined;
  return {
    db,
    actor,
    now,
    readership: () =>
      (readership ??= resolveReadership(actor, {
        seatsOf: async (personId) =>
          (
            await db.prisma.membership.findMany({ where: { personId, ...currentOn(berlinDateOf(now)) }, select: { committeeId: true } })
          ).map((seat) => seat.committeeId),
        committeesOf: async (bodyId) => (await db.prisma.committee.findMany({ where: { bodyId }, select: { id: true } })).map((c) => c.id),
      })),
  };
}
