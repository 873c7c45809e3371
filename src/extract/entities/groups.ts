// Public access to the armed-group gazetteer for other stages (fusion, GTD/ACLED export): look a
// group up by id or alias, or find group mentions in a string with the same matcher extraction uses.
import type { AliasMatch } from "./alias-matcher.js";
import { type GroupRecord, lexicons } from "./lexicons.js";

export type { GroupRecord } from "./lexicons.js";

/** Every group in data/groups/armed-groups.json. */
export function armedGroups(): GroupRecord[] {
  return [...lexicons().groups.values()];
}

/** A group by canonical id ("is-k"). */
export function armedGroup(id: string): GroupRecord | undefined {
  return lexicons().groups.get(id);
}

/** Group mentions in free text (longest match, case rules as in extraction). */
export function findArmedGroups(text: string): AliasMatch[] {
  return lexicons().groupMatcher.find(text);
}

/** The group a whole string names ("ISIS-K" → is-k), or undefined. */
export function resolveArmedGroup(name: string): GroupRecord | undefined {
  const hit = findArmedGroups(name.trim()).find((m) => m.start === 0 && m.end === name.trim().length);
  return hit ? armedGroup(hit.id) : undefined;
}
