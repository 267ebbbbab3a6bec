import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/gremium.db";

/** Settings both runtimes read: on Node from the environment, on Workers from vars and secrets. */
export const ZSharedEnv = z.object({
  ADMIN_TOKEN: z.string().min(32, "must be at least 32 characters, for example from `openssl rand -hex 32`").optional(),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL such as https://gremium.example.de" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number({ error: "must be a whole number" })
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  SESSION_MAX_DAYS: z.coerce.number({ error: "must be a whole number" }).int().min(1).max(365).default(30),
  OPARL_LICENSE: z
    .url({ protocol: /^https?$/, error: "must be the URL of a licence, such as https://www.govdata.de/dl-de/by-2-0" })
    .optional(),
  REQUIRE_ADMIN_2FA: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  /** The mail server: smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465. Without it, mail waits. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an SMTP URL such as smtp://user:password@mail.example.de:587" }).optional(),
  /** The sender of the mails: an address, or a name and an address, such as "Geschäftsstelle <gremium@example.de>". */
  MAIL_FROM: z
    .string()
    .regex(/^([^<>\r\n]*<)?[^\s@<>]+@[^\s@<>]+(>)?$/, "must be an address such as Geschäftsstelle <gremium@example.de>")
    .default("Gremium <gremium@localhost>"),
});

/** Node also chooses its port and its SQLite file. */
export const ZNodeEnv = ZSharedEnv.extend({
  PORT: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535")
    .default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, "must be a SQLite file URL such as file:./data/gremium.db")
    .default(DEFAULT_DATABASE_URL),
  ATTACHMENTS_DIR: z.string().min(1).default("./data/attachments"),
  /**
   * The reverse proxies in front of the service whose X-Forwarded-For counts, as addresses or CIDR ranges
   * separated by commas. Without it, the socket's address is the client's.
   */
  TRUSTED_PROXIES: z
    .string()
    .transform((list) =>
      list
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .pipe(
      z.array(
        z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: "must list IP addresses or CIDR ranges, separated by commas" }),
      ),
    )
    .default([]),
  /**
   * Every so many seconds (and a second after writes), the OParl view's background work runs: it follows the writes,
   * builds the view in chunks, and fills in the digests of generated files (see `oparlBackgroundWork`). 0 switches
   * the background off: then an OParl request brings the view up to date itself.
   */
  OPARL_DIGEST_SECONDS: z.coerce.number({ error: "must be a whole number" }).int().min(0).max(3600).default(5),
  /**
   * Threads that run the slow reads (search, trace) off the thread that answers requests, each with its own
   * read-only connection; 0 runs them on the request thread.
   */
  READ_THREADS: z.coerce.number({ error: "must be a whole number" }).int().min(0).max(16).default(2),
});

export type TSharedEnv = z.infer<typeof ZSharedEnv>;
export type TNodeEnv = z.infer<typeof ZNodeEnv>;

/** Thrown at startup with one line per bad setting. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates raw settings once, at an entry point. Empty strings count as unset. */
export function parseEnv<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== "" && value !== undefined));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}
