/**
 * Stands in for zod's `locales` module (`z.locales`) in the Worker bundle (wrangler.toml `[alias]`). zod re-exports
 * all of its 60-odd locales through the `z` namespace, which @hono/zod-openapi extends as a whole, so none of them
 * is tree-shaken: about 260 KiB (40 KiB gzip). Gremium writes its own German messages (src/schemas/common.ts) and
 * leaves the rest to zod's default English, which zod imports directly and configures itself; the other locales
 * are never used. `test/worker-zod-locales.test.ts` checks both.
 */
export { default as de } from "zod/v4/locales/de.js";
export { default as en } from "zod/v4/locales/en.js";
