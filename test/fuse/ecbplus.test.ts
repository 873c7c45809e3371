// ECB+ scored through the product's own fusion (eval/ecbplus): the product must link at least some coreferent
// mentions (beat every-mention-alone) without merging the two real events of a topic wholesale.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentText, run } from "../../eval/ecbplus/index.js";
import { SHARED } from "../helpers.js";

const DATA = join(SHARED, "research-data/ecbplus");
if (!existsSync(DATA)) console.log(`ECB+ data not found at ${DATA}: skipping the ECB+ evaluation test`);

describe("ECB+ document text", () => {
  it("puts each token at the offsets it reports", () => {
    const d = {
      id: "x",
      topic: 1,
      subtopic: "1ecb",
      split: "dev",
      sentences: [
        ["Gunmen", "fled", "."],
        ["Two", "died"],
      ],
    };
    const { text, offsets } = documentText(d);
    expect(text).toBe("Gunmen fled .\nTwo died");
    const [s, e] = offsets[1]![1]!;
    expect(text.slice(s, e)).toBe("died");
  });
});

describe.skipIf(!existsSync(DATA))("ECB+ on the product path", () => {
  it("links coreferent mentions beyond the singleton floor", async () => {
    // the whole dev split (a few seconds): a 40-document slice swings by several points on one topic
    const report = await run({ data: DATA, split: "dev" });
    const conll = (title: string) =>
      report.tables.find((t) => t.title === title)!.rows.find((r) => r.name === "CoNLL F1")!.f1!;
    expect(conll("Event mentions — product fusion")).toBeGreaterThan(conll("Event mentions — every mention alone"));
    const docs = report.tables[0]!.rows[0]!;
    expect(docs.n!).toBeGreaterThan(5);
    expect(docs.p!).toBeGreaterThan(80);
  }, 180_000);

  it("refuses the held-out test split", async () => {
    await expect(run({ data: DATA, split: "test" })).rejects.toThrow(/held out/);
  });
});
