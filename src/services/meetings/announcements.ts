import { ANONYMOUS } from "../../auth/principal";
import { canReadItem } from "../../policies/meetings";
import { showsPaperOnItem } from "../../policies/papers";
import { PUBLIC_READERSHIP } from "../../policies/readership";
import { numberAgenda } from "../../rules/agenda";
import { paperNumber } from "../../rules/papers";
import { getBody } from "../people/bodies";
import type { ServiceContext } from "../context";

/**
 * The public announcement (§41b GemO) of a body's upcoming public meetings: time, place and the
 * public agenda of each meeting whose invitation has gone out.
 */
export async function upcomingAnnouncements(ctx: ServiceContext, bodyId: string) {
  await getBody(ctx, bodyId);
  const meetings = await ctx.db.prisma.meeting.findMany({
    where: { committee: { bodyId }, state: "invited", startsAt: { gte: ctx.now } },
    include: {
      committee: { select: { name: true, shortName: true, bodyId: true } },
      items: { include: { paper: { select: { year: true, serial: true, isPublic: true, deletedAt: true } } } },
      minutes: { select: { state: true } },
    },
    orderBy: { startsAt: "asc" },
  });
  return meetings.map(({ minutes, ...meeting }) => ({
    meeting: { ...meeting, minutesState: minutes?.state ?? null },
    agenda: numberAgenda(meeting.items)
      .filter(
        (item) =>
          canReadItem(ANONYMOUS, PUBLIC_READERSHIP, item, { id: meeting.committeeId, bodyId: meeting.committee.bodyId }) &&
          item.withdrawnAt === null,
      )
      .map((item) => ({
        number: item.number,
        title: item.title,
        // A public announcement: read as the public reads it.
        paperNumber: item.paper && showsPaperOnItem(item.paper, false) ? paperNumber(item.paper.year, item.paper.serial) : null,
      })),
  }));
}
