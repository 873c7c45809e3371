// Gazetteer rules: armed groups, media outlets and state bodies found by alias, plus in-text
// acronym definitions ("Islamic Revolutionary Guards Corp (IRGC)") that tie a spelled-out name to
// the acronym's entity.
import type { Candidate, Work } from "./candidate.js";
import { lexicons } from "./lexicons.js";

function orgCandidate(id: string, start: number, end: number): Candidate | undefined {
  const lex = lexicons();
  const group = lex.groups.get(id);
  if (group) {
    return {
      start,
      end,
      type: "armed_group",
      key: `group:${group.id}`,
      name: group.name,
      rule: "gazetteer:armed-groups",
      confidence: 0.95,
    };
  }
  const org = lex.orgs.get(id);
  if (!org) return undefined;
  const c: Candidate = {
    start,
    end,
    type: "organization",
    key: `org:${id}`,
    name: org.name,
    rule: org.kind === "media" ? "gazetteer:media-outlets" : "gazetteer:state-bodies",
    confidence: 0.9,
  };
  if (org.country) c.country = org.country;
  return c;
}

/** Armed groups, outlets and state bodies; the longest alias wins across all three lists. */
export function gazetteerMatches(w: Work): void {
  const lex = lexicons();
  const all = [...lex.groupMatcher.find(w.text), ...lex.orgMatcher.find(w.text)];
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const m of all) {
    const c = orgCandidate(m.id, m.start, m.end);
    if (!c) continue;
    // "an Islamic State encompassing the region" is the idea of a state, not the group.
    if (c.type === "armed_group" && /\ban?\s+$/i.test(w.text.slice(Math.max(0, m.start - 4), m.start))) continue;
    // Acronyms lower the confidence a little: they are the most ambiguous aliases.
    if (m.text.length <= 5) c.confidence -= 0.05;
    w.accept(c);
  }
}

/** "Long Name (ACR)": when ACR is a known entity, the long name joins it. */
export function acronymDefinitions(w: Work): void {
  for (const [a, b] of w.chunks) {
    const start = w.tokens[a]!.start;
    const end = w.tokens[b - 1]!.end;
    const m = /^\s*\(\s*([\p{Lu}][\p{L}-]{1,9})\s*\)/u.exec(w.text.slice(end, end + 16));
    if (!m) continue;
    const acrStart = end + m[0].indexOf(m[1]!);
    const acr = w.candidateStartingAt(acrStart);
    if (!acr || acr.end !== acrStart + m[1]!.length || w.blocked(start, end)) continue;
    // The expansion must plausibly spell the acronym: its capitals include the acronym's first letter.
    const caps =
      w.text
        .slice(start, end)
        .match(/\p{Lu}/gu)
        ?.join("") ?? "";
    if (!caps.startsWith(m[1]![0]!)) continue;
    w.accept({ ...acr, start, end, rule: "acronym-expansion", confidence: 0.85 });
  }
}
