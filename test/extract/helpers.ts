// Builds an ExtractContext by hand for rule tests: sentences split on end punctuation, entity
// mentions tagged from a surface-form list, dates and counts from the real extract layers. This lets
// the event/claim/judgment rules be tested without the NLP and entity layers.

import type { ExtractContext, QuoteSpan, SentenceCtx } from "../../src/extract/context.js";
import { countsInSentences } from "../../src/extract/counts/index.js";
import { extractDates } from "../../src/extract/dates/index.js";
import { parseIsoDate } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";
import type { Entity, EntityType, Mention } from "../../src/model/records.js";

export function splitSentences(text: string): SentenceCtx[] {
  const out: SentenceCtx[] = [];
  let para = 0;
  let offset = 0;
  for (const line of text.split("\n")) {
    const re = /[^.!?]+(?:[.!?]+[”"]?|$)/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const lead = m[0].length - m[0].trimStart().length;
      const t = m[0].trim();
      if (!t) continue;
      const start = offset + m.index + lead;
      out.push({ index: out.length, paragraph: para, start, end: start + t.length, text: t });
    }
    offset += line.length + 1;
    para++;
  }
  return out;
}

export function contextFor(text: string, tags: Record<string, EntityType> = {}, published?: string): ExtractContext {
  const ref = published ? parseIsoDate(published) : undefined;
  const doc = makeDocument({ origin: "test", text, format: "text", ...(ref ? { publishedAt: ref } : {}) });
  const t = doc.text;
  const sentences = splitSentences(t);
  const mentions: Mention[] = [];
  const entities: Entity[] = [];
  for (const [surface, type] of Object.entries(tags)) {
    const id = `e:${surface.toLowerCase().replace(/\W+/g, "-")}`;
    const ids: string[] = [];
    const re = new RegExp(`(?<![\\w-])${surface.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`, "g");
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const mid = `m${mentions.length}`;
      ids.push(mid);
      mentions.push({
        id: mid,
        doc: doc.id,
        start: m.index,
        end: m.index + surface.length,
        text: surface,
        kind: type,
        entity: id,
        rule: "test",
        confidence: 1,
      });
    }
    entities.push({ id, type, name: surface, aliases: [surface], mentions: ids });
  }
  mentions.sort((a, b) => a.start - b.start);
  const dates = extractDates(doc.id, t, sentences, doc.publishedAt);
  const counts = countsInSentences(doc.id, sentences, dates);
  const quotes: QuoteSpan[] = [];
  const qre = /“[^”]*”|"[^"]*"/g;
  for (let m = qre.exec(t); m; m = qre.exec(t)) quotes.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return { doc, sentences, mentions, entities, dates, counts, quotes };
}
