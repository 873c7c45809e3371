// Loads the speech/stance/attribution cue lexicon (data/lexicons/speech.json) into sets.
import { loadData } from "../data.js";

interface SpeechLexiconRaw {
  speechVerbs: string[];
  inversionVerbs: string[];
  indirectVerbs: string[];
  denialVerbs: string[];
  responsibility: string[];
  accusation: string[];
  attributionAfter: string[];
  attributionRole: { verbs: string[]; determiners: string[]; nouns: string[]; maxModifiers: number };
  attributionNouns: string[];
  doubtCues: string[];
}

export interface SpeechLexicon {
  speech: Set<string>;
  inversion: Set<string>;
  indirect: Set<string>;
  denial: Set<string>;
  responsibility: Set<string>;
  accusation: Set<string>;
  attributionAfter: Set<string>;
  /** "played a (decisive) role", "had a hand": verb, determiner, up to `maxModifiers` words, noun. */
  attributionRole: { verbs: Set<string>; determiners: Set<string>; nouns: Set<string>; maxModifiers: number };
  attributionNouns: Set<string>;
  doubt: string[];
}

let lex: SpeechLexicon | undefined;
export function speechLexicon(): SpeechLexicon {
  if (lex) return lex;
  const raw = loadData<SpeechLexiconRaw>("lexicons/speech.json");
  lex = {
    speech: new Set(raw.speechVerbs),
    inversion: new Set(raw.inversionVerbs),
    indirect: new Set(raw.indirectVerbs),
    denial: new Set(raw.denialVerbs),
    responsibility: new Set(raw.responsibility),
    accusation: new Set(raw.accusation),
    attributionAfter: new Set(raw.attributionAfter),
    attributionRole: {
      verbs: new Set(raw.attributionRole.verbs),
      determiners: new Set(raw.attributionRole.determiners),
      nouns: new Set(raw.attributionRole.nouns),
      maxModifiers: raw.attributionRole.maxModifiers,
    },
    attributionNouns: new Set(raw.attributionNouns),
    doubt: raw.doubtCues,
  };
  return lex;
}
