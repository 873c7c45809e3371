// Typed access to the GTD/ACLED category lists and Tessera's mappings (data/codebooks/*.json), plus the
// GTD group names compiled in data/groups/armed-groups.json.

import acled from "../../../data/codebooks/acled.json" with { type: "json" };
import gtd from "../../../data/codebooks/gtd.json" with { type: "json" };
import groups from "../../../data/groups/armed-groups.json" with { type: "json" };

export interface KeywordRule {
  match: string[];
  type?: string;
  mode?: string;
}

export const GTD = gtd as {
  attackTypes: string[];
  targetTypes: string[];
  weaponTypes: string[];
  claimModes: string[];
  specificity: Record<string, number>;
  attackTypeByEvent: Record<string, string>;
  weaponByAttackType: Record<string, string>;
  weaponKeywords: KeywordRule[];
  targetKeywords: KeywordRule[];
  claimModeKeywords: KeywordRule[];
};

export const ACLED = acled as {
  eventTypes: Record<string, string[]>;
  disorderTypes: Record<string, string>;
  subEventByEvent: Record<string, string>;
  /** ACLED's outlet scales, in the order Tessera combines them (narrowest reach first, "Other" last). */
  sourceScales: string[];
  actorTypeCodes: Record<string, number>;
  timePrecision: Record<string, number>;
  geoPrecision: Record<string, number>;
};

interface GroupEntry {
  id: string;
  name: string;
  aliases?: string[];
  gtdName?: string;
}

const GROUP_BY_NAME = new Map<string, GroupEntry>();
for (const g of groups as GroupEntry[]) {
  for (const n of [g.name, ...(g.aliases ?? [])]) GROUP_BY_NAME.set(n.toLowerCase(), g);
}

/** The GTD `gname` for a group name or alias when the compiled list knows it; otherwise the name itself. */
export function gtdGroupName(name: string, aliases: string[] = []): string {
  for (const n of [name, ...aliases]) {
    const g = GROUP_BY_NAME.get(n.toLowerCase());
    if (g?.gtdName) return g.gtdName;
  }
  return name;
}

/** First rule whose keyword occurs in the text (case-insensitive). */
export function matchKeyword(rules: KeywordRule[], text: string): KeywordRule | undefined {
  const hay = ` ${text.toLowerCase()} `;
  return rules.find((r) => r.match.some((k) => hay.includes(k)));
}

/** ACLED event type of a sub-event type. */
export function acledEventTypeOf(subEvent: string): string | undefined {
  for (const [type, subs] of Object.entries(ACLED.eventTypes)) if (subs.includes(subEvent)) return type;
  return undefined;
}
