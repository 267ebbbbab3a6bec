/**
 * The installation's administration: creating and deleting bodies, API tokens and the audit log are for admins alone.
 * The services check it themselves, so that no page or route can forget it.
 */
import type { Principal } from "../auth/principal";

export const administers = (actor: Principal): boolean => actor.kind === "admin";
