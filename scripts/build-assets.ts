/**
 * Copies the portal's static files into src/generated/assets/static/ after install: KERN UX's stylesheet and its
 * Fira Sans web fonts and Swagger UI from node_modules, and Gremium's own CSS, script and icon from src/web/static/. The Node entry serves
 * them from there, and the Worker uploads that folder as static assets (wrangler.toml). Generated, not kept in git.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, "src/generated/assets/static");
const require = createRequire(import.meta.url);
const kern = path.join(path.dirname(require.resolve("@kern-ux/native/package.json")), "dist");
const swagger = path.dirname(require.resolve("swagger-ui-dist/package.json"));

rmSync(target, { recursive: true, force: true });
mkdirSync(path.join(target, "kern/fonts/fira-sans"), { recursive: true });
mkdirSync(path.join(target, "swagger"), { recursive: true });
// The API reference at /docs: Swagger UI from the pinned swagger-ui-dist, served from here, never from a CDN.
for (const file of ["swagger-ui.css", "swagger-ui-bundle.js"]) copyFileSync(path.join(swagger, file), path.join(target, "swagger", file));
copyFileSync(path.join(kern, "kern.min.css"), path.join(target, "kern/kern.min.css"));
copyFileSync(path.join(kern, "fonts/fira-sans.css"), path.join(target, "kern/fonts/fira-sans.css"));
cpSync(path.join(kern, "fonts/fira-sans"), path.join(target, "kern/fonts/fira-sans"), { recursive: true });
for (const file of readdirSync(path.join(root, "src/web/static")))
  copyFileSync(path.join(root, "src/web/static", file), path.join(target, file));
console.log("Copied KERN UX, Swagger UI and the portal's CSS into src/generated/assets/static/");
