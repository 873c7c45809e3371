// Loads the entity gazetteers and cue lexicons from data/ once per process.
import { readFileSync } from "node:fs";
import { type AliasMatcher, buildAliasMatcher } from "./alias-matcher.js";

export interface GroupRecord {
  id: string;
  name: string;
  aliases: string[];
  parent?: string;
  region?: string;
  gtdName?: string;
  caseSensitive?: boolean;
}

export interface OrgRecord {
  id: string;
  name: string;
  aliases: string[];
  country: string | null;
  caseSensitive?: boolean;
}

export interface TitleLexicon {
  modifiers: Set<string>;
  heads: Set<string>;
  honorifics: Set<string>;
  complementEnds: Set<string>;
  nameStop: Set<string>;
  appositiveNouns: Set<string>;
  namingCues: string[];
  speechCues: string[];
}

export interface Lexicons {
  groups: Map<string, GroupRecord>;
  groupMatcher: AliasMatcher;
  orgs: Map<string, OrgRecord & { kind: "media" | "state-body" }>;
  orgMatcher: AliasMatcher;
  titles: TitleLexicon;
  orgHeads: Set<string>;
  facilityHeads: Set<string>;
  facilityLower: Set<string>;
  facilityAfter: Set<string>;
  facilityOverOrg: Set<string>;
  givenNames: Set<string>;
}

function read<T>(rel: string): T {
  return JSON.parse(readFileSync(new URL(`../../../data/${rel}`, import.meta.url), "utf8")) as T;
}

let cached: Lexicons | undefined;

function lower(list: string[]): Set<string> {
  return new Set(list.map((s) => s.toLowerCase()));
}

function load(): Lexicons {
  const groupList = read<GroupRecord[]>("groups/armed-groups.json");
  const groups = new Map(groupList.map((g) => [g.id, g]));
  const groupMatcher = buildAliasMatcher(
    groupList.flatMap((g) =>
      [g.name, ...g.aliases].map((alias) => ({ id: g.id, alias, caseSensitive: g.caseSensitive ?? false })),
    ),
  );
  const media = read<OrgRecord[]>("lexicons/entity-cues/media-outlets.json");
  const bodies = read<OrgRecord[]>("lexicons/entity-cues/state-bodies.json");
  const orgs = new Map<string, OrgRecord & { kind: "media" | "state-body" }>();
  for (const m of media) orgs.set(`media:${m.id}`, { ...m, kind: "media" });
  for (const b of bodies) orgs.set(`body:${b.id}`, { ...b, kind: "state-body" });
  const orgMatcher = buildAliasMatcher(
    [...orgs.entries()].flatMap(([key, o]) =>
      [o.name, ...o.aliases].map((alias) => ({ id: key, alias, caseSensitive: o.caseSensitive ?? false })),
    ),
  );
  const t = read<Record<string, string[]>>("lexicons/entity-cues/titles.json");
  const titles: TitleLexicon = {
    modifiers: lower(t.modifiers ?? []),
    heads: lower(t.heads ?? []),
    honorifics: lower(t.honorifics ?? []),
    complementEnds: lower(t.complementEnds ?? []),
    nameStop: new Set(t.nameStop ?? []),
    appositiveNouns: lower(t.appositiveNouns ?? []),
    namingCues: t.namingCues ?? [],
    speechCues: t.speechCues ?? [],
  };
  const heads = read<Record<string, string[]>>("lexicons/entity-cues/org-heads.json");
  const given = read<{ givenNames: string[] }>("lexicons/entity-cues/given-names.json");
  return {
    groups,
    groupMatcher,
    orgs,
    orgMatcher,
    titles,
    orgHeads: new Set(heads.organization ?? []),
    facilityHeads: new Set(heads.facility ?? []),
    facilityLower: new Set(heads.facilityLower ?? []),
    facilityAfter: new Set(heads.facilityAfter ?? []),
    facilityOverOrg: new Set(heads.facilityOverOrg ?? []),
    givenNames: new Set(given.givenNames),
  };
}

export function lexicons(): Lexicons {
  if (!cached) cached = load();
  return cached;
}
