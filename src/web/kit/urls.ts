/** The portal's readable German addresses, in one place, so that pages, PDFs and feeds link alike. */
import packageJson from "../../../package.json";

export interface Link {
  text: string;
  href?: string;
}

/** The body whose portal the visitor is in; `several` when the installation has more than one. */
export interface Scope {
  body: { id: string; name: string; shortName: string | null } | null;
  several: boolean;
  /** Whether the visitor is signed in (the header then leads to their account). */
  signedIn?: boolean;
  /** The signed-in visitor's role: a member's header leads to the members' area. */
  role?: "member" | "secretariat" | "admin";
}

/** A path within the visitor's body: with several bodies, the address carries it as `?k=`. */
export function scoped(path: string, scope: Scope, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (scope.several && scope.body) params.set("k", scope.body.id);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** An address of the visitor's body that may carry a query and a fragment already ("/a?b#c"), with `k` added. */
export function scopedPath(path: string, scope: Scope): string {
  if (!scope.several || !scope.body) return path;
  const url = new URL(path, "http://gremium.invalid");
  url.searchParams.set("k", scope.body.id);
  return url.pathname + url.search + url.hash;
}

/** A static file, with the release in the address so that browsers may keep it for long. */
export const assetUrl = (path: string) => `/static/${path}?v=${packageJson.version}`;

export { paths } from "../../addresses";
