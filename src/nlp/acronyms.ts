// Armed-group and state-body acronyms that taggers misread ("IS" → AUX, "LeT" → VERB). The
// analyzer forces these to PROPN, and glues hyphenated ones ("IS" "-" "K") into one token, so
// PROPN chunks and later gazetteer matching see the group name. Matching is case-sensitive so the
// verb "is" is never touched. The list is the built-in core plus every short, capitalised,
// space-free alias in data/groups/armed-groups.json.
import { readFileSync } from "node:fs";

const CORE = [
  "IS",
  "ISIS",
  "ISIL",
  "IS-K",
  "IS-KP",
  "ISKP",
  "ISIS-K",
  "ISIS-KP",
  "ISWAP",
  "ISCAP",
  "TTP",
  "LeT",
  "JeM",
  "HTS",
  "IRGC",
  "IRGC-QF",
  "AQAP",
  "AQIM",
  "AQIS",
  "JNIM",
  "PKK",
  "YPG",
  "SDF",
  "PIJ",
  "PFLP",
  "FARC",
  "ELN",
  "ETA",
  "IMU",
  "BLA",
  "BLF",
  "ADF",
  "TRF",
  "HuM",
  "JuD",
];

let cached: Set<string> | undefined;

/** A short alias counts as an acronym when it has no spaces and at least two capitals. */
export function looksLikeAcronym(alias: string): boolean {
  return alias.length <= 9 && !/\s/.test(alias) && (alias.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** All case-sensitive acronyms forced to PROPN (loaded once). */
export function domainAcronyms(): Set<string> {
  if (cached) return cached;
  const set = new Set(CORE);
  try {
    const url = new URL("../../data/groups/armed-groups.json", import.meta.url);
    const groups = JSON.parse(readFileSync(url, "utf8")) as { aliases?: string[] }[];
    for (const g of groups) for (const a of g.aliases ?? []) if (looksLikeAcronym(a)) set.add(a);
  } catch {
    // The gazetteer is optional for the NLP layer; the core list covers the common cases.
  }
  cached = set;
  return set;
}

/** Longest acronym with hyphens, in tokens: "IS-KP" is 3 tokens. Bounds the merge look-ahead. */
export const MAX_ACRONYM_TOKENS = 5;
