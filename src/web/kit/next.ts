/**
 * Where to go after signing in (`/anmelden?weiter=…`): a path of this site only. Anything that a browser could read
 * as another origin ("//host", "/\host", a scheme, control characters) is refused, and the account page is taken.
 */
export function nextPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 1000) return undefined;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  if ([...value].some((char) => char < " " || char === "\u007f" || char === "\\")) return undefined;
  return value;
}

/** The sign-in page's address that comes back to a path afterwards. */
export const signInFor = (path: string) => `/anmelden?weiter=${encodeURIComponent(path)}`;
