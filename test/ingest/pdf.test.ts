// PDF reader on PDFs generated here with pdf-lib: running footer, page numbers, a sentence and
// a word broken across lines, metadata from the info dictionary.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { readError, readOne } from "./helpers.js";

async function makePdf(pages: string[][], meta = true): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  if (meta) {
    pdf.setTitle("Quarterly Threat Review");
    pdf.setAuthor("Jane Analyst");
    pdf.setCreationDate(new Date("2024-01-05T10:00:00Z"));
  }
  pages.forEach((lines, p) => {
    const page = pdf.addPage([420, 520]);
    page.drawText("Threat Review - restricted distribution", { x: 40, y: 490, size: 8, font });
    let y = 450;
    for (const line of lines) {
      if (line === "") {
        y -= 14; // extra gap: a new paragraph
        continue;
      }
      page.drawText(line, { x: 40, y, size: 11, font });
      y -= 14;
    }
    page.drawText(`Page ${p + 1} of ${pages.length}`, { x: 180, y: 30, size: 8, font });
  });
  return pdf.save();
}

describe("PDF reader", () => {
  it("drops running headers and page numbers, re-joins broken lines, de-hyphenates", async () => {
    const bytes = await makePdf([
      [
        "Militants attacked a checkpoint on the main road and",
        "killed four soldiers before withdrawing into the hills.",
        "",
        "The army said reinforcements had been sent to the dis-",
        "trict and that a curfew would remain in force overnight.",
      ],
      [
        "Local officials asked residents to stay indoors while",
        "the search for the attackers continued through the night.",
      ],
    ]);
    const d = await readOne(bytes, { origin: "review.pdf" });
    expect(d.format).toBe("pdf");
    expect(d.text).not.toMatch(/restricted distribution/);
    expect(d.text).not.toMatch(/Page \d/);
    expect(d.text).toContain("on the main road and killed four soldiers before withdrawing into the hills.");
    expect(d.text).toContain("sent to the district and that a curfew");
    expect(d.text).toContain("stay indoors while the search for the attackers");
    expect(d.text.split("\n\n").length).toBe(3);
    expect(d.title).toBe("Quarterly Threat Review");
    expect(d.author).toBe("Jane Analyst");
    expect(d.publishedAt).toMatchObject({ iso: "2024-01-05", precision: "day" });
    expect(d.language).toBe("en");
  });

  it("joins a sentence that continues on the next page", async () => {
    const bytes = await makePdf(
      [["The delegation met the governor on Sunday and"], ["agreed to reopen the border crossing next week."]],
      false,
    );
    const d = await readOne(bytes, { origin: "two.pdf" });
    expect(d.text).toContain("governor on Sunday and agreed to reopen");
    expect(d.title).toBeUndefined();
  });

  it("reports a truncated PDF as an error instead of throwing", async () => {
    const bytes = await makePdf([["Some text that will be cut off."]]);
    const err = await readError(bytes.subarray(0, 60), { origin: "cut.pdf" });
    expect(err).toMatch(/PDF/);
  });

  it("treats a .pdf without the PDF header as binary junk", async () => {
    const junk = new Uint8Array(300).map((_, i) => (i * 91 + 7) % 256);
    expect(await readError(junk, { origin: "fake.pdf" })).toBe("binary file of unknown type");
  });
});
