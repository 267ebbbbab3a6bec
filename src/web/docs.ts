/**
 * The interactive API reference at /docs: Swagger UI from the pinned swagger-ui-dist package, served as static
 * files of this installation (no CDN, so it works on an intranet), started by a script file (no inline script).
 */
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../http/context";
import { assetUrl } from "./urls";

const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gremium API</title>
<link rel="stylesheet" href="${assetUrl("swagger/swagger-ui.css")}">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${assetUrl("swagger/swagger-ui-bundle.js")}"></script>
<script src="${assetUrl("docs.js")}"></script>
</body>
</html>
`;

export const docs = new Hono<AppEnv>().get(
  "/docs",
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Swagger UI sets style attributes; its SVG icons are data: URLs.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
  }),
  (c) => c.html(page, 200, { "cache-control": "public, max-age=300" }),
);
