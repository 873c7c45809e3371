// A document that states no publication date is shown as undated everywhere the brief and the coded
// sources print a date: the day it was fetched is not when it was written.
import { describe, expect, it } from "vitest";
import { buildBrief } from "../../src/export/brief/index.js";
import { ExportIndex } from "../../src/export/view.js";
import { kermanFixture } from "./fixture.js";

describe("undated documents", () => {
  const { input, docB } = kermanFixture();
  delete docB.publishedAt;
  docB.fetchedAt = "2030-05-05T00:00:00.000Z";

  it("have no publication day, whatever their fetch time", () => {
    const ix = new ExportIndex(input);
    expect(ix.dayOf(docB.id)).toBeUndefined();
  });

  it("are cited and listed as undated in the brief", () => {
    const brief = buildBrief(input, "inc-kerman")!;
    const notes = brief.footnotes.filter((f) => f.doc === docB.id);
    expect(notes.length).toBeGreaterThan(0);
    for (const f of notes) expect(f.date).toBeUndefined();
    const text = JSON.stringify(brief);
    expect(text).not.toContain("2030");
    expect(text).toMatch(/[Uu]ndated/);
  });
});
