/** The roles a token can carry, from least to most powerful. */
export const ROLES = ["member", "secretariat", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What a route requires: anyone ("public") or at least a role. */
export type Access = "public" | Role;

/** Who is calling. Members and the secretariat are scoped to one body; members also to their committees. */
export type Principal =
  | { kind: "anonymous" }
  | { kind: "admin"; tokenId: string | null; name: string }
  | { kind: "secretariat"; tokenId: string; name: string; bodyId: string }
  | { kind: "member"; tokenId: string; name: string; bodyId: string; personId: string };

/** The caller without a token or session: the public. */
export const ANONYMOUS: Principal = { kind: "anonymous" };

const RANK: Record<Access, number> = { public: 0, member: 1, secretariat: 2, admin: 3 };

const rankOf = (principal: Principal) => (principal.kind === "anonymous" ? 0 : RANK[principal.kind]);

/** Whether the principal's role is at least the one the route requires (scope is checked separately). */
export function hasAccess(principal: Principal, access: Access): boolean {
  return rankOf(principal) >= RANK[access];
}

/** A label for the audit log. */
export function actorName(principal: Principal): string {
  return principal.kind === "anonymous" ? "anonymous" : principal.name;
}
