// Reader for keys_json/keys_<split> (the GTT conversion of the MUC answer keys: JSON blocks
// separated by "%%%", each a list of [slot, value] pairs). It keeps only the string slots and the
// incident type — no date, location or effect — so it is the fallback when no raw key files exist.
import { readFileSync } from "node:fs";
import type { KeyFiller, KeyTemplate } from "./raw-keys.js";

const SLOT: Record<string, number> = {
  incident_type: 4,
  incident_instrument_id: 6,
  perp_individual_id: 9,
  perp_organization_id: 10,
  phys_tgt_id: 12,
  hum_tgt_name: 18,
  hum_tgt_description: 19,
};

interface JsonFill {
  type?: string;
  strings?: string[];
  strings_lhs?: string[];
  strings_rhs?: string[];
}

const quote = (s: string): string => `"${s.replace(/"/g, '\\"')}"`;

function filler(v: unknown): KeyFiller | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string") return v === "-" ? undefined : { alternatives: [v], optional: false };
  const f = v as JsonFill;
  if (f.type === "colon_clause") {
    const ref = f.strings_rhs?.[0];
    const alts = (f.strings_lhs ?? []).map((s) => (ref ? `${quote(s)}: ${quote(ref)}` : quote(s)));
    return alts.length ? { alternatives: alts, optional: false } : undefined;
  }
  const alts = (f.strings ?? []).map(quote);
  return alts.length ? { alternatives: alts, optional: false } : undefined;
}

export function parseJsonKeys(text: string): KeyTemplate[] {
  const out: KeyTemplate[] = [];
  for (const block of text.split("%%%")) {
    if (!block.trim()) continue;
    const pairs = JSON.parse(block) as [string, unknown][];
    const t: KeyTemplate = { messageId: "", template: "", optional: false, irrelevant: false, slots: new Map() };
    for (const [k, v] of pairs) {
      if (k === "message_id") t.messageId = String(v);
      else if (k === "message_template") {
        t.template = String(v);
        t.irrelevant = v === "*";
      } else if (k === "message_template_optional") t.optional = v === true;
      else if (SLOT[k] !== undefined) {
        const list = t.slots.get(SLOT[k]) ?? [];
        const f = filler(v);
        if (f) list.push(f);
        t.slots.set(SLOT[k], list);
      }
    }
    out.push(t);
  }
  return out;
}

export function readJsonKeys(file: string): Map<string, KeyTemplate[]> {
  const byMsg = new Map<string, KeyTemplate[]>();
  for (const t of parseJsonKeys(readFileSync(file, "utf8"))) {
    const list = byMsg.get(t.messageId) ?? [];
    list.push(t);
    byMsg.set(t.messageId, list);
  }
  return byMsg;
}
