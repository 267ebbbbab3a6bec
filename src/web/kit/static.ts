/**
 * The portal's static files (KERN UX's CSS and fonts, Gremium's CSS and icon), read through the runtime's
 * `staticFile` port: from disk on Node, from the static assets on Workers. Served with their type, an ETag from
 * the runtime where it has one, and long caching: the stylesheet addresses carry the release (`?v=`).
 */
import { Hono } from "hono";
import type { AppEnv } from "../../http/context";

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
    const headers = {
      "content-type": type,
      "cache-control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=86400",
      "x-content-type-options": "nosniff",
      vary: "Accept-Encoding",
    };
    // Text files are compressed once per process, not per request (the stylesheet is 340 KB); where the platform
    // compresses itself (Workers), it does.
    const gzip = !c.get("deps").runtimeCompresses && relative.endsWith(".css") && /\bgzip\b/.test(c.req.header("accept-encoding") ?? "");
    if (!gzip) return c.body(file, 200, headers);
    return c.body(await gzipped(relative, file), 200, { ...headers, "content-encoding": "gzip" });
  });

const compressedFiles = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();

/** A static file, gzip-compressed once and kept (the files do not change while the process runs). */
function gzipped(relative: string, bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  let compressed = compressedFiles.get(relative);
  if (!compressed) {
    compressed = new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip")))
      .arrayBuffer()
      .then((buffer) => new Uint8Array(buffer));
    compressedFiles.set(relative, compressed);
  }
  return compressed;
}
