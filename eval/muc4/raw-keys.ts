// Parser for the original MUC-3/4 answer-key files (raw/*/key-*): numbered slots "N.  NAME  value",
// continuation lines for further fillers, " / " between alternatives, "?" for optional fillers,
// "-" for an empty slot, "*" for an irrelevant message, and "(OPTIONAL)" templates.
// Also reads datelines from the raw text files, the only publication dates MUC-4 gives.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { DateValue } from "../../src/model/records.js";
import { parseMucDate } from "./muc-dates.js";

/** One filler line of a slot: its alternatives, and whether the key marks it optional ("?"). */
export interface KeyFiller {
  alternatives: string[];
  optional: boolean;
}

export interface KeyTemplate {
  messageId: string;
  template: string;
  optional: boolean;
  /** The message has no relevant incident (key template of "*"). */
  irrelevant: boolean;
  /** Slot number → filler lines ("-" lines are dropped, so an empty slot is []). */
  slots: Map<number, KeyFiller[]>;
}

export const SLOT_NAMES: Record<number, string> = {
  2: "INCIDENT: DATE",
  3: "INCIDENT: LOCATION",
  4: "INCIDENT: TYPE",
  5: "INCIDENT: STAGE OF EXECUTION",
  6: "INCIDENT: INSTRUMENT ID",
  7: "INCIDENT: INSTRUMENT TYPE",
  9: "PERP: INDIVIDUAL ID",
  10: "PERP: ORGANIZATION ID",
  11: "PERP: ORGANIZATION CONFIDENCE",
  12: "PHYS TGT: ID",
  18: "HUM TGT: NAME",
  19: "HUM TGT: DESCRIPTION",
  23: "HUM TGT: EFFECT OF INCIDENT",
};

/** Split on " / " outside double quotes (quoted strings may themselves contain a slash). */
export function splitAlternatives(value: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inQuote = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === "\\" && i + 1 < value.length) {
      cur += ch + value[i + 1];
      i++;
      continue;
    }
    if (ch === '"') inQuote = !inQuote;
    if (!inQuote && ch === "/" && value[i - 1] === " " && value[i + 1] === " ") {
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function parseFiller(line: string): KeyFiller | undefined {
  let v = line.trim();
  if (!v || v === "-") return undefined;
  let optional = false;
  if (v.startsWith("? ") || v === "?") {
    optional = true;
    v = v.slice(1).trim();
  }
  if (!v || v === "-") return undefined;
  return { alternatives: splitAlternatives(v), optional };
}

const SLOT_LINE = /^(\d+)\.\s+([A-Z][A-Z/ :]*?[A-Z])(?:\s{2,}(.*))?$/;

export function parseKeyText(text: string): KeyTemplate[] {
  const out: KeyTemplate[] = [];
  let cur: KeyTemplate | undefined;
  let slot = -1;
  for (const rawLine of text.split(/\r?\n/)) {
    if (rawLine.startsWith(";;;")) continue;
    const m = SLOT_LINE.exec(rawLine);
    if (m) {
      slot = Number(m[1]);
      const value = (m[3] ?? "").trim();
      if (slot === 0) {
        cur = { messageId: value, template: "", optional: false, irrelevant: false, slots: new Map() };
        out.push(cur);
        continue;
      }
      if (!cur) continue;
      if (slot === 1) {
        cur.template = value.replace(/\(OPTIONAL\)/, "").trim();
        cur.optional = /\(OPTIONAL\)/.test(value);
        cur.irrelevant = value === "*";
        continue;
      }
      const fillers: KeyFiller[] = [];
      const f = value === "*" ? undefined : parseFiller(value);
      if (f) fillers.push(f);
      cur.slots.set(slot, fillers);
      continue;
    }
    if (!cur || slot < 2 || !/^\s+\S/.test(rawLine)) continue;
    const f = parseFiller(rawLine);
    if (f) cur.slots.get(slot)?.push(f);
  }
  return out;
}

/** Every key-* file below `dir` (recursively), parsed and grouped by message id. */
export function readKeyDir(dir: string): Map<string, KeyTemplate[]> {
  const byMsg = new Map<string, KeyTemplate[]>();
  for (const file of walk(dir, (name) => name.startsWith("key-"))) {
    for (const t of parseKeyText(readFileSync(file, "latin1"))) {
      const list = byMsg.get(t.messageId) ?? [];
      list.push(t);
      byMsg.set(t.messageId, list);
    }
  }
  return byMsg;
}

/** Message id → the date in its dateline ("SAN SALVADOR, 3 JAN 90 (...) --"), from raw text files. */
export function readDatelines(dir: string): Map<string, DateValue> {
  const out = new Map<string, DateValue>();
  const header = /^((?:DEV|TST\d)-MUC\d-\d{4})\b[^\n]*\n+\s*([^\n]{0,160})/gm;
  for (const file of walk(dir, (name) => !name.startsWith("key-") && /muc\d/i.test(name))) {
    const text = readFileSync(file, "latin1");
    for (const m of text.matchAll(header)) {
      const d = /\b(\d{1,2} [A-Z]{3} \d{2})\b/.exec(m[2]!);
      const dv = d ? parseMucDate(d[1]!) : undefined;
      if (dv) out.set(m[1]!, dv);
    }
  }
  return out;
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, keep));
    else if (keep(name)) out.push(p);
  }
  return out;
}
