/**
 * Command line for operators.
 *   npm run token -- --role admin --name "Automation" [--days 90]
 *   npm run token -- --role secretariat --body <bodyId> --name "Geschäftsstelle"
 *   npm run token -- --role member --person <personId> --name "Mitglied"
 * Opens the database of DATABASE_URL (as `npm start` does), says which, and refuses to create a new, empty one
 * unless --create is given: a token in a database the service does not use is useless. Prints the new token
 * once; only its hash is stored.
 */
import { createServiceContext } from "../services/context";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { ConfigError, ZNodeEnv, parseEnv } from "../env";
import { Problem } from "../errors";
import { createToken } from "../services/accounts/tokens";
import { createNodeDatabase, prepareDatabase } from "./node-database";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== "token") {
    console.error('Usage: tsx src/entry/cli.ts token --role admin|secretariat|member --name "…" [--body ID] [--person ID] [--days N]');
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      body: { type: "string" },
      person: { type: "string" },
      days: { type: "string" },
      create: { type: "boolean" },
    },
  });
  let env: ReturnType<typeof parseEnv<typeof ZNodeEnv>>;
  try {
    env = parseEnv(ZNodeEnv, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  const file = path.resolve(env.DATABASE_URL.replace(/^file:/, ""));
  if (!existsSync(file) && !values.create) {
    console.error(
      `No database at ${file}. Set DATABASE_URL to the one the service uses (npm start: file:./data/gremium.db), ` +
        "or pass --create to make a new, empty one.",
    );
    return 1;
  }
  const db = createNodeDatabase(prepareDatabase(env.DATABASE_URL));
  try {
    const { secret, token } = await createToken(createServiceContext(db, { kind: "admin", tokenId: null, name: "cli" }, new Date()), {
      name: values.name ?? "",
      role: values.role as never,
      bodyId: values.body,
      personId: values.person,
      ...(values.days ? { expiresInDays: Number(values.days) } : {}),
    });
    console.log(`Token ${token.id} (${token.role}, valid until ${token.expiresAt.toISOString()}). Shown only now:\n${secret}`);
    return 0;
  } catch (error) {
    if (error instanceof ZodError) console.error(error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
    else if (error instanceof Problem)
      console.error(`${error.detail}${error.extra.errors ? ` ${JSON.stringify(error.extra.errors)}` : ""}`);
    else throw error;
    return 1;
  } finally {
    await db.prisma.$disconnect();
  }
}

process.exitCode = await main();
