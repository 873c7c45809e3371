// Signing in and out, who am I, user management (admin) and reading the audit trail.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { listAudit } from "../../app/audit.js";
import { addUser, listUsers, removeUser, SESSION_HOURS, signIn, signOut } from "../../app/users.js";
import { Actor, AuditEntry, Role, UserName } from "../../model/accounts.js";
import { UserError } from "../../model/result.js";
import type { Store } from "../../store/types.js";
import { credentialOf, SESSION_COOKIE } from "../auth.js";
import { apiError, errorResponses } from "../errors.js";
import { LoginLimiter, type LoginLimitOptions } from "../login-limit.js";
import { actorOf } from "../security.js";
import { body, json } from "./workbench-common.js";

const UserView = z.object({ name: z.string(), role: Role, createdAt: z.string() }).openapi("User");

function cookie(req: Request, value: string, maxAge: number): string {
  const secure = new URL(req.url).protocol === "https:" ? "; Secure" : "";
  return `${SESSION_COOKIE}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

/** The address the request came from (the proxy's, behind a reverse proxy); "unknown" off a socket (tests). */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "unknown";
}

export function accountRoutes(app: OpenAPIHono, store: Store, loginLimit: LoginLimitOptions = {}): void {
  const limiter = new LoginLimiter(loginLimit);
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/login",
      summary: "Sign in with a name and password; sets an HttpOnly, SameSite=Strict session cookie",
      request: body(z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) })),
      responses: {
        200: json(Actor, "Signed in"),
        401: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), "Wrong name or password"),
        429: json(
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          "Too many failed sign-ins for this name or from this address; Retry-After says when to try again",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { name, password } = c.req.valid("json");
      const address = clientAddress(c);
      const wait = limiter.wait(name, address);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        c.header("Retry-After", String(seconds));
        return apiError(
          c,
          429,
          "too_many_requests",
          `Too many failed sign-ins for this name or from this address; try again in ${seconds} s.`,
        );
      }
      const secret = await signIn(store, name, password);
      if (!secret) {
        limiter.fail(name, address);
        return apiError(c, 401, "unauthorized", "Wrong user name or password.");
      }
      limiter.succeed(name, address);
      const users = await listUsers(store);
      const user = users.find((u) => u.name === name)!;
      c.header("Set-Cookie", cookie(c.req.raw, secret, SESSION_HOURS * 3600));
      return c.json({ name: user.name, role: user.role }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/logout",
      summary: "End this session (clears the cookie)",
      responses: { 200: json(z.object({ signedOut: z.boolean() }), "Signed out") },
    }),
    async (c) => {
      const secret = credentialOf(c.req.raw);
      if (secret) await signOut(store, secret);
      c.header("Set-Cookie", cookie(c.req.raw, "", 0));
      return c.json({ signedOut: true }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/me",
      summary: "Who this request acts as ('local' on a server without accounts)",
      responses: { 200: json(Actor, "The signed-in user") },
    }),
    async (c) => c.json(actorOf(c), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/users",
      summary: "Accounts (admin)",
      responses: { 200: json(z.array(UserView), "All accounts") },
    }),
    async (c) => c.json(await listUsers(store), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/users",
      summary: "Add an account (admin)",
      request: body(z.object({ name: UserName, role: Role, password: z.string().max(1024) })),
      responses: { 200: json(UserView, "The new account"), ...errorResponses },
    }),
    async (c) => {
      const { name, role, password } = c.req.valid("json");
      try {
        return c.json(await addUser(store, actorOf(c), name, role, password), 200);
      } catch (e) {
        if (e instanceof UserError) return apiError(c, 400, "bad_request", `${e.message}.`);
        throw e;
      }
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/users/{name}",
      summary: "Remove an account and its tokens and sessions (admin)",
      request: {
        params: z.object({
          name: z
            .string()
            .min(1)
            .max(64)
            .openapi({ param: { name: "name", in: "path" } }),
        }),
      },
      responses: { 200: json(z.object({ deleted: z.string() }), "Removed"), ...errorResponses },
    }),
    async (c) => {
      const { name } = c.req.valid("param");
      try {
        await removeUser(store, actorOf(c), name);
      } catch (e) {
        if (e instanceof UserError) return apiError(c, 404, "not_found", `${e.message}.`);
        throw e;
      }
      return c.json({ deleted: name }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/audit",
      summary:
        "The audit trail, oldest first. `incident` keeps the entries about an incident (its events and documents too); `entity` or `ref` those naming that id",
      request: {
        query: z.object({
          ref: z.string().max(200).optional(),
          incident: z.string().max(200).optional(),
          entity: z.string().max(200).optional(),
          subject: z.string().max(200).optional().openapi({ description: "comma-separated subject kinds" }),
        }),
      },
      responses: { 200: json(z.array(AuditEntry), "Audit entries") },
    }),
    async (c) => {
      const { ref, incident, entity, subject } = c.req.valid("query");
      const refs: string[] = [];
      if (ref) refs.push(ref);
      if (entity) refs.push(entity);
      if (incident) {
        refs.push(incident);
        const found = (await store.getFusion()).incidents.find((i) => i.id === incident);
        if (found) refs.push(...found.events, ...found.documents);
      }
      const entries = await listAudit(store, ref || incident || entity ? refs : undefined);
      const kinds = subject ? new Set(subject.split(",")) : undefined;
      return c.json(kinds ? entries.filter((e) => kinds.has(e.subject.kind)) : entries, 200);
    },
  );
}
