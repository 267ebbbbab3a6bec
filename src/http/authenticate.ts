import type { MiddlewareHandler } from "hono";
import type { Principal } from "../auth/principal";
import { hashTokenSecret, secretsEqual } from "../auth/tokens";
import type { AppDeps } from "../deps";
import type { AppEnv } from "./context";
import { Problem } from "../errors";

/**
 * Resolves the bearer token to a principal. No header means anonymous; a header with an unknown,
 * expired or revoked token is refused with 401 rather than silently treated as anonymous.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Authorization");
    c.set("principal", header === undefined ? { kind: "anonymous" } : await principalOf(c.get("deps"), header));
    await next();
  };
}

async function principalOf(deps: AppDeps, header: string): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new Problem("unauthenticated", "Der Authorization-Header muss die Form `Bearer <token>` haben.");
  const secret = match[1]!;
  if (deps.adminToken && (await secretsEqual(secret, deps.adminToken))) {
    return { kind: "admin", tokenId: null, name: "ADMIN_TOKEN" };
  }
  const token = await deps.db.prisma.apiToken.findUnique({
    where: { tokenHash: await hashTokenSecret(secret) },
    include: { person: { select: { bodyId: true } } },
  });
  const now = deps.now?.() ?? new Date();
  if (!token || token.revokedAt !== null || token.expiresAt <= now) {
    throw new Problem("unauthenticated", "Das Token ist unbekannt, abgelaufen oder widerrufen.");
  }
  switch (token.role) {
    case "admin":
      return { kind: "admin", tokenId: token.id, name: token.name };
    case "secretariat":
      return { kind: "secretariat", tokenId: token.id, name: token.name, bodyId: token.bodyId! };
    default:
      return { kind: "member", tokenId: token.id, name: token.name, bodyId: token.person!.bodyId, personId: token.personId! };
  }
}
