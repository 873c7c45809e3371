// "IS claimed the attack on Thursday … carried out a day earlier": day offsets such as "a day
// earlier" or "the following day" cannot be resolved against the publication date alone; they count
// from the date told just before them in the same sentence, so they are resolved here, after all
// dates of the sentence are known.
import type { DateValue } from "../../model/records.js";
import type { DateHit } from "../context.js";

const OFFSET =
  /^(?:a|one|the)\s+day\s+(?:earlier|before)$|^the\s+(?:previous|preceding)\s+day$|^(?:a|one|the)\s+day\s+later$|^the\s+(?:following|next)\s+day$/i;

function shift(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Gives each unresolved day offset the value of the nearest earlier day date in its sentence ± 1. */
export function resolveDayOffsets(hits: DateHit[]): DateHit[] {
  return hits.map((h, i) => {
    if (h.value || !OFFSET.test(h.mention.text.trim())) return h;
    const anchor = hits
      .slice(0, i)
      .reverse()
      .find((a) => a.sentence === h.sentence && a.value?.precision === "day" && a.value.iso);
    if (!anchor?.value?.iso) return h;
    const days = /earlier|before|previous|preceding/i.test(h.mention.text) ? -1 : 1;
    const iso = shift(anchor.value.iso.slice(0, 10), days);
    const value: DateValue = { iso, precision: "day", start: iso, end: iso };
    return { ...h, value, mention: { ...h.mention, value, rule: "date:relative-day" } };
  });
}
