import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma-node/client";
import { toConstraintError, type Database } from "../db/database";

/** The Node database: Prisma on better-sqlite3, with batches as real SQLite transactions. */
export function createNodeDatabase(url: string): Database {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  return {
    prisma,
    async batch(statements) {
      try {
        return await prisma.$transaction(async (tx) => {
          const changes: number[] = [];
          for (const statement of statements) changes.push(await tx.$executeRawUnsafe(statement.sql, ...statement.params));
          return changes;
        });
      } catch (error) {
        throw toConstraintError(error) ?? error;
      }
    },
  };
}
