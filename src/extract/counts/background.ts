// Statistics told as background are not counts of the incident: a figure of an earlier year ("the
// worst since 2011, when 40 died") or a running tally ("six have been killed so far this year").
// Such a count is dropped so it cannot become the incident's toll.

/** "since <year>, when …", "in <year>, when …": the number belongs to that earlier time. */
const EARLIER_WHEN =
  /\b(?:since|in|of|during)\s+(?:\d{4}|last\s+year),?\s+when\s+(?:at\s+least\s+|about\s+|some\s+)?$/i;

/** A period or tally phrase right after the count's clause: "… so far this year", "… so far in <year>". */
const PERIOD_AFTER =
  /^[^.;,]{0,50}?\b(?:(?:so\s+far\s+)?this\s+year(?:\s+alone)?|so\s+far\s+in\s+\d{4}|last\s+year|(?:each|every|per)\s+year|in\s+the\s+(?:past|last)\s+(?:year|decade|\w+\s+years)|since\s+(?:\d{4}|january|the\s+start\s+of\s+the\s+year))\b/i;

/** Whether the count at [start, end) of the sentence text is a background statistic. */
export function isBackgroundCount(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 40), start);
  if (EARLIER_WHEN.test(before)) return true;
  return PERIOD_AFTER.test(sentence.slice(end, end + 80));
}
