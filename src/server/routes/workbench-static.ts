// Serves the built browser workbench (web/dist) from the API's own origin, with an SPA fallback to
// index.html for every non-/api GET. Returns false when no build exists so the caller can fall back
// to the basic page.
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { projectRoot } from "../../app/paths.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export function webDist(): string | undefined {
  try {
    const dir = join(projectRoot(), "web", "dist");
    return existsSync(join(dir, "index.html")) ? dir : undefined;
  } catch {
    return undefined;
  }
}

export function serveWorkbench(app: OpenAPIHono, dir = webDist()): boolean {
  if (!dir) return false;
  const root = normalize(dir + sep);
  app.get("*", (c, next) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith("/api/")) return next();
    const file = normalize(join(root, path));
    // Never leave the build folder, whatever the path says.
    const inside = file.startsWith(root) && existsSync(file) && statSync(file).isFile();
    const target = inside ? file : join(root, "index.html");
    const type = TYPES[extname(target)] ?? "application/octet-stream";
    // Hashed assets never change; index.html must always be re-read so new builds show up.
    const cache = target.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache";
    return c.body(readFileSync(target), 200, { "Content-Type": type, "Cache-Control": cache });
  });
  return true;
}
