// Statistics told as background are not counts of the incident: "the most killings since 2007,
// when 28 were killed", "nine officers have been fatally shot this year alone". Such a count is
// dropped so it cannot become the incident's toll.

/** "since 2007, when …", "in 2012, when …": the number belongs to that earlier time. */
const EARLIER_WHEN =
  /\b(?:since|in|of|during)\s+(?:\d{4}|last\s+year),?\s+when\s+(?:at\s+least\s+|about\s+|some\s+)?$/i;

/** A period or tally phrase right after the count's clause: "… this year alone", "… so far in 2016". */
const PERIOD_AFTER =
  /^[^.;,]{0,50}?\b(?:(?:so\s+far\s+)?this\s+year(?:\s+alone)?|so\s+far\s+in\s+\d{4}|last\s+year|(?:each|every|per)\s+year|in\s+the\s+(?:past|last)\s+(?:year|decade|\w+\s+years)|since\s+(?:\d{4}|january|the\s+start\s+of\s+the\s+year))\b/i;

/** Whether the count at [start, end) of the sentence text is a background statistic. */
export function isBackgroundCount(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 40), start);
  if (EARLIER_WHEN.test(before)) return true;
  return PERIOD_AFTER.test(sentence.slice(end, end + 80));
}
