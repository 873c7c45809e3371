// Whether a sentence reports a death in words without a number ("clerk dies after robbery", "a
// homicide"). Such a sentence makes a wounded singular victim the one who died (see dedupeVictims),
// so a death word that reports no death must not count: legal and tactical terms (a charge of
// assault with a deadly weapon, deadly force, attempted homicide) and deaths that are attempted,
// hypothetical or negated (an attempt, "could", "nearly", "not", "never" shortly before the word).

const DEATH_WORD =
  /\b(?:killed|killing|died|dies|dead|deadly|fatal|fatally|murdered|slain|homicide|succumbed|passed away)\b/gi;

/**
 * Right after the death word: a means or a charge (weapon, force), or a generic or addressed object
 * (you, people, anyone), which is talk, not a report of a death.
 */
const NOT_A_DEATH_AFTER = /^\s+(?:weapons?|force|weapon's|you|people|anyone|anybody|everyone|someone|somebody)\b/i;

/** Words shortly before the death word that make it attempted, hypothetical or negated. */
const NOT_A_DEATH_BEFORE =
  /(?:\b(?:attempted|attempt|intent\s+to|could|would|might|possibly|nearly|almost|not|never|no)|n['’]t)\s+(?:\S+\s+){0,2}$/i;

/** Whether any death word of the sentence reports an actual death. */
export function reportsDeath(sentence: string): boolean {
  for (const m of sentence.matchAll(DEATH_WORD)) {
    const at = m.index ?? 0;
    const after = sentence.slice(at + m[0].length, at + m[0].length + 12);
    if (NOT_A_DEATH_AFTER.test(after)) continue;
    if (NOT_A_DEATH_BEFORE.test(sentence.slice(Math.max(0, at - 40), at))) continue;
    return true;
  }
  return false;
}
