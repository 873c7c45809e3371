// Who cannot be the doer of an attack the report tells. The frame and entity rules read the subject
// of a sentence, or the nearest group before a trigger, as its attacker; in news copy that is often
// the one speaking about the attack ("the Pope decried the attack by gunmen"), the outlet reporting it,
// a ministry or a police force responding to it, or the victims themselves in a headline. Such an
// attacker or claimant is dropped. Lexicon: data/lexicons/actors.json.
import type { Entity, Participant } from "../../model/records.js";
import type { ExtractContext } from "../context.js";
import { loadData } from "../data.js";

interface ActorLexicon {
  speakerTitles: string[];
  officeWords: string[];
  notDoerHeads: string[];
  responseVerbs: string[];
  defenceVerbs: string[];
  speechVerbs: string[];
}

interface Compiled {
  titles: RegExp;
  offices: RegExp;
  notDoer: Set<string>;
  response: RegExp;
  defence: RegExp;
  speech: RegExp;
}

const alt = (xs: string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"))
    .join("|");

let compiled: Compiled | undefined;
function lexicon(): Compiled {
  if (compiled) return compiled;
  const l = loadData<ActorLexicon>("lexicons/actors.json");
  compiled = {
    titles: new RegExp(`\\b(?:${alt(l.speakerTitles)})\\b`, "i"),
    offices: new RegExp(`\\b(?:${alt(l.officeWords)})\\b`, "i"),
    notDoer: new Set(l.notDoerHeads),
    response: new RegExp(`\\b(?:${alt(l.responseVerbs)})\\b`, "gi"),
    // "rockets intercepted by the army", "an attack, repelled by police,": the by-phrase is the defender
    defence: new RegExp(`\\b(?:${alt(l.defenceVerbs)})\\s+(?:[\\w'’-]+\\s+){0,3}?by\\s+(?:the\\s+)?$`, "i"),
    speech: new RegExp(`^(?:${alt(l.speechVerbs)})$`, "i"),
  };
  return compiled;
}

const DOER_ROLES = new Set(["attacker", "claimant"]);
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** A news outlet: a media gazetteer entry, or the outlet the document comes from. */
function isOutlet(ctx: ExtractContext, e: Entity): boolean {
  if (e.rule?.startsWith("gazetteer:media-outlets")) return true;
  // the document's own outlet, named as an organisation ("Daily Pakistan" is not the state it names)
  const outlet = ctx.doc.outlet
    ? norm(ctx.doc.outlet)
        .replace(/\s*\([^)]*\)\s*/g, " ")
        .trim()
    : "";
  if (!outlet || e.type !== "organization") return false;
  return [e.name, ...e.aliases].some((n) => norm(n) === outlet);
}

/** Whether a participant may stand as the doer of the event triggered at `triggerStart`. */
const CASUALTY = new Set(["death", "injury"]);

function mayBeDoer(ctx: ExtractContext, p: Participant, triggerStart: number, type: string): boolean {
  const lex = lexicon();
  const e = p.entity ? ctx.entities.find((x) => x.id === p.entity) : undefined;
  if (e && e.type !== "armed_group") {
    if (isOutlet(ctx, e)) return false;
    // a person named with an office ("Interior Minister …", "Pope …") speaks about attacks
    if (e.type === "person" && e.role && lex.titles.test(e.role)) return false;
    // ministries, police forces, hospitals: they report and respond
    if (e.type === "organization" && lex.offices.test(e.name)) return false;
  }
  const words = p.text.toLowerCase().split(/\s+/);
  const head = words[words.length - 1]?.replace(/[^\p{L}-]/gu, "") ?? "";
  // "no group has claimed …": a negated doer is nobody
  if (words[0] === "no" || words[0] === "none") return false;
  if (!e && lex.notDoer.has(head)) return false;
  // "Nine people killed in blast": a counted group right before a death or injury word is its victims
  if (
    CASUALTY.has(type) &&
    /^(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)/i.test(p.text)
  ) {
    if (
      p.span &&
      p.span.end <= triggerStart &&
      /^\s*(?:were|are|have\s+been)?\s*$/i.test(ctx.doc.text.slice(p.span.end, triggerStart))
    )
      return false;
  }
  if (p.span && p.span.start >= triggerStart) {
    const between = ctx.doc.text.slice(triggerStart, p.span.start);
    if (!/[.;!?]/.test(between) && lex.defence.test(between)) return false;
  }
  // the subject of a speech or response verb told before the trigger
  // ("X said they struck …", "X said it carried out …": the speaker names itself as the doer)
  if (p.span && p.span.end <= triggerStart) {
    const between = ctx.doc.text.slice(p.span.end, triggerStart);
    const selfNamed =
      /\b(?:said|says|announced|claimed|stated|confirmed)\s+(?:that\s+)?(?:it|they|we)\b|\b(?:it|they|we)\s+(?:said|say|says|claimed)\b|\bclaim(?:ed|ing|s)?\s+to\s+have\b/i.test(
        between,
      );
    // an armed group reporting an attack reports its own ("the front says a column attacked"); condemning
    // or blaming it, it speaks of someone else's
    const verbs = [...between.matchAll(lex.response)].map((m) => m[0]);
    const groupReport = e?.type === "armed_group" && verbs.every((v) => lex.speech.test(v));
    if (!/[.;!?]/.test(between) && !selfNamed && !groupReport && verbs.length) return false;
  }
  return true;
}

/** The participants without the speakers, outlets, officials and responders read as doers. */
export function withoutFalseDoers(
  ctx: ExtractContext,
  ps: Participant[],
  triggerStart: number,
  type: string,
): Participant[] {
  return ps.filter((p) => !DOER_ROLES.has(p.role) || mayBeDoer(ctx, p, triggerStart, type));
}
