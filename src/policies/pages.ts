/**
 * Who may enter an area of the HTML front ends. A page declares its area; the kit checks it before the page loads
 * anything, and the services check every record again: the area keeps people out of pages that are not theirs, the
 * record policies decide what a page may show.
 */
import type { Principal } from "../auth/principal";
import { managesBody } from "./readership";

export type PageAccess = "public" | "signedIn" | "member" | "secretariat" | "admin";

/** Whether the actor may enter a page of the area, in the body the visitor is in. */
export function mayEnter(actor: Principal, access: PageAccess, bodyId: string | null): boolean {
  switch (access) {
    case "public":
      return true;
    case "signedIn":
      return actor.kind !== "anonymous";
    case "member":
      return actor.kind === "member" && (bodyId === null || actor.bodyId === bodyId);
    case "secretariat":
      return bodyId === null ? actor.kind === "secretariat" || actor.kind === "admin" : managesBody(actor, bodyId);
    case "admin":
      return actor.kind === "admin";
  }
}
