// Claims and reported speech: quoted speech (a quote plus a speech verb), indirect speech ("X said
// that …", "according to X"), claims of responsibility, accusations ("accused X of"), attributions
// ("Israel financed it", "claims of Israeli involvement") and denials. Every claim keeps the cue
// span and the content span so an analyst can check the wording.
import type { Claim, Event, Mention } from "../../model/records.js";
import { type ExtractContext, entityOf, mentionsIn, type QuoteSpan, type SentenceCtx } from "../context.js";
import { isPunct, phraseAt, type Word, words } from "../counts/words.js";
import { type SpeechLexicon, speechLexicon } from "./lexicon.js";
import { speakerAfter, speakerBefore } from "./speaker.js";

export interface ClaimsResult {
  claims: Claim[];
  /** Quotes attributed to a speaker, and pull quotes; the judgments layer uses both. */
  attributedQuotes: QuoteSpan[];
  pullQuotes: QuoteSpan[];
}

const PRONOUN = new Set(["he", "she", "they", "it", "officials", "the group", "the ministry"]);
const TARGET_KINDS: ReadonlySet<string> = new Set(["person", "organization", "armed_group", "state", "nationality"]);
const GROUP_KINDS: ReadonlySet<string> = new Set(["armed_group", "organization"]);

type Draft = Omit<Claim, "id" | "doc" | "about" | "stance"> & { stance?: Claim["stance"] };

function span(ctx: ExtractContext, start: number, end: number) {
  return { doc: ctx.doc.id, start, end, text: ctx.doc.text.slice(start, end) };
}

function isPullQuote(text: string, q: QuoteSpan): boolean {
  const lineStart = text.lastIndexOf("\n", q.start - 1) + 1;
  let lineEnd = text.indexOf("\n", q.end);
  if (lineEnd < 0) lineEnd = text.length;
  return text.slice(lineStart, q.start).trim() === "" && /^[\s.,]*$/.test(text.slice(q.end, lineEnd));
}

function inner(q: QuoteSpan): { start: number; end: number } {
  return { start: q.start + 1, end: Math.max(q.start + 1, q.end - 1) };
}

function withSpeaker(d: Draft, m: Mention | undefined): Draft {
  if (m) {
    d.speakerText = m.text;
    if (m.entity) d.speaker = m.entity;
  }
  return d;
}

/** The last speaker-like mention in earlier sentences of the paragraph, for "he said". */
function pronounAntecedent(ctx: ExtractContext, s: SentenceCtx): Mention | undefined {
  for (let i = s.index - 1; i >= 0; i--) {
    const p = ctx.sentences[i]!;
    if (p.paragraph !== s.paragraph) break;
    const ms = mentionsIn(ctx, p.start, p.end).filter((m) => m.kind === "person" || GROUP_KINDS.has(m.kind));
    if (ms.length) return ms[ms.length - 1];
  }
  return undefined;
}

function outsideQuotes(ctx: ExtractContext, w: Word): boolean {
  return !ctx.quotes.some((q) => q.start <= w.start && w.end <= q.end);
}

function quotedClaims(ctx: ExtractContext, s: SentenceCtx, ws: Word[], used: Set<number>, res: ClaimsResult): Draft[] {
  const lex = speechLexicon();
  const out: Draft[] = [];
  const quotes = ctx.quotes.filter((q) => q.start >= s.start && q.start < s.end);
  for (const q of quotes) {
    const content = inner(q);
    if (isPullQuote(ctx.doc.text, q)) {
      res.pullQuotes.push(q);
      out.push({
        kind: "speech",
        cue: span(ctx, q.start, q.start + 1),
        content: span(ctx, content.start, content.end),
        quoted: true,
        rule: "claim:pull-quote",
        confidence: 0.3,
      });
      continue;
    }
    // the speech verb: nearest before the quote, else just after it (inversion)
    let verbIdx = -1;
    let inverted = false;
    for (let i = ws.length - 1; i >= 0; i--) {
      const w = ws[i]!;
      if (w.end > q.start) continue;
      if (lex.speech.has(w.lower) && outsideQuotes(ctx, w)) {
        verbIdx = i;
        break;
      }
    }
    if (verbIdx < 0) {
      const after = ws.filter((w) => w.start >= q.end).slice(0, 6);
      const v = after.find((w) => lex.speech.has(w.lower));
      if (v) {
        verbIdx = ws.indexOf(v);
        inverted = true;
      }
    }
    if (verbIdx < 0) continue; // a scare quote
    const verb = ws[verbIdx]!;
    used.add(verb.start);
    let speaker: Mention | undefined;
    let rule = inverted ? "claim:quote:inverted" : "claim:quote";
    if (inverted) {
      speaker =
        speakerAfter(ctx, s, verb.end) ??
        mentionsIn(ctx, q.end, verb.start).find(
          (m) => m.kind === "person" || GROUP_KINDS.has(m.kind) || m.kind === "state",
        );
    } else {
      speaker = speakerBefore(ctx, s, verb.start);
    }
    const prev = ws[verbIdx - 1]?.lower ?? "";
    if (!speaker && PRONOUN.has(prev)) {
      speaker = pronounAntecedent(ctx, s);
      rule += ":pronoun";
    }
    const denial = lex.denial.has(verb.lower);
    const accusation = lex.accusation.has(verb.lower);
    res.attributedQuotes.push(q);
    out.push(
      withSpeaker(
        {
          kind: denial ? "denial" : accusation ? "accusation" : "speech",
          cue: span(ctx, verb.start, verb.end),
          content: span(ctx, content.start, content.end),
          quoted: true,
          stance: denial ? "deny" : "assert",
          rule,
          confidence: speaker ? 0.8 : 0.5,
        },
        speaker,
      ),
    );
  }
  return out;
}

function sentenceEnd(s: SentenceCtx): number {
  let e = s.end;
  while (e > s.start && /[\s.!?]/.test(s.text[e - s.start - 1]!)) e--;
  return e;
}

function indirectClaims(ctx: ExtractContext, s: SentenceCtx, ws: Word[], used: Set<number>): Draft[] {
  const lex = speechLexicon();
  const out: Draft[] = [];
  const end = sentenceEnd(s);
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (used.has(w.start) || !outsideQuotes(ctx, w)) continue;
    // "according to X, …" / "…, according to X"
    if (w.lower === "according" && ws[i + 1]?.lower === "to") {
      const cueEnd = ws[i + 1]!.end;
      const speaker = speakerAfter(ctx, s, cueEnd);
      const comma = ws.slice(i + 2).find((x) => x.text === ",");
      const [cs, ce] = i <= 1 && comma ? [comma.end + 1, end] : [s.start, Math.max(s.start, w.start - 2)];
      out.push(
        withSpeaker(
          {
            kind: "speech",
            cue: span(ctx, w.start, cueEnd),
            content: span(ctx, cs, ce),
            quoted: false,
            rule: "claim:according-to",
            confidence: speaker ? 0.75 : 0.45,
          },
          speaker,
        ),
      );
      continue;
    }
    if (!lex.indirect.has(w.lower)) continue;
    const next = ws[i + 1];
    // "X claimed that …"
    if (next?.lower === "that") {
      const speaker = speakerBefore(ctx, s, w.start);
      const denial = lex.denial.has(w.lower);
      const cs = next.end + 1;
      if (cs >= end) continue;
      out.push(
        withSpeaker(
          {
            kind: denial ? "denial" : "speech",
            cue: span(ctx, w.start, w.end),
            content: span(ctx, cs, end),
            quoted: false,
            stance: denial ? "deny" : "assert",
            rule: "claim:indirect:that",
            confidence: speaker ? 0.75 : 0.45,
          },
          speaker,
        ),
      );
      continue;
    }
    // "…, the ministry said." at the end of the sentence
    const rest = ws.slice(i + 1).filter((x) => !isPunct(x));
    if (lex.inversion.has(w.lower) && rest.length <= 3) {
      const comma = [...ws.slice(0, i)].reverse().find((x) => x.text === ",");
      if (!comma) continue;
      const speaker =
        mentionsIn(ctx, comma.end, w.start).find(
          (m) => m.kind === "person" || GROUP_KINDS.has(m.kind) || m.kind === "state",
        ) ?? speakerAfter(ctx, s, w.end);
      if (!speaker) continue;
      out.push(
        withSpeaker(
          {
            kind: "speech",
            cue: span(ctx, w.start, w.end),
            content: span(ctx, s.start, comma.start),
            quoted: false,
            rule: "claim:indirect:final",
            confidence: 0.7,
          },
          speaker,
        ),
      );
    }
  }
  return out;
}

const NEGATION = /\b(?:no|not|never|nobody|none|n't|yet to)\b[^.]*$/i;
/** "no media accounts of any group claiming …": the negation reaches the cue through "any". */
const NEGATED_ANY = /\b(?:no|not|never|without)\b[^.;]*\bany\s+(?:\w+\s+){0,2}$/i;

/** Words a claimant's name may contain between its capitalised words ("Front for the Liberation of"). */
const NAME_JOINERS = new Set(["of", "for", "the", "al", "el", "ad", "ud", "and", "de", "la"]);
const NOT_NAMES = new Set(["it", "they", "he", "she", "we", "the", "a", "an", "this", "that", "no", "police"]);

/** A capitalised name phrase ending at word index j (inclusive), walking left; undefined if none. */
function nameBefore(ws: Word[], j: number): { start: number; end: number } | undefined {
  let k = j;
  let caps = 0;
  while (k >= 0 && j - k < 9) {
    const w = ws[k]!;
    if (/^\p{Lu}/u.test(w.text)) caps++;
    else if (!NAME_JOINERS.has(w.lower) && !/^['’]s?$/.test(w.text)) break;
    k--;
  }
  let a = k + 1;
  // trim joiners and articles at the left edge ("the Black September" → "Black September")
  while (a <= j && (NAME_JOINERS.has(ws[a]!.lower) || NOT_NAMES.has(ws[a]!.lower))) a++;
  if (a > j || caps === 0 || !/^\p{Lu}/u.test(ws[a]!.text) || NOT_NAMES.has(ws[j]!.lower)) return undefined;
  return { start: ws[a]!.start, end: ws[j]!.end };
}

/** A capitalised name phrase starting at word index i, walking right ("by the Damascus-based PFLP"). */
function nameAfter(ws: Word[], i: number): { start: number; end: number } | undefined {
  let a = i;
  while (a < ws.length && NOT_NAMES.has(ws[a]!.lower)) a++;
  let b = a;
  while (b < ws.length && b - a < 9) {
    const w = ws[b]!;
    if (!/^\p{Lu}/u.test(w.text) && !(NAME_JOINERS.has(w.lower) && /^\p{Lu}/u.test(ws[b + 1]?.text ?? ""))) break;
    b++;
  }
  if (b === a) return undefined;
  return { start: ws[a]!.start, end: ws[b - 1]!.end };
}

function responsibilityClaims(ctx: ExtractContext, s: SentenceCtx, ws: Word[]): Draft[] {
  const lex = speechLexicon();
  const out: Draft[] = [];
  const end = sentenceEnd(s);
  for (let i = 0; i < ws.length; i++) {
    const n = phraseAt(ws, i, lex.responsibility, 6);
    if (!n) continue;
    const cue = { start: ws[i]!.start, end: ws[i + n - 1]!.end };
    const before = ctx.doc.text.slice(Math.max(s.start, cue.start - 30), cue.start);
    const wide = ctx.doc.text.slice(Math.max(s.start, cue.start - 60), cue.start);
    if (NEGATION.test(before) || NEGATED_ANY.test(wide)) {
      i += n - 1;
      continue; // "no group has claimed responsibility"
    }
    // "… was claimed by the PFLP": the claimant follows the cue
    const passive = ws[i + n - 1]!.lower === "by";
    let speaker: Mention | undefined;
    let named: { start: number; end: number } | undefined;
    if (passive) {
      const m = speakerAfter(ctx, s, cue.end);
      speaker = m && GROUP_KINDS.has(m.kind) && m.start - cue.end <= 30 ? m : undefined;
      if (!speaker && !m) named = nameAfter(ws, i + n);
    } else {
      speaker = speakerBefore(ctx, s, cue.start);
      if (speaker && !GROUP_KINDS.has(speaker.kind))
        speaker = undefined; // a person or state taking credit
      else if (!speaker) {
        const groups = mentionsIn(ctx, s.start, cue.start).filter(
          (m) => m.kind === "armed_group" && !ctx.quotes.some((q) => q.start <= m.start && m.end <= q.end),
        );
        speaker = groups[groups.length - 1];
        // a group the gazetteer does not know: the capitalised subject right before the cue
        // ("Black September claimed responsibility"), unless an actor mention sits there
        if (!speaker && !mentionsIn(ctx, s.start, cue.start).some((m) => m.end >= cue.start - 2))
          named = nameBefore(ws, i - 1);
      }
    }
    if (!speaker && !named) {
      i += n - 1;
      continue; // credit taken by a person or state is not a responsibility claim for an attack
    }
    const d: Draft = {
      kind: "responsibility",
      cue: span(ctx, cue.start, cue.end),
      content: span(ctx, passive ? s.start : cue.start, passive ? cue.start : end),
      quoted: false,
      rule: speaker ? (passive ? "claim:responsibility:passive" : "claim:responsibility") : "claim:responsibility:name",
      confidence: speaker ? 0.85 : 0.65,
    };
    if (speaker) {
      withSpeaker(d, speaker);
      const claimant = outletsGroup(ctx, s, speaker);
      if (claimant) d.target = claimant;
    } else if (named) {
      d.speakerText = ctx.doc.text.slice(named.start, named.end);
    }
    out.push(d);
    i += n - 1;
  }
  return out;
}

/**
 * The group a responsibility claim is for. A news agency that voices a group's claims ("the group's
 * news agency said …", "<agency>, the propaganda arm of <group>, said …") is the speaker, never the
 * claimant: the group named in its sentence is; with none named, the claim names no claimant.
 */
function outletsGroup(ctx: ExtractContext, s: SentenceCtx, speaker: Mention): string | undefined {
  const e = speaker.entity ? entityOf(ctx, speaker) : undefined;
  if (!e?.rule?.startsWith("gazetteer:media-outlets")) return speaker.entity;
  const groups = mentionsIn(ctx, s.start, s.end).filter((m) => m.kind === "armed_group" && m.entity);
  groups.sort((a, b) => Math.abs(a.start - speaker.start) - Math.abs(b.start - speaker.start));
  return groups[0]?.entity;
}

function targetAfter(ctx: ExtractContext, s: SentenceCtx, pos: number): Mention | undefined {
  const m = mentionsIn(ctx, pos, s.end).find((x) => TARGET_KINDS.has(x.kind));
  return m && m.start - pos <= 40 ? m : undefined;
}

function accusationClaims(ctx: ExtractContext, s: SentenceCtx, ws: Word[]): Draft[] {
  const lex = speechLexicon();
  const out: Draft[] = [];
  const end = sentenceEnd(s);
  for (let i = 0; i < ws.length; i++) {
    const n = phraseAt(ws, i, lex.accusation, 4);
    if (!n) continue;
    const cue = { start: ws[i]!.start, end: ws[i + n - 1]!.end };
    const target = targetAfter(ctx, s, cue.end);
    const d = withSpeaker(
      {
        kind: "accusation",
        cue: span(ctx, cue.start, cue.end),
        content: span(ctx, cue.start, end),
        quoted: false,
        rule: "claim:accusation",
        confidence: target ? 0.75 : 0.5,
      },
      speakerBefore(ctx, s, cue.start),
    );
    if (target?.entity) d.target = target.entity;
    out.push(d);
    i += n - 1;
  }
  return out;
}

/** Length of a role phrase at word i ("played a decisive role", "had a hand"), else 0. */
function roleAt(ws: Word[], i: number, lex: SpeechLexicon): number {
  const r = lex.attributionRole;
  if (!r.verbs.has(ws[i]?.lower ?? "") || !r.determiners.has(ws[i + 1]?.lower ?? "")) return 0;
  for (let j = i + 2; j <= i + 2 + r.maxModifiers && j < ws.length; j++) {
    const w = ws[j]!;
    if (isPunct(w)) return 0;
    if (r.nouns.has(w.lower)) return j - i + 1;
  }
  return 0;
}

function attributionClaims(ctx: ExtractContext, s: SentenceCtx, ws: Word[], enclosing: Draft[]): Draft[] {
  const lex = speechLexicon();
  const out: Draft[] = [];
  const text = ctx.doc.text;
  const end = sentenceEnd(s);
  const doubt = lex.doubt.some((c) => s.text.toLowerCase().includes(c));
  const targets = mentionsIn(ctx, s.start, s.end).filter((m) => TARGET_KINDS.has(m.kind));
  const push = (target: Mention, cue: { start: number; end: number }, rule: string) => {
    const holder = enclosing.find(
      (c) => c.content.start <= cue.start && cue.end <= c.content.end && c.kind !== "responsibility",
    );
    const d: Draft = {
      kind: "attribution",
      cue: span(ctx, cue.start, cue.end),
      content: span(ctx, target.start, Math.max(cue.end, holder ? Math.min(holder.content.end, end) : end)),
      quoted: holder?.quoted ?? false,
      stance: doubt ? "doubt" : "assert",
      rule,
      confidence: holder?.speaker ? 0.75 : 0.6,
    };
    if (holder?.speaker) d.speaker = holder.speaker;
    if (holder?.speakerText) d.speakerText = holder.speakerText;
    if (target.entity) d.target = target.entity;
    out.push(d);
  };
  for (let i = 0; i < ws.length; i++) {
    const verbN = phraseAt(ws, i, lex.attributionAfter, 4) || roleAt(ws, i, lex);
    if (verbN) {
      const cue = { start: ws[i]!.start, end: ws[i + verbN - 1]!.end };
      // the blamed actor sits right before the verb: "Israel financed it"
      const t = [...targets]
        .reverse()
        .find((m) => m.end <= cue.start && /^\s*(?:[\w’'-]+\s+){0,1}$/.test(text.slice(m.end, cue.start)));
      if (t) push(t, cue, "claim:attribution:verb");
      i += verbN - 1;
      continue;
    }
    if (lex.attributionNouns.has(ws[i]!.lower)) {
      const cue = { start: ws[i]!.start, end: ws[i]!.end };
      // "Israeli and American responsibility", "Israel's involvement": the actor directly before
      // the noun, plus any actors coordinated with it
      let cursor = cue.start;
      let gap = /^(?:['’]s?)?\s*$/;
      for (const t of [...targets].reverse()) {
        if (t.end > cursor) continue;
        if (!gap.test(text.slice(t.end, cursor))) break;
        push(t, cue, "claim:attribution:noun");
        cursor = t.start;
        gap = /^(?:['’]s?)?\s*(?:,|and|or|,\s*and)\s*$/;
      }
    }
  }
  return out;
}

/** "the attack", "this bombing", "the Sunday shooting": a trigger that refers back to an event told before. */
const BACK_REFERENCE =
  /\b(?:the|this|these|that|those|its|their|today['’]s|sunday['’]s|monday['’]s|tuesday['’]s|wednesday['’]s|thursday['’]s|friday['’]s|saturday['’]s)\s+(?:[\w’'-]+\s+){0,3}$/i;

function aboutEvents(c: Draft, s: SentenceCtx, events: Event[], text: string): string[] {
  const inContent = events.filter((e) => e.trigger.start >= c.content.start && e.trigger.end <= c.content.end);
  // "X claimed responsibility for the attack": a claim about an attack the report refers back to is
  // about the report's main event, which comes first
  const main = events.find((e) => e.attributes.salience === "main");
  const backRefs =
    c.kind === "responsibility" &&
    inContent.length > 0 &&
    inContent.every((e) => BACK_REFERENCE.test(text.slice(Math.max(s.start, e.trigger.start - 40), e.trigger.start)));
  if (main && backRefs && !inContent.includes(main)) return [main.id, ...inContent.map((e) => e.id)];
  if (inContent.length) return inContent.map((e) => e.id);
  if (c.kind === "responsibility" || c.kind === "attribution" || c.kind === "accusation")
    return events.filter((e) => e.sentence?.start === s.start && e.type === "attack").map((e) => e.id);
  return [];
}

/** All claims of a document; ids `${doc.id.slice(0,12)}:cl${n}`. `events` fills Claim.about. */
export function extractClaims(ctx: ExtractContext, events: Event[] = []): ClaimsResult {
  const res: ClaimsResult = { claims: [], attributedQuotes: [], pullQuotes: [] };
  const prefix = ctx.doc.id.slice(0, 12);
  let n = 0;
  for (const s of ctx.sentences) {
    const ws = words(s.text, s.start);
    const used = new Set<number>();
    const drafts = [...quotedClaims(ctx, s, ws, used, res), ...indirectClaims(ctx, s, ws, used)];
    drafts.push(...responsibilityClaims(ctx, s, ws), ...accusationClaims(ctx, s, ws));
    drafts.push(...attributionClaims(ctx, s, ws, drafts));
    drafts.sort((a, b) => a.cue.start - b.cue.start);
    for (const d of drafts) {
      res.claims.push({
        ...d,
        id: `${prefix}:cl${n++}`,
        doc: ctx.doc.id,
        about: aboutEvents(d, s, events, ctx.doc.text),
        stance: d.stance ?? "assert",
      });
    }
  }
  return res;
}
