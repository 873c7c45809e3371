// The shipped English model, loaded once on first use (decoding takes a fraction of a second; most
// documents in a run then reuse it), and the one entry point the rest of the product calls.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { UserError } from "../../model/result.js";
import { parseBeam } from "./beam.js";
import { decodeModel, type SyntaxModel } from "./codec.js";
import { parseInput, parseWith } from "./parser.js";
import { tagWithKeys } from "./tagger.js";
import { wordKeys } from "./tokens.js";

export const MODEL_PATH = fileURLToPath(new URL("../../../data/models/en-ewt-parser.bin.gz", import.meta.url));

/** A parsed sentence: per word its UPOS tag, 1-based head (0 = root) and UD relation. */
export interface ParsedSentence {
  forms: string[];
  upos: string[];
  heads: number[];
  deprels: string[];
}

let cached: SyntaxModel | undefined;

export function modelAvailable(path = MODEL_PATH): boolean {
  return existsSync(path);
}

export function loadSyntaxModel(path = MODEL_PATH): SyntaxModel {
  if (cached && path === MODEL_PATH) return cached;
  if (!existsSync(path)) throw new UserError(`The parser model ${path} is missing; run \`npm run train\`.`);
  const r = decodeModel(readFileSync(path));
  if (!r.ok) throw new UserError(`${path}: ${r.error}`);
  if (path === MODEL_PATH) cached = r.value;
  return r.value;
}

/** Tags and parses one tokenised sentence (tokens as UD English splits them: "do" "n't", "'s"). */
export function parseSentence(tokens: readonly string[], model: SyntaxModel = loadSyntaxModel()): ParsedSentence {
  const forms = [...tokens];
  if (forms.length === 0) return { forms, upos: [], heads: [], deprels: [] };
  const keys = wordKeys(forms);
  const tags = tagWithKeys(model.tagger, forms, keys);
  const x = parseInput(keys, tags);
  const arcs = model.parser.beam > 1 ? parseBeam(model.parser, x, model.parser.beam) : parseWith(model.parser, x);
  return {
    forms,
    upos: tags.map((t) => model.tagger.tags[t]!),
    heads: arcs.heads,
    deprels: arcs.labels.map((l) => model.parser.labels[l] ?? "dep"),
  };
}
