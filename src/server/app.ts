// The HTTP API: documented by OpenAPI 3.1 at /api/openapi.json, validated input, one error shape,
// paginated lists. Also serves the browser UI from the same origin (no CDN, works offline).
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { FusionBusyError } from "../app/fusion-lock.js";
import type { Store } from "../store/types.js";
import { accountAuth } from "./auth.js";
import { basicUi } from "./basic-ui.js";
import { apiError } from "./errors.js";
import type { LoginLimitOptions } from "./login-limit.js";
import { accountRoutes } from "./routes/accounts.js";
import { documentRoutes } from "./routes/documents.js";
import { exportRoutes } from "./routes/exports.js";
import { fusionRoutes } from "./routes/fusion.js";
import { workbenchRoutes } from "./routes/workbench.js";
import { serveWorkbench } from "./routes/workbench-static.js";
import { type SecurityOptions, security } from "./security.js";

export const API_VERSION = "0.1.0";

/**
 * The app over a store. `security` names the hosts it answers to (loopback names by default) and
 * carries the authentication hook (security.ts); its checks run before every route. Without a hook the
 * account check (auth.ts) runs, serving as the one local user while no account exists.
 */
export function createApp(
  store: Store,
  opts: Partial<SecurityOptions> & { loginLimit?: LoginLimitOptions } = {},
): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
        return apiError(c, 400, "bad_request", `${where}${issue?.message ?? "invalid input"}`);
      }
    },
  });

  app.use("*", async (c, next) => {
    await next();
    // Article text is hostile: no inline script, no third-party origin, no framing.
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'",
    );
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
  });
  // Host (DNS rebinding), Origin (cross-site writes), authentication, JSON-only bodies.
  const authenticate = opts.authenticate ?? accountAuth(store, { localWhenNoUsers: true });
  app.use("*", security({ hosts: opts.hosts ?? [], authenticate }));

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/health",
      summary: "Liveness and store size",
      responses: {
        200: {
          content: {
            "application/json": {
              schema: z.object({ status: z.literal("ok"), version: z.string(), documents: z.number().int() }),
            },
          },
          description: "The server is up",
        },
      },
    }),
    async (c) => c.json({ status: "ok" as const, version: API_VERSION, documents: await store.countDocuments() }, 200),
  );

  accountRoutes(app, store, opts.loginLimit);
  documentRoutes(app, store);
  fusionRoutes(app, store);
  exportRoutes(app, store);
  workbenchRoutes(app, store);

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Tessera API",
      version: API_VERSION,
      description: "Offline incident-intelligence workbench. Errors share one shape: {error: {code, message}}.",
    },
  });

  // The built workbench (web/dist) when present, else the basic page.
  if (!serveWorkbench(app)) basicUi(app);

  app.notFound((c) => apiError(c, 404, "not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`));
  app.onError((e, c) => {
    if (e instanceof FusionBusyError) {
      c.header("Retry-After", "10");
      return apiError(c, 503, "busy", e.message);
    }
    if (e instanceof SyntaxError) return apiError(c, 400, "bad_request", "The request body is not valid JSON.");
    console.error(e);
    return apiError(c, 500, "internal", "The server failed on this request.");
  });
  return app;
}
