import { z } from "@hono/zod-openapi";
import { ZId } from "./common";

/** An e-mail address, which is also the sign-in name: one line, of the form name@example.de. */
export const ZEmailAddress = z.email({ error: "muss eine E-Mail-Adresse sein" }).max(254);

export const ACCOUNT_ROLES = ["member", "secretariat", "admin"] as const;

export const ZAccountCreate = z
  .object({
    email: ZEmailAddress,
    role: z.enum(ACCOUNT_ROLES).default("member"),
    personId: ZId.optional().openapi({ description: "The person the account belongs to; required for members." }),
    bodyId: ZId.optional().openapi({ description: "Without a person: the body of a secretariat or admin account." }),
  })
  .strict()
  .openapi("AccountCreate");
export type TAccountCreate = z.infer<typeof ZAccountCreate>;

export const ZAccount = z
  .object({
    id: z.string(),
    bodyId: z.string(),
    personId: z.string().nullable(),
    email: z.string(),
    role: z.enum(ACCOUNT_ROLES),
    hasPassword: z.boolean(),
    locked: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("Account");

export function toAccountView(account: {
  id: string;
  bodyId: string;
  personId: string | null;
  email: string;
  role: string;
  passwordHash: string | null;
  lockedAt: Date | null;
  createdAt: Date;
}): z.infer<typeof ZAccount> {
  return {
    id: account.id,
    bodyId: account.bodyId,
    personId: account.personId,
    email: account.email,
    role: account.role as (typeof ACCOUNT_ROLES)[number],
    hasPassword: account.passwordHash !== null,
    locked: account.lockedAt !== null,
    createdAt: account.createdAt.toISOString(),
  };
}
