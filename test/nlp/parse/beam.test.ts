// Beam decoding and max-violation training on hand-written trees: deterministic, one root, and the
// trained beam model recovers its training trees (including a passive with an agent).
import { describe, expect, it } from "vitest";
import { parseBeam, trainBeamParser } from "../../../src/nlp/parse/beam.js";
import { decodeModel, encodeModel } from "../../../src/nlp/parse/codec.js";
import { readConllu } from "../../../src/nlp/parse/conllu.js";
import { parseSentence } from "../../../src/nlp/parse/model.js";
import { type ParserExample, parseInput } from "../../../src/nlp/parse/parser.js";
import { trainTagger } from "../../../src/nlp/parse/tagger.js";
import { wordKeys } from "../../../src/nlp/parse/tokens.js";

// our own sentences, annotated by hand in UD style
const TREEBANK = [
  "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_",
  "2\tclerk\tclerk\tNOUN\tNN\t_\t3\tnsubj\t_\t_",
  "3\tfiled\tfile\tVERB\tVBD\t_\t0\troot\t_\t_",
  "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_",
  "5\tletters\tletter\tNOUN\tNNS\t_\t3\tobj\t_\t_",
  "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
  "",
  "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_",
  "2\tbridge\tbridge\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_",
  "3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_",
  "4\tpainted\tpaint\tVERB\tVBN\t_\t0\troot\t_\t_",
  "5\tby\tby\tADP\tIN\t_\t7\tcase\t_\t_",
  "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_",
  "7\tcrew\tcrew\tNOUN\tNN\t_\t4\tobl:agent\t_\t_",
  "",
  "1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_",
  "2\tsang\tsing\tVERB\tVBD\t_\t0\troot\t_\t_",
  "3\tand\tand\tCCONJ\tCC\t_\t4\tcc\t_\t_",
  "4\tdanced\tdance\tVERB\tVBD\t_\t2\tconj\t_\t_",
  "",
].join("\n");

function setup() {
  const r = readConllu(TREEBANK, "hand");
  if (!r.ok) throw new Error(r.error);
  const data = r.value;
  const tags = [...new Set(data.flatMap((s) => s.upos))].sort();
  const labels = [...new Set(data.flatMap((s) => s.deprels))].sort();
  const examples: ParserExample[] = data.map((s) => {
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
  return { data, tags, labels, examples };
}

function tinyBeamModel() {
  const { data, tags, labels, examples } = setup();
  const tagger = trainTagger(data, tags, { epochs: 5, rowBits: 10, seed: 1 });
  const parser = trainBeamParser(examples, labels, {
    epochs: 10,
    moveBits: 10,
    labelBits: 8,
    seed: 2,
    explore: 0,
    beam: 4,
  });
  return { tagger, parser };
}

describe("beam parser", () => {
  it("trains deterministically and records its beam width in the model file", () => {
    const a = encodeModel(tinyBeamModel());
    expect(a.equals(encodeModel(tinyBeamModel()))).toBe(true);
    const d = decodeModel(a);
    expect(d.ok && d.value.parser.beam).toBe(4);
  });

  it("recovers its training trees with their relations", () => {
    const { examples, data } = setup();
    const { parser } = tinyBeamModel();
    examples.forEach((ex, k) => {
      const arcs = parseBeam(parser, ex.x, 4);
      expect(arcs.heads).toEqual(data[k]!.heads);
      expect(arcs.labels.map((l) => parser.labels[l])).toEqual(data[k]!.deprels);
    });
  });

  it("parses through parseSentence with the file's beam: one root, no self-heads", () => {
    const d = decodeModel(encodeModel(tinyBeamModel()));
    if (!d.ok) throw new Error(d.error);
    const p = parseSentence(["A", "bridge", "was", "painted", "by", "the", "crew"], d.value);
    expect(p.heads).toEqual([2, 4, 4, 0, 7, 7, 4]);
    expect(p.deprels[6]).toBe("obl:agent");
    const q = parseSentence(["Glimbo", "wibbled", "the", "flurn", "and", "snorked"], d.value);
    expect(q.heads.filter((h) => h === 0)).toHaveLength(1);
    q.heads.forEach((h, i) => {
      expect(h).not.toBe(i + 1);
    });
  });
});
