// Casualty figures of a report as tokens ("killed:15", "injured:40"). Digits read the same in every script, so
// two reports of one attack in different languages often share a figure where they share no name: an undated
// Urdu or Arabic report at the incident's town with the incident's toll is that incident. Small figures (one or
// two victims) and partial counts (attackers, children) say little about which attack is meant and are left out.
import type { Event } from "../model/records.js";

const KINDS = new Set(["killed", "injured"]);
/** Figures below this are too common across attacks to tell them apart. */
export const MIN_FIGURE = 3;
const MAX_FIGURES = 24;

export function figureTokens(events: Event[]): Set<string> {
  const out = new Set<string>();
  for (const ev of events) {
    if (ev.attributes?.salience === "background") continue;
    for (const c of ev.counts) {
      if (!KINDS.has(c.kind) || c.subset || c.individual || c.value < MIN_FIGURE) continue;
      out.add(`${c.kind}:${c.value}`);
      if (out.size >= MAX_FIGURES) return out;
    }
  }
  return out;
}
