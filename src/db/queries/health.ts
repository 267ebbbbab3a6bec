import type { Database } from "../database";

/** Answers when the database does, and throws when it does not. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.prisma.$queryRaw`SELECT 1`;
}
