/**
 * The portal's static files (KERN UX's CSS and fonts, Gremium's CSS and icon), read through the runtime's
 * `staticFile` port: from disk on Node, from the static assets on Workers. Served with their type, an ETag from
 * the runtime where it has one, and long caching: the stylesheet addresses carry the release (`?v=`).
 */
import { Hono } from "hono";
import type { AppEnv } from "../http/context";

const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  woff2: "font/woff2",
  svg: "image/svg+xml",
};

export const staticFiles = new Hono<AppEnv>()
  .get("/favicon.ico", (c) => c.redirect("/static/favicon.svg", 301))
  .get("/static/*", async (c) => {
    const relative = c.req.path.slice("/static/".length);
    const type = TYPES[relative.split(".").pop() ?? ""];
    const read = c.get("deps").staticFile;
    if (!type || !read || relative.split("/").some((part) => part === ".." || part === "")) return c.notFound();
    const file = await read(relative);
    if (!file) return c.notFound();
    const versioned = c.req.query("v") !== undefined;
    return c.body(file, 200, {
      "content-type": type,
      "cache-control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=86400",
      "x-content-type-options": "nosniff",
    });
  });
