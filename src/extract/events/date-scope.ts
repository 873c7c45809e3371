// Dates in an event's sentence that belong to another word of it. News sentences carry several
// times: when a toll was updated ("the toll rose to 55 on Monday"), when something was said ("On
// Friday, the minister announced that …"), what a date names ("the August 31 deadline", "ahead of
// the 3 May vote"). None of them is when the attack happened.

/** Event types whose date is when the violence happened (a toll update does not date them). */
const VIOLENCE = new Set(["attack", "missile_strike", "air_strike", "armed_clash"]);

/** "rose to 55 on", "has climbed to 63 people by", "stood at 40 on": a toll's change verb and figure just before the date. */
const TOLL_VERB_BEFORE =
  /\b(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|surged|mounted|increased|reached|reaches|stood|stands|grew|revised(?:\s+(?:up|down)(?:wards?)?)?)\s+(?:\w+ly\s+)?(?:to\s+|at\s+)?(?:(?:at\s+least|more\s+than|over|about|nearly|almost|some)\s+)?(?:[\d,]+[\w-]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens|hundreds|[a-z]+ty(?:-[a-z]+)?))(?:\s+[\w-]+){0,2}?\s+(?:on|by|late\s+on|early\s+on)?\s*$/i;

/** A speech verb between a date and the trigger: the date is when it was said. */
const SPEECH_BETWEEN =
  /\b(?:said|says|announced|announces|told|stated|confirmed|reported|added|declared|wrote|posted|revealed|disclosed)\b/i;

/** "said Provincial Police on 31 July", "told the Example News Agency on Monday": a speech verb and its named speaker. */
const SPEECH_NAMED_BEFORE =
  /\b(?:said|told|stated|announced|confirmed|added|wrote|posted)\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'.-]*\s+){1,6}(?:late\s+|early\s+)?(?:on\s+)?$/u;

/** The date names something scheduled: "the August 31 deadline", "the 2024 elections". */
const NOUN_AFTER =
  /^\s*(?:deadline|anniversary|elections?|polls?|vote|referendum|summit|meeting|talks|ceremony|agreement|accord|ceasefire|truce|deal|visit|conference|festival|holiday)\b/i;

/** "ahead of", "prior to", "in the run-up to": the date is a point the event came before. */
const BEFORE_POINT = /\b(?:ahead\s+of|prior\s+to|in\s+the\s+run-up\s+to|by)\s+(?:the\s+|[\w’'.-]+[’']s\s+)?$/i;

/** A relative clause or a since-phrase opening between a trigger and a later date, within its sentence. */
const OTHER_CLAUSE_BETWEEN = /^[^.!?;]*?(?:,\s*(?:which|who|whose)\b|\bsince\b)[^.!?;]*$/i;

export interface DateSpan {
  start: number;
  end: number;
}

/** Whether the date at `d` in `text` dates something other than the event triggered at [tStart, tEnd). */
export function datesAnotherWord(text: string, d: DateSpan, tStart: number, tEnd: number, type?: string): boolean {
  const before = text.slice(Math.max(0, d.start - 60), d.start);
  const after = text.slice(d.end, d.end + 20);
  if (NOUN_AFTER.test(after) || BEFORE_POINT.test(before)) return true;
  if (type && VIOLENCE.has(type) && TOLL_VERB_BEFORE.test(before)) return true;
  // the statement itself keeps the date: its trigger is the speech verb just before
  const isTheSpeech = tEnd <= d.start && tStart >= d.start - 60 && SPEECH_BETWEEN.test(text.slice(tStart, tEnd));
  if (SPEECH_NAMED_BEFORE.test(before) && !isTheSpeech) return true;
  // "On Friday, the governor announced that …": an active speech verb shortly after the date, in the
  // same sentence; not after a header date ("3 May 2004: …") nor a passive ("were reported")
  // "the bombing embarrasses the junta, which took over in 2020": a date after the
  // trigger, past a relative pronoun or "since", dates that clause
  if (d.start >= tEnd && OTHER_CLAUSE_BETWEEN.test(text.slice(tEnd, d.start))) return true;
  const between = d.end <= tStart ? text.slice(d.end, tStart) : "";
  const verb = SPEECH_BETWEEN.exec(between);
  if (
    verb &&
    verb.index <= 60 &&
    !/^\s*:/.test(between) &&
    !/[.!?]["”’]?\s/.test(between.slice(0, verb.index)) &&
    !/\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+)?$/i.test(between.slice(0, verb.index))
  )
    return true;
  return false;
}

/**
 * A trigger named as what another act is about — "executed over the attack", "accused of carrying out
 * the bombing", "arrested in connection with the shooting" — refers to an event told elsewhere: like a
 * definite back-reference, only a date attached to it dates it.
 */
export const REFERRED_TO =
  /\b(?:accused\s+of|convicted\s+of|charged\s+(?:with|over)|sentenced\s+(?:\w+\s+){0,3}(?:for|over)|executed\s+(?:\w+\s+){0,3}(?:for|over)|in\s+connection\s+with|blamed\s+for|over)\s+(?:(?:carrying\s+out|perpetrating|plotting|staging|masterminding|organising|organizing|the|a|an|its|their|this|that)\s+)*(?:[\w’'-]+\s+){0,3}$/i;

/** Between a trigger and a date attached to it: a chain of short place phrases ("on a shrine in Shiraz in …"). */
export const ATTACHED_AFTER =
  /^(?:\s+(?:on|in|at|near|outside|inside|of|against)\s+(?:(?:the|a|an)\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?){0,3}\s+(?:on|in|of)\s+$/i;
