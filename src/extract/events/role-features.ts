// Features of one participant the role rules found (roles.ts, arguments.ts), for the learned role check
// (role-model.ts): what the phrase is (head word and its lexicon classes, a pronoun, a number), where it sits
// (before or after the trigger, the word before it) and what event it fills (type, trigger word, modality).
// They read only the event record and the text, so training (scripts/train-roles.ts) computes them from the
// product's own output exactly as extraction does.
import type { Event, Participant } from "../../model/records.js";
import { headClasses } from "./roles.js";

/** The roles the model checks. Victims are left alone: the training keys name only people as victims. */
export const CHECKED_ROLES = ["attacker", "target", "weapon"] as const;
/** The model's classes: "none" first (not a filler of any checked role), then the checked roles. */
export const ROLE_CLASSES = ["none", ...CHECKED_ROLES] as const;

const POSTMOD = new Set(["of", "in", "from", "at", "on", "with", "who", "that", "which"]);
const PRONOUNS = new Set(["he", "she", "they", "we", "him", "them", "us", "it"]);
const DETS = new Set(["the", "a", "an", "some", "several", "two", "three", "his", "her", "their", "its", "our"]);

/** Lower-cased words of a phrase. */
function wordsOf(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'’ -]+/gu, " ")
    .split(/\s+/)
    .filter(Boolean);
}

/** The head word: the last word before a post-modifier ("members of the front" → "members"). */
export function headOf(text: string): string {
  const w = wordsOf(text);
  let end = w.length;
  for (let i = 1; i < w.length; i++) {
    if (POSTMOD.has(w[i]!)) {
      end = i;
      break;
    }
  }
  return w[end - 1] ?? "";
}

const bucket = (n: number): string => (n <= 1 ? "1" : n <= 2 ? "2" : n <= 4 ? "3-4" : "5+");

/** Feature strings of a participant of an event in a document whose text is `text`. */
export function roleFeatures(text: string, ev: Event, p: Participant): string[] {
  const r = p.role;
  const head = headOf(p.text);
  const w = wordsOf(p.text);
  const trig = wordsOf(ev.trigger.text).pop() ?? "";
  const start = p.span?.start ?? ev.trigger.start;
  const before = wordsOf(text.slice(Math.max(0, start - 30), start)).pop() ?? "^";
  const side = start < ev.trigger.start ? "before" : "after";
  const gap = Math.abs(start - ev.trigger.start);
  const f = [
    "bias",
    `r=${r}`,
    `h=${head}`,
    `rh=${r}|${head}`,
    `t=${trig}`,
    `rt=${r}|${trig}`,
    `ty=${r}|${ev.type}|${ev.subtype ?? ""}`,
    `mod=${r}|${ev.modality}`,
    `sal=${r}|${String(ev.attributes?.salience ?? "")}`,
    `side=${r}|${side}`,
    `gap=${r}|${gap < 15 ? "near" : gap < 60 ? "mid" : "far"}`,
    `prev=${r}|${before}`,
    `len=${r}|${bucket(w.length)}`,
    `ent=${r}|${p.entity ? "yes" : "no"}`,
  ];
  for (const c of headClasses(head)) f.push(`hc=${r}|${c}`);
  if (!headClasses(head).size) f.push(`hc=${r}|unknown`);
  if (PRONOUNS.has(head)) f.push(`pron=${r}`);
  if (w.some((x) => /\d/.test(x))) f.push(`num=${r}`);
  if (DETS.has(w[0] ?? "")) f.push(`det=${r}|${w[0]}`);
  if (w.includes("of")) f.push(`of=${r}`);
  if (/s$/.test(head)) f.push(`plural=${r}`);
  return f;
}
