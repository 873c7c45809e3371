// Perpetrators across sentences: "The guerrillas entered the town at dawn. They burned the town hall." The doer
// of the second attack is "they"; the document says who that is a sentence earlier. A pronoun doer takes the
// nearest earlier phrase that can do an attack (an attacker or organisation noun, a group, or for "he" / "she"
// a person), in its own sentence or the two before it, as its `antecedent` (and that phrase's entity); the
// participant's span stays on the pronoun, where the role is stated. With none in reach it stays as written.
import type { Event, Mention, Participant } from "../../model/records.js";
import { type ExtractContext, mentionsIn } from "../context.js";
import { type NounPhrase, nounPhrases, tokenRange } from "./noun-phrases.js";
import { headClasses } from "./roles.js";

const DOER_ROLES = new Set(["attacker", "agent"]);
const PLURAL = new Set(["they", "them"]);
const SINGULAR = new Set(["he", "she", "him"]);
const GROUP_KINDS = new Set(["armed_group", "organization"]);
/** Sentences before the pronoun's own that are searched. */
const REACH = 2;

interface Antecedent {
  np: NounPhrase;
  mention?: Mention;
}

/** The mention at a phrase's head word, if any. */
function headMention(ctx: ExtractContext, np: NounPhrase): Mention | undefined {
  const h = ctx.tokens?.[np.head];
  if (!h) return undefined;
  return mentionsIn(ctx, np.start, np.end).find((m) => m.start <= h.start && h.start < m.end);
}

function fits(ctx: ExtractContext, np: NounPhrase, plural: boolean): Antecedent | undefined {
  if (PLURAL.has(np.headText) || SINGULAR.has(np.headText)) return undefined;
  const mention = headMention(ctx, np);
  const cls = headClasses(np.headText);
  if (cls.has("weapon") || cls.has("event") || cls.has("facility")) return undefined;
  if (plural) {
    if (mention && GROUP_KINDS.has(mention.kind)) return { np, mention };
    if (mention) return undefined;
    return cls.has("attacker") || cls.has("organization") ? { np } : undefined;
  }
  if (mention?.kind === "person") return { np, mention };
  return !mention && cls.has("attacker") && !/s$/.test(np.headText) ? { np } : undefined;
}

/** The nearest fitting phrase before `pos`, from the pronoun's sentence back over REACH sentences. */
function antecedentOf(ctx: ExtractContext, pos: number, plural: boolean): Antecedent | undefined {
  const tokens = ctx.tokens;
  if (!tokens) return undefined;
  const at = ctx.sentences.findIndex((s) => s.start <= pos && pos < s.end);
  if (at < 0) return undefined;
  for (let i = at; i >= Math.max(0, at - REACH); i--) {
    const s = ctx.sentences[i]!;
    const [a, b] = tokenRange(tokens, s.start, Math.min(s.end, pos));
    const nps = nounPhrases(tokens, a, b, ctx.doc.text).filter((np) => np.end <= pos);
    for (let k = nps.length - 1; k >= 0; k--) {
      const hit = fits(ctx, nps[k]!, plural);
      if (hit) return hit;
    }
  }
  return undefined;
}

function resolved(ctx: ExtractContext, p: Participant): Participant {
  const word = p.text.toLowerCase();
  const plural = PLURAL.has(word);
  if (!plural && !SINGULAR.has(word)) return p;
  if (!p.span) return p;
  const ante = antecedentOf(ctx, p.span.start, plural);
  if (!ante) return p;
  const { np, mention } = ante;
  const out: Participant = { ...p, antecedent: { doc: ctx.doc.id, start: np.start, end: np.end, text: np.text } };
  if (mention?.entity) out.entity = mention.entity;
  return out;
}

/** Pronoun doers of the events linked to the phrase they refer to (in place; the same array is returned). */
export function withPronounDoers(ctx: ExtractContext, events: Event[]): Event[] {
  for (const ev of events)
    ev.participants = ev.participants.map((p) => (DOER_ROLES.has(p.role) ? resolved(ctx, p) : p));
  return events;
}
