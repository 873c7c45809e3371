// Accounts, their credentials and the audit trail, as stored in the store's generic records.
import { z } from "zod";

/** viewer reads; analyst also reviews, edits, fuses and ingests; admin also manages users and grades. */
export const Role = z.enum(["viewer", "analyst", "admin"]);
export type Role = z.infer<typeof Role>;

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
export const roleAtLeast = (have: Role, need: Role): boolean => RANK[have] >= RANK[need];

export const UserName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, "a user name is 1-64 letters, digits, '.', '_', '@' or '-'");

export const User = z.object({
  name: UserName,
  role: Role,
  /** "scrypt$N$r$p$salt$key" (base64url); never leaves the store. */
  password: z.string(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

/** A bearer token or a sign-in session, stored under the SHA-256 of its secret. */
export const Credential = z.object({
  id: z.string(),
  user: UserName,
  kind: z.enum(["token", "session"]),
  label: z.string().optional(),
  createdAt: z.string(),
  expiresAt: z.string().optional(),
});
export type Credential = z.infer<typeof Credential>;

/** Who did something: an account, the local single user (no accounts), or a command-line user. */
export const Actor = z.object({ name: z.string(), role: Role });
export type Actor = z.infer<typeof Actor>;

export const AuditAction = z.enum([
  "document.ingest",
  "review.set",
  "review.withdraw",
  "override.apply",
  "override.undo",
  "source.grade",
  "source.scale",
  "ach.edit",
  "user.add",
  "user.remove",
  "user.token",
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** One analyst action: who, when, what, and the state before and after. Append-only. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: Actor,
  action: AuditAction,
  /** What the action was done to, e.g. {kind: "merge-incidents", id: override id}, {kind: "source", id}. */
  subject: z.object({ kind: z.string(), id: z.string() }),
  /** One sentence naming things by their names, for the workbench's history panels. */
  summary: z.string(),
  /** Incident, entity and document ids the action touched, so each page can show its history. */
  refs: z.array(z.string()),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
