// Finds date expressions in a sentence with a regex, as a supplement to the NLP layer's DATE spans:
// it guarantees the forms the date rules understand (bare years after a preposition, ranges,
// early/mid/late, event-anchored phrases) are offered to normaliseDate with their full extent.
import { MONTH_RE } from "./calendar.js";

export interface DateSpan {
  start: number;
  end: number;
  text: string;
}

const NUMW = "(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\\s+few|several)";
const UNIT = "(?:days?|weeks?|months?|years?|decades?|hours?|nights?)";
const D = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const Y = "(?:1[0-9]{3}|20[0-9]{2})";
const WD = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const M = MONTH_RE;

const ALTERNATIVES = [
  // event-anchored: "two days ahead of the Soleimani memorial", "four years after his death"
  `${NUMW}\\s+${UNIT}\\s+(?:after|before|ahead\\s+of|following|prior\\s+to)(?:\\s+(?:the\\s+)?[\\w’'-]+){1,3}`,
  `${NUMW}\\s+${UNIT}\\s+(?:later|earlier)`,
  `(?:the\\s+)?(?:early|mid|late)?[-\\s]*(?:1[5-9]|20)\\d0['’]?s`,
  `(?:early|mid|late|the\\s+(?:end|beginning|start|middle)\\s+of)[-\\s]+${M}(?:,?\\s+${Y})?`,
  `(?:early|mid|late|the\\s+(?:end|beginning|start|middle)\\s+of)[-\\s]+${Y}`,
  `(?:between|from)\\s+${D}\\s*(?:and|to|until)\\s*${D}\\s+(?:of\\s+)?${M}(?:,?\\s+${Y})?`,
  `${D}\\s*(?:-|–)\\s*${D}\\s+(?:of\\s+)?${M}(?:,?\\s+${Y})?`,
  `${M}\\s+${D}\\s*(?:-|–)\\s*${D}(?:,?\\s+${Y})?`,
  `(?:between|from)\\s+${M}(?:\\s+${Y})?\\s+(?:to|and|until|through)\\s+${M}(?:\\s+${Y})?`,
  `(?:${WD},?\\s+)?(?:the\\s+)?${D}\\s+(?:of\\s+)?${M}(?:,?\\s+${Y})?`,
  `(?:${WD},?\\s+)?${M}\\s+${D}(?:,?\\s+${Y})?`,
  `${M}\\s+${Y}`,
  `(?:[0-3]?\\d)[/.](?:[01]?\\d)[/.](?:\\d{4}|\\d{2})`,
  // "the 1000 block of Main Street" is an address, not a year
  `(?:in|since|during|by|until|till|from|of|before|after|the|early|late)\\s+(?:the\\s+)?${Y}(?![\\w-])(?!\\s+blocks?\\b)`,
  // the second year of "in 2017 and 2022"
  `(?<=\\b(?:in|since|during)\\s+${Y}\\s+(?:and|or)\\s+)${Y}`,
  `(?:yesterday|today|tonight|last\\s+night|(?:earlier\\s+)?this\\s+(?:week|month|year)|last\\s+(?:week|month|year)|${NUMW}\\s+(?:day|week|month|year)s?\\s+ago)`,
  // "on a Wednesday evening", "every Friday": some weekday, not a day to resolve
  `(?<!\\b(?:a|an|every|each|any|one)\\s)(?:(?:on|last|this\\s+past)\\s+)?${WD}`,
];
const FINDER = new RegExp(`(?<![\\w-])(?:${ALTERNATIVES.join("|")})(?![\\w])`, "gi");

/** Date expressions in `text`, left to right, with offsets relative to `text`. */
export function findDateSpans(text: string): DateSpan[] {
  const out: DateSpan[] = [];
  FINDER.lastIndex = 0;
  for (let m = FINDER.exec(text); m; m = FINDER.exec(text)) {
    let s = m[0];
    let start = m.index;
    // Keep the preposition out of the span ("in 2017" → "2017"), but keep "since/the" readable.
    const lead = /^(?:in|during|by|until|till|from|of|on|before|after)\s+(?=(?:the\s+)?\d)/i.exec(s);
    if (lead) {
      start += lead[0].length;
      s = s.slice(lead[0].length);
    }
    out.push({ start, end: start + s.length, text: s });
  }
  return out;
}
