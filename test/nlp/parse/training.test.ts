// The parser's machinery on tiny hand-written trees: the CoNLL-U reader, the dynamic oracle, that
// training is deterministic, and that the model file round-trips.
import { describe, expect, it } from "vitest";
import { MOVES, ParseState } from "../../../src/nlp/parse/arc-hybrid.js";
import { decodeModel, encodeModel } from "../../../src/nlp/parse/codec.js";
import { readConllu, type TreebankSentence } from "../../../src/nlp/parse/conllu.js";
import { parseSentence } from "../../../src/nlp/parse/model.js";
import { type ParserExample, parseInput, trainParser } from "../../../src/nlp/parse/parser.js";
import { trainTagger } from "../../../src/nlp/parse/tagger.js";
import { wordKeys } from "../../../src/nlp/parse/tokens.js";

// our own sentences, annotated by hand in UD style
const TREEBANK = [
  "# sent_id = a",
  "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_",
  "2\tguard\tguard\tNOUN\tNN\t_\t3\tnsubj\t_\t_",
  "3\tlocked\tlock\tVERB\tVBD\t_\t0\troot\t_\t_",
  "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_",
  "5\tgate\tgate\tNOUN\tNN\t_\t3\tobj\t_\t_",
  "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
  "",
  "# sent_id = b",
  "1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_",
  "1\tca\tcan\tAUX\tMD\t_\t3\taux\t_\t_",
  "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_",
  "3\tstop\tstop\tVERB\tVB\t_\t0\troot\t_\t_",
  "4\tnow\tnow\tADV\tRB\t_\t3\tadvmod\t_\t_",
  "",
  "# sent_id = c",
  "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_",
  "2\tfarmer\tfarmer\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_",
  "3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_",
  "4\tbitten\tbite\tVERB\tVBN\t_\t0\troot\t_\t_",
  "5\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_",
  "6\ta\ta\tDET\tDT\t_\t7\tdet\t_\t_",
  "7\tdog\tdog\tNOUN\tNN\t_\t4\tobl:agent\t_\t_",
  "",
].join("\n");

function sentences(): TreebankSentence[] {
  const r = readConllu(TREEBANK, "hand");
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function examples(data: TreebankSentence[], labels: string[], tags: string[]): ParserExample[] {
  return data.map((s) => {
    const n = s.forms.length;
    const gold = new Int32Array(n + 2);
    const goldLabels = new Int32Array(n + 2);
    s.heads.forEach((h, i) => {
      gold[i + 1] = h === 0 ? n + 1 : h;
      goldLabels[i + 1] = labels.indexOf(s.deprels[i]!);
    });
    return {
      x: parseInput(
        wordKeys(s.forms),
        s.upos.map((u) => tags.indexOf(u)),
      ),
      gold,
      goldLabels,
    };
  });
}

function tinyModel() {
  const data = sentences();
  const tags = [...new Set(data.flatMap((s) => s.upos))].sort();
  const labels = [...new Set(data.flatMap((s) => s.deprels))].sort();
  const tagger = trainTagger(data, tags, { epochs: 5, rowBits: 10, seed: 1 });
  const parser = trainParser(examples(data, labels, tags), labels, {
    epochs: 8,
    moveBits: 10,
    labelBits: 8,
    seed: 2,
    explore: 0.9,
  });
  return { tagger, parser };
}

describe("CoNLL-U reader", () => {
  it("keeps syntactic words and skips multiword tokens", () => {
    const [a, b, c] = sentences();
    expect(a!.forms).toEqual(["The", "guard", "locked", "the", "gate", "."]);
    expect(b!.forms).toEqual(["ca", "n't", "stop", "now"]);
    expect(c!.heads).toEqual([2, 4, 4, 0, 7, 7, 4]);
    expect(c!.deprels[6]).toBe("obl:agent");
  });

  it("names the line of a malformed row", () => {
    const r = readConllu("1\tA\ta\tDET\n", "bad.conllu");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("bad.conllu:1");
  });

  it("refuses a head that is not a word id", () => {
    const r = readConllu("1\tGo\tgo\tVERB\tVB\t_\tx\troot\t_\t_\n", "h");
    expect(r.ok).toBe(false);
  });
});

describe("arc-hybrid dynamic oracle", () => {
  it("reaches every gold tree by zero-cost moves", () => {
    for (const ex of examples(sentences(), ["x"], ["x"])) {
      const s = new ParseState(ex.x.n);
      while (!s.done()) {
        const moves = [...Array(MOVES).keys()].filter((m) => s.legal(m) && s.cost(m, ex.gold) === 0);
        expect(moves.length).toBeGreaterThan(0);
        s.apply(moves[0]!, 0);
      }
      for (let i = 1; i <= ex.x.n; i++) expect(s.heads[i]).toBe(ex.gold[i]);
    }
  });

  it("charges a move that loses a gold arc", () => {
    // "The guard locked": after SHIFT The, LEFT onto "guard" is free, RIGHT is not legal, and
    // shifting "guard" over "The" loses the arc guard → The
    const ex = examples(sentences(), ["x"], ["x"])[0]!;
    const s = new ParseState(ex.x.n);
    s.apply(0, 0);
    expect(s.cost(1, ex.gold)).toBe(0);
    expect(s.cost(0, ex.gold)).toBe(1);
  });
});

describe("training and the model file", () => {
  it("is deterministic: the same data gives byte-identical model files", () => {
    expect(encodeModel(tinyModel()).equals(encodeModel(tinyModel()))).toBe(true);
  });

  it("decodes to a model that parses its training sentences", () => {
    const decoded = decodeModel(encodeModel(tinyModel()));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const p = parseSentence(["A", "farmer", "was", "bitten", "by", "a", "dog"], decoded.value);
    expect(p.heads).toEqual([2, 4, 4, 0, 7, 7, 4]);
    expect(p.deprels[1]).toBe("nsubj:pass");
    expect(p.heads.filter((h) => h === 0)).toHaveLength(1);
  });

  it("gives one root and a head for every word, even on unseen words", () => {
    const decoded = decodeModel(encodeModel(tinyModel()));
    if (!decoded.ok) throw new Error(decoded.error);
    const p = parseSentence(["Zorblax", "quibbled", "over", "seven", "grommets", "again", "!"], decoded.value);
    expect(p.heads).toHaveLength(7);
    expect(p.heads.filter((h) => h === 0)).toHaveLength(1);
    p.heads.forEach((h, i) => {
      expect(h).not.toBe(i + 1);
    });
  });

  it("rejects a file that is not a model with a clear error", () => {
    const r = decodeModel(Buffer.from("not a model"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/parser model/);
  });
});
