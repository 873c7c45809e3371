// Flattens a document's facts into one reviewable list (mentions, events, claims, judgments), each with
// the span it came from, a display label, its rule and confidence.
import type { DocFacts, Review } from "./api.js";
import { formatValue } from "./format.js";
import type { Mark } from "./highlight.js";

export type ItemKind = "mention" | "event" | "claim" | "judgment" | "added";

export interface Item extends Mark {
  kind: ItemKind;
  id: string;
  label: string;
  text: string;
  value?: string;
  rule: string;
  confidence: number;
}

const CATEGORY: Record<string, string> = {
  person: "person",
  organization: "org",
  armed_group: "group",
  state: "place",
  place: "place",
  facility: "place",
  nationality: "org",
  date: "date",
  count: "count",
  quote: "claim",
  title: "person",
};

export function factItems(f: DocFacts, reviews: Review[]): Item[] {
  const items: Item[] = [];
  for (const m of f.mentions) {
    const value = m.value === undefined ? undefined : formatValue(m.value);
    const item: Item = {
      key: `mention:${m.id}`,
      kind: "mention",
      id: m.id,
      start: m.start,
      end: m.end,
      category: CATEGORY[m.kind] ?? "other",
      label: m.kind,
      text: m.text,
      rule: m.rule,
      confidence: m.confidence,
    };
    if (value && value !== m.text) item.value = value;
    items.push(item);
  }
  for (const e of f.events) {
    const item: Item = {
      key: `event:${e.id}`,
      kind: "event",
      id: e.id,
      start: e.trigger.start,
      end: e.trigger.end,
      category: "event",
      label: `event · ${e.type}${e.modality !== "asserted" ? ` (${e.modality})` : ""}`,
      text: e.trigger.text,
      rule: e.rule,
      confidence: e.confidence,
    };
    if (e.date) item.value = e.date.iso;
    items.push(item);
  }
  for (const c of f.claims) {
    items.push({
      key: `claim:${c.id}`,
      kind: "claim",
      id: c.id,
      start: c.content.start,
      end: c.content.end,
      category: "claim",
      label: `claim · ${c.kind}${c.speakerText ? ` — ${c.speakerText}` : ""}`,
      text: c.content.text,
      rule: c.rule,
      confidence: c.confidence,
    });
  }
  for (const j of f.judgments) {
    items.push({
      key: `judgment:${j.id}`,
      kind: "judgment",
      id: j.id,
      start: j.term.start,
      end: j.term.end,
      category: "judgment",
      label: `judgment · ${j.band}`,
      text: j.term.text,
      rule: j.rule,
      confidence: j.confidence,
    });
  }
  for (const r of reviews) {
    if (r.status !== "added" || r.start === undefined || r.end === undefined) continue;
    items.push({
      key: `added:${r.id}`,
      kind: "added",
      id: r.id,
      start: r.start,
      end: r.end,
      category: "added",
      label: `added · ${r.value ?? "entity"}`,
      text: r.text ?? "",
      rule: "analyst",
      confidence: 1,
    });
  }
  return items.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Reviews indexed like items ("event:<id>", "added:<review id>"), so an item finds its verdict by key. */
export function reviewIndex(reviews: Review[]): Map<string, Review> {
  return new Map(reviews.map((r) => [`${r.target.kind}:${r.target.id}`, r]));
}
