// A strike carried out in answer to an earlier attack — a state's retaliation across a border days later — is its
// own incident, not an update of the attack it answers: another actor, another place, another day. Reports of it
// say so in their headline or in the sentence that tells it ("a retaliatory strike across the border", "raids a
// day after the other side's missile attack"). This module reads that language; the clusterer keeps such a
// report's main event out of an incident carried out by someone else, and the engine links the two incidents.
import table from "../../data/fusion/response-cues.json" with { type: "json" };

const pattern = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[ -]/g, "[\\s-]");
const CUES = new RegExp(`\\b(?:${table.cues.map(pattern).join("|")})`, "iu");
const NOUNS = table.attack_nouns.map(pattern).join("|");
/** "in response to the Iranian strikes": the phrase, then at most four words, then an attack noun. */
const BEFORE_ATTACK = new RegExp(
  `\\b(?:${table.before_attack.map(pattern).join("|")})\\s+(?:[\\p{L}’'-]+\\s+){0,4}?(?:${NOUNS})`,
  "iu",
);
/** The headline: the text before the first blank line, if that is short. */
const HEADLINE_CHARS = 200;

export function hasResponseCue(text: string): boolean {
  return CUES.test(text) || BEFORE_ATTACK.test(text);
}

/** The report's headline: its title, else the text before the first blank line when that is a short line. */
export function headlineOf(text: string, title?: string): string {
  if (title) return title;
  const end = text.search(/\n\s*\n/);
  const head = end < 0 ? text : text.slice(0, end);
  return head.length <= HEADLINE_CHARS ? head : "";
}

/** The sentence around a character offset (bounded by . ! ? or a line break). */
export function sentenceAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1] ?? "")) start--;
  let end = offset;
  while (end < text.length && !/[.!?\n]/.test(text[end] ?? "")) end++;
  return text.slice(start, end);
}

/**
 * Whether a report tells its main event (trigger at `offset`) as a response to an earlier attack: a response cue
 * in its headline or in the main event's own sentence. A cue elsewhere in the text is usually about another event
 * (the parent attack was itself "in retaliation for" something older).
 */
export function isResponseReport(text: string, offset: number | undefined, title?: string): boolean {
  if (hasResponseCue(headlineOf(text, title))) return true;
  return offset !== undefined && hasResponseCue(sentenceAt(text, offset));
}
