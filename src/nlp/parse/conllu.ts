// CoNLL-U reader for training and scoring the parser: keeps the basic tree (ID, FORM, UPOS, HEAD,
// DEPREL) of each sentence; multiword-token lines ("3-4") and empty nodes ("5.1") are skipped because
// the parser works on syntactic words only.
import { err, ok, type Result } from "../../model/result.js";

/** One gold-annotated sentence. Index i is word i+1; heads are 1-based with 0 for the root. */
export interface TreebankSentence {
  id: string;
  forms: string[];
  upos: string[];
  heads: number[];
  deprels: string[];
}

export function readConllu(text: string, source = "input"): Result<TreebankSentence[]> {
  const out: TreebankSentence[] = [];
  let cur: TreebankSentence = empty("");
  const lines = text.split(/\r?\n/);
  const flush = (): void => {
    if (cur.forms.length) out.push(cur);
    cur = empty("");
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line === "") {
      flush();
      continue;
    }
    if (line.startsWith("#")) {
      const m = /^# sent_id = (.+)$/.exec(line);
      if (m) cur.id = m[1]!.trim();
      continue;
    }
    const cols = line.split("\t");
    if (cols.length !== 10) return err(`${source}:${n + 1}: expected 10 tab-separated columns, found ${cols.length}.`);
    const id = cols[0]!;
    if (id.includes("-") || id.includes(".")) continue;
    if (Number(id) !== cur.forms.length + 1)
      return err(`${source}:${n + 1}: word id ${id} out of sequence (expected ${cur.forms.length + 1}).`);
    const head = Number(cols[6]);
    if (!Number.isInteger(head) || head < 0) return err(`${source}:${n + 1}: head "${cols[6]}" is not a word id.`);
    cur.forms.push(cols[1]!);
    cur.upos.push(cols[3]!);
    cur.heads.push(head);
    cur.deprels.push(cols[7]!);
  }
  flush();
  for (const s of out) {
    if (s.heads.some((h) => h > s.forms.length))
      return err(`${source}: sentence ${s.id} has a head past its last word.`);
  }
  return ok(out);
}

function empty(id: string): TreebankSentence {
  return { id, forms: [], upos: [], heads: [], deprels: [] };
}
