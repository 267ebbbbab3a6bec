import { z } from "@hono/zod-openapi";
import { ROLES, type Role } from "../auth/principal";
import type { ApiTokenModel } from "../generated/prisma-node/models";
import { ZId, ZLine } from "./common";

export const ZApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    bodyId: z.string().nullable(),
    personId: z.string().nullable(),
    expiresAt: z.string().openapi({ format: "date-time" }),
    createdAt: z.string().openapi({ format: "date-time" }),
    revokedAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("ApiToken");

export const ZApiTokenCreated = ZApiToken.extend({
  token: z.string().openapi({ description: "The secret. It is shown only in this response; only its hash is stored." }),
}).openapi("ApiTokenCreated");

export const ZApiTokenCreate = z
  .object({
    name: ZLine(100).openapi({ description: "What the token is for, shown in the audit log.", example: "Geschäftsstelle Integration" }),
    role: z.enum(ROLES),
    bodyId: ZId.optional().openapi({ description: "Required for the secretariat role: the body it manages." }),
    personId: ZId.optional().openapi({ description: "Required for the member role: the person the token belongs to." }),
    expiresInDays: z.number().int().min(1).max(730).default(90),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.role === "secretariat" && !value.bodyId)
      ctx.addIssue({ code: "custom", path: ["bodyId"], message: "ist für die Rolle secretariat erforderlich" });
    if (value.role === "member" && !value.personId)
      ctx.addIssue({ code: "custom", path: ["personId"], message: "ist für die Rolle member erforderlich" });
    if (value.role !== "secretariat" && value.bodyId)
      ctx.addIssue({ code: "custom", path: ["bodyId"], message: "gibt es nur für die Rolle secretariat" });
    if (value.role !== "member" && value.personId)
      ctx.addIssue({ code: "custom", path: ["personId"], message: "gibt es nur für die Rolle member" });
  })
  .openapi("ApiTokenCreate");
export type TApiTokenCreate = z.input<typeof ZApiTokenCreate>;

export const toApiTokenView = (token: ApiTokenModel) => ({
  id: token.id,
  name: token.name,
  role: token.role as Role,
  bodyId: token.bodyId,
  personId: token.personId,
  expiresAt: token.expiresAt.toISOString(),
  createdAt: token.createdAt.toISOString(),
  revokedAt: token.revokedAt?.toISOString() ?? null,
});
