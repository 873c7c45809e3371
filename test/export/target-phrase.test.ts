// The coded target type reads the phrase a target was found in: fusion values a target by what it is ("car"),
// and whose it is ("a police officer's car") is what names the kind. Sentences written for this test.
import { describe, expect, it } from "vitest";
import { codeIncident } from "../../src/export/csv/coding.js";
import type { ExportInput } from "../../src/export/input.js";
import { ExportIndex } from "../../src/export/view.js";
import { makeDocument } from "../../src/model/document.js";
import type { Incident } from "../../src/model/records.js";

const text = "A bomb exploded in a police officer's car in the town.";
const doc = makeDocument({ origin: "w", format: "text", text, outlet: "Wire" });

function coded(spanText: string | undefined): string {
  const start = spanText ? text.indexOf(spanText) : 0;
  const incident: Incident = {
    id: "inc-1",
    type: "bombing",
    title: "bombing",
    perpetrators: [],
    attributes: {
      target: [
        {
          value: "car",
          doc: doc.id,
          ...(spanText ? { span: { doc: doc.id, start, end: start + spanText.length, text: spanText } } : {}),
        },
      ],
    },
    events: [],
    documents: [doc.id],
    explanation: [],
  };
  const input: ExportInput = {
    documents: [doc],
    facts: [],
    sources: [],
    fusion: { entities: [], incidents: [incident], contradictions: [] },
  } as unknown as ExportInput;
  return codeIncident(new ExportIndex(input), incident).targetType;
}

describe("target type", () => {
  it("comes from the phrase the target was read from, owner included", () => {
    expect(coded("a police officer's car")).toBe("Police");
  });
  it("falls back to the value when no phrase is kept", () => {
    expect(coded(undefined)).not.toBe("Police");
  });
});
