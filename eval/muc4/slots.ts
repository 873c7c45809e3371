// MUC-4 1992-style per-slot template scoring, automated: templates of a message are aligned
// (pairs need at least a partial INCIDENT: TYPE match), then each slot counts credit (1 correct,
// 0.5 partial), POS (key fillers) and ACT (response fillers). Recall = credit/POS, precision =
// credit/ACT. Partial-credit rules follow taskdoc/scorer/scoring-guidelines.v7 where they can be
// decided mechanically; the interactive judgements are replaced by the word-subset rule below.
import { bestCredit } from "../common/matching.js";
import { addPrf, emptyPrf, type Prf, prfRow } from "../common/metrics.js";
import { normalizeFiller, words } from "../common/strings.js";
import type { EvalTable } from "../types.js";
import {
  type KeyLocation,
  keyDates,
  keyLocations,
  type StringFiller,
  setFillers,
  stringFillers,
  victimFillers,
} from "./key-fills.js";
import type { KeyDate } from "./muc-dates.js";
import type { KeyTemplate } from "./raw-keys.js";

/** What the system fills for one incident. Place path is general → specific ("colombia", "medellin"). */
export interface ResponseTemplate {
  incidentType: string;
  date?: { start: string; end: string };
  location?: string[];
  weapon: string[];
  perpInd: string[];
  perpOrg: string[];
  target: string[];
  victim: string[];
  effect: string[];
}

export const SCORED_SLOTS = [
  "INCIDENT: DATE",
  "INCIDENT: LOCATION",
  "INCIDENT: TYPE",
  "INCIDENT: INSTRUMENT ID",
  "PERP: INDIVIDUAL ID",
  "PERP: ORGANIZATION ID",
  "PHYS TGT: ID",
  "HUM TGT: NAME/DESCRIPTION",
  "HUM TGT: EFFECT (DEATH/INJURY)",
] as const;
export type ScoredSlot = (typeof SCORED_SLOTS)[number];

/** Nonessential modifiers the 1992 scorer ignored: articles, numbers, quantifiers. */
const NONESSENTIAL = new Set(["the", "a", "an", "some", "several", "two", "three", "four", "five", "many", "various"]);
const core = (s: string): string[] => words(s).filter((w) => !NONESSENTIAL.has(w) && !/^\d+$/.test(w));

/** 1 for the same phrase modulo nonessential modifiers; 0.5 when one's words contain the other's. */
export function stringCredit(response: string, key: string): number {
  if (normalizeFiller(response) === normalizeFiller(key)) return 1;
  const r = core(response);
  const k = core(key);
  if (!r.length || !k.length) return 0;
  if (r.join(" ") === k.join(" ")) return 1;
  const rs = new Set(r);
  const ks = new Set(k);
  if (k.every((w) => rs.has(w)) || r.every((w) => ks.has(w))) return 0.5;
  return 0;
}

export function dateCredit(resp: { start: string; end: string }, key: KeyDate): number {
  const day = resp.start === resp.end ? resp.start : undefined;
  if (key.isDefault) {
    if (resp.start === "" && resp.end === key.end) return 1;
    if (day) return day <= key.end ? 0.5 : 0;
    return resp.end === key.end ? 0.5 : 0;
  }
  if (resp.start === key.start && resp.end === key.end) return 1;
  if (day && key.start && day >= key.start && day <= key.end) return 0.5;
  return 0;
}

const sameName = (a: string, b: string): boolean => normalizeFiller(a) === normalizeFiller(b);

export function locationCredit(resp: string[], key: KeyLocation): number {
  if (!resp.length) return 0;
  const countryHit = resp.some((r) => sameName(r, key.country));
  const specific = resp.filter((r) => !sameName(r, key.country));
  const last = specific[specific.length - 1];
  const keyLast = key.places[key.places.length - 1];
  if (!keyLast) return countryHit && !last ? 1 : countryHit ? 0.5 : 0;
  if (last && sameName(last, keyLast)) return 1;
  if (last && key.places.some((p) => sameName(p, last))) return 0.5;
  return countryHit ? 0.5 : 0;
}

export function typeCredit(resp: string, key: string): number {
  const r = resp.toUpperCase();
  const k = key.toUpperCase();
  if (r === k) return 1;
  return r === "ATTACK" ? 0.5 : 0;
}

/** Counts for a multi-filler slot; optional key fillers only count when something matched them. */
function fillerCounts(resp: string[], key: StringFiller[], credit: (r: string, k: string) => number): Prf {
  // Repeated strings stay: keys list "PEASANTS" twice for two groups of people, and so may a response.
  const uniq = resp.filter((r) => normalizeFiller(r));
  const c = (i: number, j: number) => Math.max(0, ...key[j]!.alternatives.map((a) => credit(uniq[i]!, a)));
  const got = bestCredit(uniq.length, key.length, c);
  const optionalHit = key.filter((k, j) => k.optional && uniq.some((_, i) => c(i, j) > 0)).length;
  const required = key.filter((k) => !k.optional).length;
  return { credit: got, predicted: uniq.length, gold: required + optionalHit };
}

function singleCounts<K>(
  resp: unknown,
  key: { vals: K[]; optional: boolean } | undefined,
  credit: (k: K) => number,
): Prf {
  const has = resp !== undefined && resp !== "";
  if (!key?.vals.length) return { credit: 0, predicted: has ? 1 : 0, gold: 0 };
  const got = has ? Math.max(0, ...key.vals.map(credit)) : 0;
  return { credit: got, predicted: has ? 1 : 0, gold: key.optional && got === 0 ? 0 : 1 };
}

const EFFECTS = new Set(["DEATH", "INJURY"]);

/** Per-slot counts of one response template against one key template (either may be missing). */
export function scorePair(resp: ResponseTemplate | undefined, key: KeyTemplate | undefined): Map<ScoredSlot, Prf> {
  const r: ResponseTemplate = resp ?? {
    incidentType: "",
    weapon: [],
    perpInd: [],
    perpOrg: [],
    target: [],
    victim: [],
    effect: [],
  };
  const out = new Map<ScoredSlot, Prf>();
  const dates = key ? keyDates(key) : undefined;
  out.set(
    "INCIDENT: DATE",
    singleCounts(r.date, dates && { vals: dates.dates, optional: dates.optional }, (k) => dateCredit(r.date!, k)),
  );
  const locs = key ? keyLocations(key) : undefined;
  out.set(
    "INCIDENT: LOCATION",
    singleCounts(
      r.location?.length ? r.location : undefined,
      locs && { vals: locs.locs, optional: locs.optional },
      (k) => locationCredit(r.location!, k),
    ),
  );
  const types = key ? setFillers(key, 4)[0] : undefined;
  out.set(
    "INCIDENT: TYPE",
    singleCounts(r.incidentType || undefined, types && { vals: types.alternatives, optional: types.optional }, (k) =>
      typeCredit(r.incidentType, k),
    ),
  );
  const strings = (slot: number) => (key ? stringFillers(key, slot) : []);
  out.set("INCIDENT: INSTRUMENT ID", fillerCounts(r.weapon, strings(6), stringCredit));
  out.set("PERP: INDIVIDUAL ID", fillerCounts(r.perpInd, strings(9), stringCredit));
  out.set("PERP: ORGANIZATION ID", fillerCounts(r.perpOrg, strings(10), stringCredit));
  out.set("PHYS TGT: ID", fillerCounts(r.target, strings(12), stringCredit));
  out.set("HUM TGT: NAME/DESCRIPTION", fillerCounts(r.victim, key ? victimFillers(key) : [], stringCredit));
  const effects = (key ? setFillers(key, 23) : [])
    .map((f) => ({ ...f, alternatives: f.alternatives.filter((a) => EFFECTS.has(a)) }))
    .filter((f) => f.alternatives.length);
  // One key filler per distinct effect value: the slot is scored as a set of values.
  const distinct = [...new Map(effects.map((f) => [f.alternatives.join("|"), f])).values()];
  out.set(
    "HUM TGT: EFFECT (DEATH/INJURY)",
    fillerCounts(
      r.effect.filter((e) => EFFECTS.has(e.toUpperCase())),
      distinct,
      (a, b) => (a.toUpperCase() === b ? 1 : 0),
    ),
  );
  return out;
}

const total = (m: Map<ScoredSlot, Prf>): number => [...m.values()].reduce((s, c) => s + c.credit, 0);

/**
 * Align a message's response templates to its key templates: pairs must share at least a partial
 * incident-type match; pairs are taken greedily by total credit. Returns per-slot counts for the message.
 */
export function scoreMessage(responses: ResponseTemplate[], keys: KeyTemplate[]): Map<ScoredSlot, Prf> {
  const relevant = keys.filter((k) => !k.irrelevant);
  const cands: { i: number; j: number; score: Map<ScoredSlot, Prf>; credit: number }[] = [];
  responses.forEach((resp, i) => {
    relevant.forEach((key, j) => {
      const score = scorePair(resp, key);
      if ((score.get("INCIDENT: TYPE")?.credit ?? 0) > 0) cands.push({ i, j, score, credit: total(score) });
    });
  });
  cands.sort((a, b) => b.credit - a.credit || a.i - b.i || a.j - b.j);
  const usedR = new Set<number>();
  const usedK = new Set<number>();
  const sum = new Map<ScoredSlot, Prf>(SCORED_SLOTS.map((s) => [s, emptyPrf()]));
  const add = (m: Map<ScoredSlot, Prf>) => {
    m.forEach((c, s) => {
      addPrf(sum.get(s)!, c);
    });
  };
  for (const c of cands) {
    if (usedR.has(c.i) || usedK.has(c.j)) continue;
    usedR.add(c.i);
    usedK.add(c.j);
    add(c.score);
  }
  responses.forEach((resp, i) => {
    if (!usedR.has(i)) add(scorePair(resp, undefined));
  });
  relevant.forEach((key, j) => {
    if (!usedK.has(j) && !key.optional) add(scorePair(undefined, key));
  });
  return sum;
}

/** Slots keys_json has gold for (it drops date, location and effect). */
export const JSON_KEY_SLOTS: readonly ScoredSlot[] = SCORED_SLOTS.filter(
  (s) => !["INCIDENT: DATE", "INCIDENT: LOCATION", "HUM TGT: EFFECT (DEATH/INJURY)"].includes(s),
);

export function scoreSlots(
  messageIds: string[],
  keys: Map<string, KeyTemplate[]>,
  responses: Map<string, ResponseTemplate[]>,
  slots: readonly ScoredSlot[] = SCORED_SLOTS,
): EvalTable {
  const sum = new Map<ScoredSlot, Prf>(slots.map((s) => [s, emptyPrf()]));
  const all = emptyPrf();
  for (const id of messageIds) {
    const m = scoreMessage(responses.get(id) ?? [], keys.get(id) ?? []);
    m.forEach((c, s) => {
      const into = sum.get(s);
      if (!into) return;
      addPrf(into, c);
      addPrf(all, c);
    });
  }
  return {
    title: "MUC-4 1992-style slot scores (partial = 0.5; n = POS)",
    rows: [...slots.map((s) => prfRow(s, sum.get(s)!)), prfRow("ALL SCORED SLOTS", all)],
  };
}
