import { berlinDateOf } from "../../rules/calendar";

/** Memberships current on a date, as a Prisma filter. */
export const currentOn = (date: string) => ({ startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] });

/** Memberships current today (Europe/Berlin) or starting later, as a Prisma filter. */
export const currentOrFuture = (now: Date) => ({ OR: [{ endDate: null }, { endDate: { gte: berlinDateOf(now) } }] });
