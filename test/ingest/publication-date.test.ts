// Publication dates read from the page itself when metadata gives none: the URL's path, a dateline or
// date stamp at the top of the text; else an estimate from the content, kept apart from stated dates.
import { describe, expect, it } from "vitest";
import {
  completePublication,
  type Datable,
  dateFromUrl,
  datelineDate,
  estimatePublished,
  yearWithin,
} from "../../src/ingest/published.js";
import { dateValue } from "../../src/model/dates.js";
import { readOne } from "./helpers.js";

describe("dateFromUrl", () => {
  it.each([
    ["https://news.example.com/world/2024/01/31/blast-hits-market/", "2024-01-31", "day"],
    ["https://example.org/2023/jul/08/story", "2023-07-08", "day"],
    ["https://example.net/story-title-20220314-abc.html", "2022-03-14", "day"],
    ["https://example.net/archive/2021-11-02/headline", "2021-11-02", "day"],
    ["https://blog.example.com/2024/01/some-headline.html", "2024-01", "month"],
    ["https://example.org/2021/article/market-fire-98765", "2021", "year"],
    ["https://example.org/review-of-the-siege-3-14-2019/", "2019", "year"],
  ])("%s → %s", (url, iso, precision) => {
    expect(dateFromUrl(url)).toMatchObject({ iso, precision });
  });

  it.each([
    "https://example.com/news/28636194",
    "https://example.com/story/11690767419395.html",
    "https://example.com/item?date=2024-01-31",
    "https://example.com/compare-2019-and-2020-budgets",
    "not a url",
  ])("reads no date from %s", (url) => {
    expect(dateFromUrl(url)).toBeUndefined();
  });

  it("keeps only the year of an impossible day", () => {
    expect(dateFromUrl("https://example.com/2024/13/40/bad")).toMatchObject({ precision: "year", iso: "2024" });
  });
});

describe("datelineDate", () => {
  it("reads a labelled date near the top", () => {
    expect(datelineDate("Gunmen storm a hotel\nPublished 8 July 2023\nThe attack began at dawn.")?.value.iso).toBe(
      "2023-07-08",
    );
    expect(datelineDate("Updated: Jan. 31, 2024 10:15 GMT\nText follows.")?.value.iso).toBe("2024-01-31");
  });

  it("reads a line that is only a date stamp", () => {
    expect(datelineDate("Headline of the day\nMonday, 3 June 2019\nBody text here.")?.value.iso).toBe("2019-06-03");
  });

  it("reads a wire dateline, taking a missing year from the caller", () => {
    expect(datelineDate("LAGOS, March 4, 2020 (Wire) - Police said...")?.value.iso).toBe("2020-03-04");
    const text = "Quetta [Pakistan], Aug 2 (Agency): Officials said the toll rose.";
    expect(datelineDate(text)).toBeUndefined();
    expect(datelineDate(text, () => 2022)?.value.iso).toBe("2022-08-02");
    expect(datelineDate("Kano, Aug 2 (Agency) Gunmen killed five people.", () => 2022)?.value.iso).toBe("2022-08-02");
    expect(datelineDate("NAIROBI, Kenya, June 9. A bus was attacked.", () => 2019)?.value.iso).toBe("2019-06-09");
    // a lower-case start or a sentence is no dateline
    expect(datelineDate("officials, June 9: talks resumed.", () => 2019)).toBeUndefined();
    expect(datelineDate("The talks of June 9 collapsed.", () => 2019)).toBeUndefined();
  });

  it("ignores dates deep in the body and dates inside sentences", () => {
    const body = `${"Filler sentence about the region. ".repeat(30)}\nPublished 8 July 2023`;
    expect(datelineDate(body)).toBeUndefined();
    expect(datelineDate("The ceasefire signed on 3 May 2021 collapsed last week.")).toBeUndefined();
  });
});

describe("estimatePublished", () => {
  it("places the writing date after the latest full date the text mentions", () => {
    const e = estimatePublished("Talks began on 2 March 2021 and resumed on 9 April 2021, officials said on Monday.");
    expect(e).toMatchObject({ basis: "content", confidence: 0.5 });
    expect(e!.value.start).toBe("2021-04-09");
    expect(e!.value.end).toBe("2021-06-08");
  });

  it("narrows the window to the URL's month, and trusts the URL month alone", () => {
    const month = dateValue(2021, 4);
    expect(estimatePublished("The vote of 9 April 2021 was disputed.", month)).toMatchObject({
      basis: "url-month+content",
      value: { start: "2021-04-09", end: "2021-04-30" },
    });
    expect(estimatePublished("No date in this text.", month)).toMatchObject({ basis: "url-month" });
    expect(estimatePublished("No date in this text.")).toBeUndefined();
  });

  it("infers a year inside a window", () => {
    const w = estimatePublished("Figures from 30 December 2023 were revised.")!.value;
    expect(yearWithin(w, 12, 31)).toBe(2023);
    expect(yearWithin(w, 1, 5)).toBe(2024);
  });
});

describe("completePublication", () => {
  it("keeps metadata first, then the URL day, then a dateline", () => {
    const meta = completePublication({
      text: "x",
      publishedAt: dateValue(2020, 1, 1),
      url: "https://a.b/2021/02/03/x",
    });
    expect(meta).toMatchObject({ publishedFrom: "metadata", publishedAt: { iso: "2020-01-01" } });
    const url = completePublication({ text: "Published 8 July 2023\nx", url: "https://a.b/2021/02/03/x" });
    expect(url).toMatchObject({ publishedFrom: "url", publishedAt: { iso: "2021-02-03" } });
    const line = completePublication({ text: "Published 8 July 2023\nx" });
    expect(line).toMatchObject({ publishedFrom: "dateline", publishedAt: { iso: "2023-07-08" } });
  });

  it("gives an undated text an estimate, never a stated date", () => {
    const d = completePublication<Datable>({ text: "Rebels seized the town on 12 May 2022. Fighting continued." });
    expect(d.publishedAt).toBeUndefined();
    expect(d.publishedEstimate?.basis).toBe("content");
  });

  it("dates a yearless wire dateline with the URL's month", () => {
    const d = completePublication({
      text: "KANO, Jun 9 (Wire) - Gunmen attacked a village, officials said.",
      url: "https://a.b/2019/06/gunmen-attack-village",
    });
    expect(d).toMatchObject({ publishedFrom: "dateline", publishedAt: { iso: "2019-06-09" } });
  });

  it("runs on every read text document", async () => {
    const src = "---\nurl: https://example.org/2022/05/17/market-blast\n---\nA bomb went off in a market on Tuesday.";
    const d = await readOne(src, { origin: "a.txt" });
    expect(d.publishedAt?.iso).toBe("2022-05-17");
    expect(d.publishedFrom).toBe("url");
  });
});

describe("yearless datelines and content estimates", () => {
  it("does not state a publication day from a year the content only suggests", () => {
    const d = completePublication<Datable>({
      text: "HARARE, May 3 (Wire).- Looking back to March 1998, officials said.",
    });
    expect(d.publishedAt).toBeUndefined();
    expect(d.publishedEstimate?.basis).toBe("content");
  });
});
