// Proper-noun chunking: maximal runs of PROPN tokens, the candidate names for entity
// classification. A few connectors may sit inside a name ("Ministry of Intelligence",
// "Qasr e-Shirin", "Osama bin Laden") but only when a PROPN follows; "'s" always ends a chunk so
// "Iran's Ministry of Intelligence" yields "Iran" and "Ministry of Intelligence".
import type { Token } from "./types.js";

const CONNECTORS = new Set(["of", "al-", "bin", "-", "e-", "el-", "ibn"]);
/** Name particles wink splits off hyphenated names ("Lashkar-e-Taiba", "al-Zarqawi"); internal only when glued by hyphens. */
const PARTICLES = new Set(["e", "i", "al", "el", "ul", "ud", "ur", "ad", "as", "an", "ash", "ibn", "bin"]);

/** Tokens after `at` that may join a name before the next PROPN; 0 when none do. */
function connectorRun(tokens: readonly Token[], at: number, to: number): number {
  const t = tokens[at];
  if (!t) return 0;
  if (CONNECTORS.has(t.text) && t.text !== "-") return at + 1 < to && tokens[at + 1]?.pos === "PROPN" ? 1 : 0;
  // Hyphen chains: "-", or "-" particle "-", or particle "-", all touching their neighbours.
  let k = at;
  while (k < to && k - at < 4) {
    const c = tokens[k]!;
    const next = tokens[k + 1];
    const gluedToHyphen = next?.text === "-" && next.start === c.end;
    if (c.text === "-" || (PARTICLES.has(c.text.toLowerCase()) && gluedToHyphen)) {
      k++;
      continue;
    }
    break;
  }
  if (k === at || k >= to || tokens[k]?.pos !== "PROPN") return 0;
  return k - at;
}

/** 2 when tokens[at] is "al"/"el" glued to "-" glued to a PROPN, else 0. */
function leadingParticle(tokens: readonly Token[], at: number, to: number): number {
  const p = tokens[at];
  const h = tokens[at + 1];
  const n = tokens[at + 2];
  if (!p || !h || !n || at + 2 >= to) return 0;
  if (!/^(al|el|Al|El)$/.test(p.text) || h.text !== "-" || h.start !== p.end || n.start !== h.end) return 0;
  return n.pos === "PROPN" ? 2 : 0;
}

/** [first, last) token index pairs of PROPN chunks within tokens[from, to). */
export function propnChunks(tokens: readonly Token[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let i = from;
  while (i < to) {
    // A name may open with a glued particle: "al-Shabaab".
    const lead = leadingParticle(tokens, i, to);
    if (tokens[i]?.pos !== "PROPN" && lead === 0) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1 + lead;
    while (end < to) {
      const t = tokens[end];
      if (!t) break;
      if (t.pos === "PROPN") {
        end++;
        continue;
      }
      // wink sometimes tags a capitalised name word as NOUN ("Crocus City Hall", "Helmand River"):
      // a capitalised noun glued to a PROPN run by a single space joins it.
      if (t.pos === "NOUN" && /^\p{Lu}\p{Ll}/u.test(t.text) && t.start - tokens[end - 1]!.end === 1) {
        end++;
        continue;
      }
      // Connectors join only when a PROPN follows them.
      const run = connectorRun(tokens, end, to);
      if (run > 0) {
        end += run + 1;
        continue;
      }
      break;
    }
    out.push([start, end]);
    i = end;
  }
  return out;
}
