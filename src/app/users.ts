// Accounts in the store's generic records ("users", "credentials"), shared by `tessera user` and the
// API. Token and session secrets are random 32-byte strings shown once; only their SHA-256 is kept
// (a high-entropy secret needs no slow hash, and a stolen database yields no usable credential).
import { createHash, randomBytes } from "node:crypto";
import { type Actor, type Credential, type Role, User, UserName } from "../model/accounts.js";
import { UserError } from "../model/result.js";
import type { Store } from "../store/types.js";
import { appendAudit } from "./audit.js";
import { hashPassword, verifyPassword } from "./passwords.js";

export const USERS = "users";
export const CREDENTIALS = "credentials";
export const SESSION_HOURS = 12;
export const MIN_PASSWORD = 10;

/** A user as shown anywhere: no password hash. */
export type UserView = Omit<User, "password">;
const view = ({ password: _, ...u }: User): UserView => u;

const digest = (secret: string): string => createHash("sha256").update(secret).digest("hex");

export async function listUsers(store: Store): Promise<UserView[]> {
  return (await store.listRecords<User>(USERS)).map(view).sort((a, b) => a.name.localeCompare(b.name));
}

export async function hasUsers(store: Store): Promise<boolean> {
  return (await store.listRecords<User>(USERS)).length > 0;
}

export async function addUser(store: Store, by: Actor, name: string, role: Role, password: string): Promise<UserView> {
  const parsedName = UserName.safeParse(name);
  if (!parsedName.success) throw new UserError(parsedName.error.issues[0]?.message ?? "invalid user name");
  if (password.length < MIN_PASSWORD) throw new UserError(`a password needs at least ${MIN_PASSWORD} characters`);
  if ((await store.listRecords<User>(USERS)).some((u) => u.name === name)) {
    throw new UserError(`a user named ${name} already exists`);
  }
  const user = User.parse({ name, role, password: await hashPassword(password), createdAt: new Date().toISOString() });
  await store.putRecord(USERS, name, user);
  await appendAudit(store, {
    actor: by,
    action: "user.add",
    subject: { kind: "user", id: name },
    summary: `${by.name} added user ${name} as ${role}`,
    after: view(user),
  });
  return view(user);
}

export async function removeUser(store: Store, by: Actor, name: string): Promise<void> {
  const user = (await store.listRecords<User>(USERS)).find((u) => u.name === name);
  if (!user) throw new UserError(`no user is named ${name}`);
  for (const c of await store.listRecords<Credential>(CREDENTIALS)) {
    if (c.user === name) await store.deleteRecord(CREDENTIALS, c.id);
  }
  await store.deleteRecord(USERS, name);
  await appendAudit(store, {
    actor: by,
    action: "user.remove",
    subject: { kind: "user", id: name },
    summary: `${by.name} removed user ${name}`,
    before: view(user),
  });
}

async function issue(store: Store, user: string, kind: Credential["kind"], label?: string): Promise<string> {
  const secret = `tsr_${randomBytes(32).toString("base64url")}`;
  const now = new Date();
  const cred: Credential = {
    id: digest(secret),
    user,
    kind,
    createdAt: now.toISOString(),
    ...(label ? { label } : {}),
    ...(kind === "session" ? { expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString() } : {}),
  };
  await store.putRecord(CREDENTIALS, cred.id, cred);
  return secret;
}

/** A new bearer token for `name`, returned once. */
export async function issueToken(store: Store, by: Actor, name: string, label?: string): Promise<string> {
  if (!(await store.listRecords<User>(USERS)).some((u) => u.name === name))
    throw new UserError(`no user is named ${name}`);
  const secret = await issue(store, name, "token", label);
  await appendAudit(store, {
    actor: by,
    action: "user.token",
    subject: { kind: "user", id: name },
    summary: `${by.name} issued an API token for ${name}${label ? ` (${label})` : ""}`,
  });
  return secret;
}

/** Checks a password; on success a new session secret for the cookie. The same answer for an unknown name. */
export async function signIn(store: Store, name: string, password: string): Promise<string | undefined> {
  const user = (await store.listRecords<User>(USERS)).find((u) => u.name === name);
  // verify against a dummy hash for an unknown name too, so timing does not reveal which names exist
  const ok = await verifyPassword(password, user?.password ?? DUMMY);
  if (!user || !ok) return undefined;
  await pruneSessions(store);
  return issue(store, user.name, "session");
}

export async function signOut(store: Store, secret: string): Promise<void> {
  await store.deleteRecord(CREDENTIALS, digest(secret));
}

/** The account a token or session secret belongs to, if it is valid and not expired. */
export async function whoHolds(store: Store, secret: string): Promise<Actor | undefined> {
  const id = digest(secret);
  const cred = (await store.listRecords<Credential>(CREDENTIALS)).find((c) => c.id === id);
  if (!cred || (cred.expiresAt && cred.expiresAt < new Date().toISOString())) return undefined;
  const user = (await store.listRecords<User>(USERS)).find((u) => u.name === cred.user);
  return user ? { name: user.name, role: user.role } : undefined;
}

async function pruneSessions(store: Store): Promise<void> {
  const now = new Date().toISOString();
  for (const c of await store.listRecords<Credential>(CREDENTIALS)) {
    if (c.expiresAt && c.expiresAt < now) await store.deleteRecord(CREDENTIALS, c.id);
  }
}

const DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
