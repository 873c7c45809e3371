// Person rules. A person is proposed only on positive evidence, so headline words ("Tragic
// Abbreviation") never become people:
//   - a title or honorific before a name ("Deputy Foreign Minister X", "Ayatollah X",
//     "Special Envoy for Afghanistan X" — the title's complement is split from the name);
//   - a state body or organisation glued to a name ("Supreme National Security Council X");
//   - an appositive or copula ("X, a Tehran Times commentator", "X is a tutor");
//   - a naming cue ("a Tajik national named X");
//   - a known given name opening a 2–4 token chunk (weakest).
// The affiliation is what stands right before the title: "Iran's", "Taliban", "US", "Syrian".
import { findCities } from "../../resolve/geo/cities.js";
import { countryByCode, demonym, geocode, lookupCountry } from "../../resolve/geo/index.js";
import { adjacent, type Candidate, POSSESSIVE, type Work } from "./candidate.js";
import { lexicons } from "./lexicons.js";

const NAME_BREAKERS = new Set(["minister", "president", "envoy", "spokesperson", "spokesman", "commander", "deputy"]);
const CONNECTOR = /^(?:al|el|bin|ibn|ul|ud|e|-|al-|el-|de|van|von|da)$/;

function isCap(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

export function personKey(name: string): string {
  return `person:${name.toLowerCase().replace(/\s+/g, " ")}`;
}

/** A token that can be part of a personal name. */
function nameToken(w: Work, i: number): boolean {
  const t = w.tokens[i];
  if (!t) return false;
  const lex = lexicons();
  if (!isCap(t.text) || lex.titles.nameStop.has(t.text)) return false;
  if (NAME_BREAKERS.has(t.text.toLowerCase())) return false;
  return t.pos !== "PUNCT" && t.pos !== "NUM" && t.pos !== "SYM";
}

/** [start, end) token range of a name beginning at token k, or undefined. */
export function nameRun(w: Work, k: number, limit: number): [number, number] | undefined {
  if (!nameToken(w, k)) return undefined;
  let n = k + 1;
  while (n < limit) {
    const t = w.tokens[n]!;
    const prev = w.tokens[n - 1]!;
    if (nameToken(w, n) && adjacent(w.text, prev.end, t.start)) {
      n++;
      continue;
    }
    // Connectors inside names: "al-Assad" (al - Assad), "Ali-Akbar", "bin Laden".
    let c = n;
    while (c < limit && c - n < 3 && CONNECTOR.test(w.tokens[c]!.text)) c++;
    if (c > n && c < limit && nameToken(w, c)) {
      n = c + 1;
      continue;
    }
    break;
  }
  // Names never end in a possessive-less lone connector and are at most 6 tokens.
  if (n - k > 6) return undefined;
  return [k, n];
}

/** What the text says a title holder belongs to: "Iran's", "Taliban", "US", "Syrian". */
export function affiliationBefore(w: Work, i: number): string | undefined {
  let j = i - 1;
  if (j >= 0 && POSSESSIVE.has(w.tokens[j]!.text)) j--;
  const tok = w.tokens[j];
  if (!tok) return undefined;
  const cand = w.candidateEndingAt(tok.end);
  if (cand && cand.type !== "person" && cand.type !== "facility") {
    if (cand.type === "nationality" && cand.country) return countryByCode(cand.country)?.name ?? cand.name;
    return cand.name;
  }
  // The words before the title inside the same chunk ("US President …"), or the chunk ending there.
  const ch = w.chunkOf[j];
  const from = ch ? ch[0] : j;
  if (from > j) return undefined;
  for (let f = from; f <= j; f++) {
    const s = w.slice(f, j + 1);
    const country = lookupCountry(s);
    if (country) return country.name;
    const d = demonym(s);
    if (d?.country) return countryByCode(d.country)?.name;
  }
  return undefined;
}

/** Single words that look like names but are places, nationalities or groups ("official Iranian media"). */
function notAName(w: Work, a: number, b: number): boolean {
  const s = w.slice(a, b);
  return lookupCountry(s) !== undefined || demonym(s) !== undefined || (b - a === 1 && s === s.toUpperCase());
}

interface TitleMatch {
  end: number; // token index after the title head
}

/** Longest run of modifiers ending in a head, starting at token i. */
function titleAt(w: Work, i: number, limit: number): TitleMatch | undefined {
  const { modifiers, heads } = lexicons().titles;
  let best: TitleMatch | undefined;
  for (let j = i; j < limit && j < i + 6; j++) {
    const lc = w.tokens[j]!.text.toLowerCase();
    if (heads.has(lc)) best = { end: j + 1 };
    if (!modifiers.has(lc) && !heads.has(lc)) break;
  }
  return best;
}

function isBoundary(w: Work, i: number): boolean {
  const t = w.tokens[i]!.text;
  if (lexicons().titles.complementEnds.has(t.toLowerCase())) return true;
  return lookupCountry(t) !== undefined;
}

/** Propose people from titles and honorifics in every sentence. */
export function titledPersons(w: Work): void {
  const lex = lexicons();
  const { honorifics } = lex.titles;
  for (const s of w.analysis.sentences) {
    if (w.headlines.has(s.paragraph)) continue;
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      const t = w.tokens[i]!;
      const title = titleAt(w, i, s.tokenEnd);
      const honor = !title && honorifics.has(t.text.toLowerCase()) && isCap(t.text);
      if (!title && !honor) {
        i++;
        continue;
      }
      let k = title ? title.end : i + 1;
      let roleEnd = k;
      // Complement: "for Afghanistan", "for Political Affairs", "of Defence".
      const prep = w.tokens[k]?.text;
      if ((prep === "for" || prep === "of") && isCap(w.tokens[k + 1]?.text ?? "")) {
        let m = k + 1;
        while (m < s.tokenEnd && (isCap(w.tokens[m]!.text) || w.tokens[m]!.text === "and")) m++;
        let cut = -1;
        for (let b = k + 1; b < m; b++) if (isBoundary(w, b) && m - (b + 1) >= 1) cut = b;
        // Prefer a cut that leaves a name of two or more tokens.
        for (let b = m - 3; b >= k + 1; b--) {
          if (isBoundary(w, b)) {
            cut = b;
            break;
          }
        }
        if (cut < 0) {
          i = k;
          continue;
        }
        const place = lookupCountry(w.slice(k + 1, cut + 1));
        if (place) {
          w.accept({
            start: w.tokens[k + 1]!.start,
            end: w.tokens[cut]!.end,
            type: "place",
            key: `place:country:${place.code}`,
            name: place.name,
            country: place.code,
            rule: "geo:country",
            confidence: 0.9,
          });
        }
        k = cut + 1;
        roleEnd = k;
      }
      // Honorifics after the title stay outside the name: "… Affairs Mullah Abdul Ghani Baradar".
      while (k < s.tokenEnd && honorifics.has(w.tokens[k]!.text.toLowerCase()) && isCap(w.tokens[k]!.text)) k++;
      const run = nameRun(w, k, s.tokenEnd);
      if (!run) {
        i = Math.max(i + 1, k);
        continue;
      }
      const [a, b] = run;
      if (notAName(w, a, b)) {
        i = b;
        continue;
      }
      const start = w.tokens[a]!.start;
      const end = w.tokens[b - 1]!.end;
      const name = w.text.slice(start, end).replace(/\s+/g, " ");
      const roleText = w.text.slice(t.start, w.tokens[roleEnd - 1]!.end).replace(/\s+/g, " ");
      const c: Candidate = {
        start,
        end,
        type: "person",
        key: personKey(name),
        name,
        rule: title ? "cue:title" : "cue:honorific",
        confidence: title ? 0.85 : 0.8,
        role: roleText,
        title: { start: t.start, end: w.tokens[roleEnd - 1]!.end },
      };
      const aff = affiliationBefore(w, i);
      if (aff) c.affiliation = aff;
      w.accept(c);
      i = b;
    }
  }
}

/** "Supreme National Security Council Ali-Akbar Ahmadian": an organisation glued to a name. */
export function orgAppositivePersons(w: Work): void {
  for (const org of [...w.accepted]) {
    if (org.type !== "organization" && org.type !== "armed_group") continue;
    const k = w.tokenAt(org.end);
    const ch = w.chunkOf[k];
    const prevCh = w.chunkOf[k - 1];
    // Only when wink merged organisation and name into one proper-noun chunk; never in a title-case
    // headline, where every word is capitalised ("Group Claims City Church Attack")
    if (!ch || ch !== prevCh || w.inHeadline(k)) continue;
    const run = nameRun(w, k, ch[1]);
    if (!run || run[1] - run[0] < 2 || run[1] !== ch[1]) continue;
    const start = w.tokens[run[0]]!.start;
    const end = w.tokens[run[1] - 1]!.end;
    const name = w.text.slice(start, end).replace(/\s+/g, " ");
    w.accept({
      start,
      end,
      type: "person",
      key: personKey(name),
      name,
      rule: "cue:org-appositive",
      confidence: 0.7,
      role: org.name,
      affiliation: org.name,
    });
  }
}

/** The words up to and including the first role noun among the next `max` words, if any. */
function roleNounPhrase(s: string, max: number): string | undefined {
  const words = s.split(/\s+/).slice(0, max);
  for (let i = 0; i < words.length; i++) {
    const bare = words[i]!.replace(/[^\p{L}-]/gu, "");
    if (lexicons().titles.appositiveNouns.has(bare.toLowerCase())) {
      return [...words.slice(0, i), bare].join(" ");
    }
    if (/[,.;:]$/.test(words[i]!)) return undefined;
  }
  return undefined;
}

let cueRegexps: { speechBefore: RegExp; speechAfter: RegExp; naming: RegExp } | undefined;

/** Cue regexps built once from the lexicon. */
function cueRe(): { speechBefore: RegExp; speechAfter: RegExp; naming: RegExp } {
  if (!cueRegexps) {
    const t = lexicons().titles;
    const speech = t.speechCues.join("|");
    cueRegexps = {
      speechBefore: new RegExp(`\\b(?:${speech})\\s+$`, "i"),
      speechAfter: new RegExp(`^\\s+(?:${speech})\\b`, "i"),
      naming: new RegExp(`(?:${t.namingCues.join("|")})\\s+$`, "i"),
    };
  }
  return cueRegexps;
}

function speechNear(before: string, after: string): boolean {
  return cueRe().speechBefore.test(before) || cueRe().speechAfter.test(after);
}

/** A chunk with no place, organisation, facility or title word in it. */
function plainName(w: Work, a: number, b: number): boolean {
  const lex = lexicons();
  const s = w.slice(a, b);
  if (geocode(s) || demonym(s)) return false;
  for (let i = a; i < b; i++) {
    const t = w.tokens[i]!.text;
    if (lex.orgHeads.has(t) || lex.facilityHeads.has(t) || lex.titles.nameStop.has(t)) return false;
    if (lex.titles.heads.has(t.toLowerCase()) || lex.titles.modifiers.has(t.toLowerCase())) return false;
    if (lookupCountry(t) || demonym(t)) return false;
    // A big city or province inside the chunk ("Kerman Attacks") means a headline, not a name.
    const g = lex.givenNames.has(t) ? undefined : geocode(t);
    if (g && (g.kind !== "city" || (findCities(g.name)[0]?.population ?? 0) >= 100_000)) return false;
  }
  return true;
}

/** Appositives, copulas and naming cues around a name chunk. */
export function cuedPersons(w: Work): void {
  for (const [a, b] of w.chunks) {
    const start = w.tokens[a]!.start;
    const end = w.tokens[b - 1]!.end;
    if (w.blocked(start, end) || b - a < 2 || b - a > 5 || w.inHeadline(a)) continue;
    const run = nameRun(w, a, b);
    if (!run || run[1] !== b) continue;
    const name = w.text.slice(start, end).replace(/\s+/g, " ");
    const after = w.text.slice(end, end + 80);
    const before = w.text.slice(Math.max(0, start - 60), start);
    let rule: string | undefined;
    let role: string | undefined;
    let country: string | undefined;
    // "X, a Tehran Times commentator" / "X, the group's spokesman"
    // With a determiner the role noun may come a few words later; without one it must come first
    // ("X, director of research at …").
    const app = /^\s*,\s+(?:a|an|the)\s+/u.exec(after);
    const bare = app ? undefined : /^\s*,\s+/u.exec(after);
    const appRole = app
      ? roleNounPhrase(after.slice(app[0].length), 6)
      : bare
        ? roleNounPhrase(after.slice(bare[0].length), 1)
        : undefined;
    if (appRole) {
      rule = "cue:appositive";
      role = appRole;
    }
    // "X is a tutor of …"
    const cop = /^\s+(?:is|was)\s+(?:a|an|the)\s+/u.exec(after);
    const copRole = !rule && cop ? roleNounPhrase(after.slice(cop[0].length), 4) : undefined;
    if (copRole) {
      rule = "cue:copula";
      role = copRole;
    }
    // "a Tajik national named X"
    const naming = cueRe().naming.exec(before);
    if (!rule && naming) {
      rule = "cue:named";
      const nat =
        /\b([\p{Lu}][\p{L}]+)\s+(?:national|citizen|man|woman|resident|suspect)\s+(?:named|called|identified as)\s+$/u.exec(
          before,
        );
      const d = nat ? demonym(nat[1]!) : undefined;
      if (d?.country) country = d.country;
    }
    // Speech: "said Colin Clarke", "Colin Clarke told reporters" — only for names nothing else explains.
    if (!rule && speechNear(before, after) && plainName(w, a, b)) rule = "cue:speech";
    if (!rule) continue;
    const c: Candidate = {
      start,
      end,
      type: "person",
      key: personKey(name),
      name,
      rule,
      confidence: rule === "cue:speech" ? 0.6 : 0.75,
    };
    if (role) c.role = role;
    if (country) {
      c.country = country;
      c.affiliation = countryByCode(country)?.name ?? country;
    }
    w.accept(c);
  }
}

/** Weakest person cue: a known given name opening a 2–4 token chunk nobody else claimed. */
export function givenNamePersons(w: Work): void {
  const lex = lexicons();
  for (const [a, b] of w.chunks) {
    if (b - a < 2 || b - a > 5 || w.inHeadline(a)) continue;
    let k = a;
    while (k < b && lex.titles.honorifics.has(w.tokens[k]!.text.toLowerCase())) k++;
    if (!lex.givenNames.has(w.tokens[k]?.text ?? "")) continue;
    const run = nameRun(w, k, b);
    if (!run || run[1] !== b || b - k < 2) continue;
    const start = w.tokens[k]!.start;
    const end = w.tokens[b - 1]!.end;
    if (w.blocked(start, end)) continue;
    const words = w.text.slice(start, end).split(/\s+/);
    if (words.some((x) => lex.orgHeads.has(x) || lex.facilityHeads.has(x))) continue;
    if (lookupCountry(w.text.slice(start, end))) continue;
    const name = words.join(" ");
    w.accept({ start, end, type: "person", key: personKey(name), name, rule: "lexicon:given-name", confidence: 0.6 });
  }
}
