// Per-word hashes computed once per sentence and shared by the tagger's and the parser's features.
import { hashString } from "./hash.js";

export interface WordKeys {
  /** Lowercased form (digits folded to 9 so numbers share weights). */
  lower: Int32Array;
  raw: Int32Array;
  suf1: Int32Array;
  suf2: Int32Array;
  suf3: Int32Array;
  suf4: Int32Array;
  pre1: Int32Array;
  pre3: Int32Array;
  shape: Int32Array;
  lowerStrings: string[];
}

export function normalise(form: string): string {
  return form.toLowerCase().replace(/[0-9]/g, "9");
}

/** Word shape with runs collapsed: "Kabul-based" → "Xx-x", "2024" → "d", "U.N." → "X.X.". */
export function shapeOf(form: string): string {
  let out = "";
  let last = "";
  for (const ch of form.slice(0, 24)) {
    const c = /[A-Z]/.test(ch)
      ? "X"
      : /[a-z]/.test(ch)
        ? "x"
        : /[0-9]/.test(ch)
          ? "d"
          : /\p{Lu}/u.test(ch)
            ? "X"
            : /\p{L}/u.test(ch)
              ? "x"
              : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

export function wordKeys(forms: readonly string[]): WordKeys {
  const n = forms.length;
  const k: WordKeys = {
    lower: new Int32Array(n),
    raw: new Int32Array(n),
    suf1: new Int32Array(n),
    suf2: new Int32Array(n),
    suf3: new Int32Array(n),
    suf4: new Int32Array(n),
    pre1: new Int32Array(n),
    pre3: new Int32Array(n),
    shape: new Int32Array(n),
    lowerStrings: new Array<string>(n),
  };
  for (let i = 0; i < n; i++) {
    const f = forms[i]!;
    const low = normalise(f);
    k.lowerStrings[i] = low;
    k.lower[i] = hashString(low);
    k.raw[i] = hashString(f);
    k.suf1[i] = hashString(low.slice(-1));
    k.suf2[i] = hashString(low.slice(-2));
    k.suf3[i] = hashString(low.slice(-3));
    k.suf4[i] = hashString(low.slice(-4));
    k.pre1[i] = hashString(f.slice(0, 1));
    k.pre3[i] = hashString(low.slice(0, 3));
    k.shape[i] = hashString(shapeOf(f));
  }
  return k;
}
