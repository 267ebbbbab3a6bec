/**
 * The periods that hold records, for the year and month selectors of the lists: a selector offers only what leads
 * somewhere. Each counts only what the caller may list, through the same policies as the lists themselves.
 */
import * as paperPolicy from "../policies/papers";
import * as resolutionPolicy from "../policies/resolutions";
import { berlinDateOf, berlinWallClockToInstant } from "../rules/calendar";
import type { ServiceContext } from "./context";

const distinctDescending = (values: number[]) => [...new Set(values)].sort((a, b) => b - a);

/** The Berlin months ("2026-03") with meetings of a body, or of one committee, ascending. */
export async function meetingMonths(ctx: ServiceContext, bodyId: string, committeeId?: string): Promise<string[]> {
  const rows = await ctx.db.prisma.meeting.findMany({
    where: { committee: { bodyId }, ...(committeeId ? { committeeId } : {}) },
    select: { startsAt: true },
  });
  return [...new Set(rows.map((row) => berlinDateOf(row.startsAt).slice(0, 7)))].sort();
}

/** The years with resolutions the caller may list, newest first. */
export async function resolutionYears(ctx: ServiceContext, bodyId: string, committeeId?: string): Promise<number[]> {
  const ofBody = (await ctx.db.prisma.committee.findMany({ where: { bodyId }, select: { id: true } })).map((c) => c.id);
  const rows = await ctx.db.prisma.resolution.findMany({
    where: {
      AND: [{ committeeId: committeeId ? { in: ofBody.filter((id) => id === committeeId) } : { in: ofBody } }],
      ...resolutionPolicy.where(await ctx.readership()),
    },
    select: { year: true },
    distinct: ["year"],
  });
  return distinctDescending(rows.map((row) => row.year));
}

/** The years with papers the caller may list, newest first. */
export async function paperYears(ctx: ServiceContext, bodyId: string): Promise<number[]> {
  const rows = await ctx.db.prisma.paper.findMany({
    where: { bodyId, deletedAt: null, ...paperPolicy.where(ctx.actor, await ctx.readership()) },
    select: { year: true },
    distinct: ["year"],
  });
  return distinctDescending(rows.map((row) => row.year));
}

/** The Berlin years with published minutes, newest first. */
export async function publishedMinutesYears(ctx: ServiceContext, bodyId: string, committeeId?: string): Promise<number[]> {
  const rows = await ctx.db.prisma.meeting.findMany({
    where: { committee: { bodyId }, ...(committeeId ? { committeeId } : {}), minutes: { is: { state: "published" } } },
    select: { startsAt: true },
  });
  return distinctDescending(rows.map((row) => Number(berlinDateOf(row.startsAt).slice(0, 4))));
}

/** The instants a Berlin calendar year begins and ends. */
export function berlinYear(year: number): { gte: Date; lt: Date } {
  return { gte: berlinWallClockToInstant(`${year}-01-01`, "00:00"), lt: berlinWallClockToInstant(`${year + 1}-01-01`, "00:00") };
}
