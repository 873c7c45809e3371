// The cited briefing: every sentence footnoted to real spans of both documents, HTML escaping of hostile
// source text, WinAnsi-safe PDF, and the ACH section with and without a matrix.
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { AchModel } from "../../src/ach/model.js";
import {
  briefHtml,
  briefMarkdown,
  briefPdf,
  buildBrief,
  escapeHtml,
  winAnsiSafe,
} from "../../src/export/brief/index.js";
import { kermanFixture, span } from "./fixture.js";

describe("brief model", () => {
  const { input, docA, docB } = kermanFixture();
  const brief = buildBrief(input, "inc-kerman")!;
  const sentences = brief.sections.flatMap((s) => s.sentences);

  it("has the analytic sections", () => {
    expect(brief.sections.map((s) => s.title)).toEqual([
      "Key judgments",
      "Assessments in the sources",
      "What happened",
      "Attribution and claims",
      "Contradictions",
      "Timeline of reporting",
      "Sources and grades",
      "Analysis of competing hypotheses",
    ]);
  });

  it("footnotes every sentence, and every footnote quotes the document at its offsets", () => {
    expect(sentences.length).toBeGreaterThan(10);
    for (const s of sentences) expect(s.notes.length, s.text).toBeGreaterThan(0);
    const docs = new Map([docA, docB].map((d) => [d.id, d]));
    for (const f of brief.footnotes) expect(docs.get(f.doc)!.text.slice(f.start, f.end)).toBe(f.quote);
  });

  it("cites both documents with outlet and date", () => {
    const cited = new Set(brief.footnotes.map((f) => `${f.doc}|${f.outlet}|${f.date}`));
    expect(cited).toContain(`${docA.id}|Caspian Wire|2024-01-03`);
    expect(cited).toContain(`${docB.id}|Zagros Monitor|2024-01-06`);
  });

  it("states key judgments in ICD-203 language and codes the toll conservatively", () => {
    const kj = brief.sections[0]!.sentences.map((s) => s.text).join(" ");
    expect(kj).toMatch(
      /We assess it is (likely|very likely|almost certain) that Islamic State Khorasan Province carried out the attack/,
    );
    expect(kj).toMatch(/at least 84 people were killed; reported figures range from 84 to 103/);
  });

  it("quotes the sources' own estimative judgments with their ICD-203 band", () => {
    const a = brief.sections[1]!.sentences.map((x) => x.text);
    expect(a).toEqual([
      'Zagros Monitor assesses (ICD-203 "very likely"): "it is very likely that the group planned the operation from Afghanistan"',
    ]);
  });

  it("lists the contradiction in publication order", () => {
    const c = brief.sections[4]!.sentences[0]!.text;
    expect(c.indexOf("103 (Caspian Wire")).toBeLessThan(c.indexOf("84 (Zagros Monitor"));
  });

  it("says when there is no ACH matrix, and ranks hypotheses with cited evidence when there is one", () => {
    expect(brief.sections[7]!.remarks).toEqual(["No ACH matrix has been recorded for this incident."]);
    const claim = span(docB, "claimed responsibility");
    const ach: AchModel = {
      incident: "inc-kerman",
      hypotheses: [
        { id: "h1", text: "IS-K carried out the bombing" },
        { id: "h2", text: "A gas leak caused the explosions" },
      ],
      evidence: [
        {
          id: "e1",
          text: "IS-K claim",
          ref: { kind: "claim", id: "b:c1", doc: docB.id, start: claim.start, end: claim.end },
          credibility: "medium",
          relevance: "high",
        },
      ],
      ratings: { e1: { h1: "C", h2: "II" } },
      disabledSources: [],
    };
    const withAch = buildBrief({ ...input, ach: [ach] }, "inc-kerman")!;
    const s = withAch.sections[7]!.sentences;
    expect(s[0]!.text).toMatch(/"IS-K carried out the bombing" ranks 1 of 2/);
    expect(withAch.footnotes[s[0]!.notes[0]! - 1]!.quote).toBe("claimed responsibility");
  });

  it("returns undefined for an unknown incident", () => {
    expect(buildBrief(input, "nope")).toBeUndefined();
  });
});

describe("brief renderers", () => {
  const { input } = kermanFixture();
  const brief = buildBrief(input, "inc-kerman")!;

  it("escapeHtml neutralises a script payload and attribute breakouts", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml(`" onmouseover='y' &`)).toBe("&quot; onmouseover=&#39;y&#39; &amp;");
  });

  it("HTML output never contains the source's script tag, only its escaped text", () => {
    const html = briefHtml(brief);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(html).toContain('<li id="fn1">');
  });

  it("Markdown output has numbered footnotes and no raw HTML from sources", () => {
    const md = briefMarkdown(brief);
    expect(md).toContain("[^1]: ");
    expect(md).not.toContain("<script");
  });

  it("PDF output is a loadable PDF, identical on re-runs", async () => {
    const bytes = await briefPdf(brief);
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(Buffer.from(await briefPdf(brief)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("makes text WinAnsi-safe for the standard fonts", () => {
    expect(winAnsiSafe("Kermān “quoted” — café")).toBe("Kerman “quoted” — café");
    expect(winAnsiSafe("کرمان")).toBe("?????");
  });
});
