// Typed fetch helpers for the Tessera API. Record types come from the server's model (type-only imports,
// erased at build time) so the browser and the API cannot drift apart.
import type { Actor, AuditEntry } from "../../src/model/accounts.js";
import type { Contradiction, DocFacts, Document, Entity, Incident, Review, Source } from "../../src/model/records.js";

export type { Actor, AuditEntry, Contradiction, DocFacts, Document, Entity, Incident, Review, Source };

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface DocSummary {
  id: string;
  title?: string;
  outlet?: string;
  published?: string;
  language: string;
  chars?: number;
  snippet?: string;
}

export interface DocInfo {
  id: string;
  title?: string;
  outlet?: string;
  published?: string;
  reliability: string;
  language: string;
}

export interface IncidentView {
  incident: Incident;
  contradictions: Contradiction[];
  documents: Record<string, DocInfo>;
  names: Record<string, string>;
  grades: Record<string, string[]>;
  corroboration: Record<
    string,
    { independentSources: number; copies: number; contradictingSources: number; credibility: number }
  >;
}

export interface EvidenceItem {
  kind: "claim" | "event";
  id: string;
  doc: string;
  start: number;
  end: number;
  text: string;
  label: string;
  outlet?: string;
  published?: string;
}

export interface Override {
  id: string;
  kind: string;
  createdAt: string;
  [k: string]: unknown;
}

export class ApiError extends Error {}

/** Fired when the server asks for a sign-in (401), so the shell can show the form. */
export const SIGN_IN_EVENT = "tessera:sign-in";

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { "Content-Type": "application/json", Accept: "application/json" };
  }
  const res = await fetch(path, init);
  const data = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (res.status === 401 && path !== "/api/login") window.dispatchEvent(new Event(SIGN_IN_EVENT));
  if (!res.ok) throw new ApiError(data.error?.message ?? `${res.status} ${res.statusText}`);
  return data as T;
}

export const api = {
  get: <T>(path: string) => call<T>("GET", path),
  put: <T>(path: string, body: unknown) => call<T>("PUT", path, body),
  post: <T>(path: string, body: unknown) => call<T>("POST", path, body),
  del: <T>(path: string) => call<T>("DELETE", path),
};

/** Builds a query string, leaving out empty values. */
export function qs(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}
