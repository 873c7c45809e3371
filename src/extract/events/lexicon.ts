// Compiles the event ontology (data/ontology/events.json) into trigger patterns: each phrase becomes
// a sequence of slots, each slot the set of surface forms of one lemma, '*' a gap of up to three
// words. Patterns are indexed by the forms of their first slot so matching is one map lookup per word.
import { loadData } from "../data.js";
import { inflections } from "./inflect.js";

export interface TriggerEntry {
  id: string;
  phrases: string[];
  subtype?: string;
  weapon?: string;
  suicide?: boolean;
  /** Event types whose overlapping match hides this one ("rockets were fired at" is no shooting). */
  yieldTo?: string[];
  confidence: number;
}

export interface EventTypeDef {
  id: string;
  label: string;
  roles: string[];
  plover?: Record<string, unknown>;
  acled?: Record<string, unknown>;
  subtypes?: { id: string; gtd_attacktype: number; acled?: Record<string, unknown> }[];
  weapons?: Record<string, { gtd_weaptype: number }>;
  triggers: TriggerEntry[];
}

export interface Ontology {
  version: number;
  irregular: Record<string, string[]>;
  types: EventTypeDef[];
}

export interface TriggerPattern {
  type: string;
  entry: TriggerEntry;
  phrase: string;
  slots: (Set<string> | "*")[];
}

export interface CompiledLexicon {
  ontology: Ontology;
  byFirst: Map<string, TriggerPattern[]>;
}

let compiled: CompiledLexicon | undefined;

export function ontology(): Ontology {
  return loadData<Ontology>("ontology/events.json");
}

export function eventLexicon(): CompiledLexicon {
  if (compiled) return compiled;
  const onto = ontology();
  const byFirst = new Map<string, TriggerPattern[]>();
  for (const type of onto.types) {
    for (const entry of type.triggers) {
      for (const phrase of entry.phrases) {
        const parts = phrase.toLowerCase().split(/\s+/);
        const slots = parts.map((p, i): Set<string> | "*" => {
          if (p === "*") return "*";
          // inflect the first and last word of a phrase; inner words ("their", "the") stay as written
          const inflect = i === 0 || i === parts.length - 1;
          return new Set(inflect ? inflections(p, onto.irregular) : [p]);
        });
        const pattern: TriggerPattern = { type: type.id, entry, phrase, slots };
        const first = slots[0];
        if (first === "*" || first === undefined) continue;
        for (const form of first) {
          const list = byFirst.get(form) ?? [];
          list.push(pattern);
          byFirst.set(form, list);
        }
      }
    }
  }
  compiled = { ontology: onto, byFirst };
  return compiled;
}

export function eventType(id: string): EventTypeDef | undefined {
  return ontology().types.find((t) => t.id === id);
}
