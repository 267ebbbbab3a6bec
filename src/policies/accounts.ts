/** Who creates and manages accounts: the secretariat the member accounts of its body, admins every account. */
import type { Principal } from "../auth/principal";

export function canCreate(actor: Principal, account: { bodyId: string; role: string }): boolean {
  if (actor.kind === "admin") return true;
  return actor.kind === "secretariat" && actor.bodyId === account.bodyId && account.role === "member";
}

export function canManage(actor: Principal, account: { bodyId: string; role: string }): boolean {
  return canCreate(actor, account);
}
