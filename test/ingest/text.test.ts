// Plain-text reader: front matter, boilerplate filter, title/author heuristics, encodings.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { stripBoilerplate } from "../../src/ingest/boilerplate.js";
import { guessLanguage } from "../../src/ingest/language.js";
import { leadTitle } from "../../src/ingest/text.js";
import { readError, readOne, utf8 } from "./helpers.js";

const BODY = [
  "A car bomb exploded near a police station in the northern district on Tuesday morning.",
  "Officials said at least twelve people were killed and dozens more were wounded in the blast.",
  "No group has yet claimed responsibility for the attack, which came a week after a similar one.",
].join("\n\n");

describe("front matter", () => {
  it("reads the header fields and strips the block from the text", async () => {
    const src = [
      "---",
      "title: Blast hits police station",
      'outlet: "Example Daily"',
      "author: Jane Doe",
      "published: 2024-01-04T09:30:00+03:30",
      "url: https://example.org/news/blast",
      "language: en-GB",
      "---",
      "",
      BODY,
    ].join("\n");
    const d = await readOne(src, { origin: "a.txt" });
    expect(d.title).toBe("Blast hits police station");
    expect(d.outlet).toBe("Example Daily");
    expect(d.author).toBe("Jane Doe");
    expect(d.publishedAt).toMatchObject({ iso: "2024-01-04", precision: "day" });
    expect(d.url).toBe("https://example.org/news/blast");
    expect(d.language).toBe("en");
    expect(d.format).toBe("text");
    expect(d.text.startsWith("A car bomb")).toBe(true);
    expect(d.text).not.toContain("---");
  });

  it("leaves text alone when the dashes do not open a key/value block", async () => {
    const d = await readOne(`---\nThis is not a header at all, just a rule.\n---\n${BODY}`, { origin: "b.txt" });
    expect(d.text).toContain("This is not a header");
  });

  it("accepts a month-precision published date", async () => {
    const d = await readOne(`---\npublished: 2024-01\n---\n${BODY}`, { origin: "c.txt" });
    expect(d.publishedAt).toMatchObject({ iso: "2024-01", precision: "month" });
  });
});

describe("boilerplate filter", () => {
  it("drops navigation lines and a trailing Previous/Next block of link titles", () => {
    const src = [
      "Breadcrumb",
      "Home › World › Middle East",
      "Gunmen Storm Border Post in Overnight Raid",
      "",
      BODY,
      "",
      "Regional reaction",
      "Neighbouring governments condemned the raid and promised closer cooperation on the border.",
      "Share this article",
      "",
      "Previous",
      "Previous",
      "",
      "Why Drone Strikes Keep Rising Along the Frontier ",
      "",
      "Next",
      "Next",
      "",
      "An Interview With a Former Negotiator",
    ].join("\n");
    const r = stripBoilerplate(src);
    for (const gone of [
      "Breadcrumb",
      "Home ›",
      "Share this",
      "Previous",
      "Next",
      "Why Drone Strikes",
      "An Interview With",
    ]) {
      expect(r.text).not.toContain(gone);
    }
    expect(r.text).toContain("Gunmen Storm Border Post");
    expect(r.text).toContain("Regional reaction"); // a real heading stays
    expect(r.text).toContain("promised closer cooperation");
    expect(r.text).toContain("No group has yet claimed responsibility");
  });

  it("keeps a paragraph that merely uses the words next or previous", () => {
    const src = `${BODY}\n\nThe next day, officials revised the previous toll upward after a hospital report.`;
    expect(stripBoilerplate(src).text).toContain("The next day");
  });

  it("removes cookie, subscribe and follow lines but not prose mentioning cookies", () => {
    const src = [
      BODY,
      "We use cookies to improve your experience.",
      "Subscribe to our newsletter for daily updates",
      "The bakery owner said he had been selling cookies when the shooting started in the square outside.",
      "Follow us on Facebook",
    ].join("\n");
    const r = stripBoilerplate(src);
    expect(r.text).not.toContain("We use cookies");
    expect(r.text).not.toContain("Subscribe to our newsletter");
    expect(r.text).not.toContain("Follow us");
    expect(r.text).toContain("selling cookies");
  });

  it("takes the author from a trailing bio line and drops it with the Follow line", () => {
    const src = `${BODY}\nMaria Lopez is a senior analyst at a Madrid research institute focusing on the Sahel\nFollow her on Twitter: @mlopez_example`;
    const r = stripBoilerplate(src);
    expect(r.author).toBe("Maria Lopez");
    expect(r.text).not.toContain("senior analyst");
    expect(r.text).not.toContain("Twitter");
  });

  it("removes a trailing link block that has a bio line inside it, keeping the author", () => {
    const src = [
      BODY,
      "",
      "Previous",
      "How Smuggling Networks Adapted After the Border Closure",
      "Omar Said is a researcher at a regional policy centre who studies armed groups",
      "Next",
      "Ten Years of Insurgency in the Highlands",
    ].join("\n");
    const r = stripBoilerplate(src);
    expect(r.author).toBe("Omar Said");
    expect(r.text).toBe(BODY);
  });

  it("takes the author from a leading byline", () => {
    const r = stripBoilerplate(`By Tom Baker\n\n${BODY}`);
    expect(r.author).toBe("Tom Baker");
    expect(r.text.startsWith("A car bomb")).toBe(true);
  });

  it("does not read a sentence starting with By as a byline", () => {
    const r = stripBoilerplate(`By Monday, the toll had risen.\n\n${BODY}`);
    expect(r.author).toBeUndefined();
    expect(r.text).toContain("By Monday");
  });

  it("drops a pull quote that repeats a sentence of the body", () => {
    const body = "The minister said the network had been dismantled after months of surveillance.";
    const src = `${BODY}\n"The network had been dismantled after months of surveillance"\n${body}`;
    const r = stripBoilerplate(src);
    expect(r.text.match(/dismantled/g)).toHaveLength(1);
  });
});

describe("byline strip", () => {
  it("drops a short line under the headline that starts with the known author", async () => {
    const src = `---\nauthor: Rita Okafor\n---\nRita Okafor · Tuesday, 9 January 2024\n\n${BODY}`;
    const d = await readOne(src, { origin: "b.txt" });
    expect(d.text.startsWith("A car bomb")).toBe(true);
  });

  it("keeps a body sentence that starts with the author's name", async () => {
    const src = `---\nauthor: Rita Okafor\n---\nRita Okafor visited the site on Tuesday and spoke to witnesses.\n\n${BODY}`;
    const d = await readOne(src, { origin: "b2.txt" });
    expect(d.text.startsWith("Rita Okafor visited")).toBe(true);
  });
});

describe("title heuristic", () => {
  it("uses a headline-like first line as the title and keeps it in the text", async () => {
    const d = await readOne(`Breadcrumb\nGunmen Storm Border Post: What We Know\n\n${BODY}`, { origin: "t.txt" });
    expect(d.title).toBe("Gunmen Storm Border Post: What We Know");
  });

  it("does not take a long sentence as the headline, but titles the text with its opening words", async () => {
    const d = await readOne(BODY, { origin: "t2.txt" });
    const opening = BODY.split(/\s+/)
      .slice(0, 10)
      .join(" ")
      .replace(/[,;:]$/, "");
    expect(d.title).toBe(`${opening}…`);
  });

  it("titles a text without a headline by its first sentence when that is short", async () => {
    const d = await readOne(`Dr. Amal Haddad resigned on Friday.\n\n${BODY}`, { origin: "t3.txt" });
    expect(d.title).toBe("Dr. Amal Haddad resigned on Friday");
    expect(leadTitle("The U.S. envoy left Kabul. Talks ended.")).toBe("The U.S. envoy left Kabul");
    expect(leadTitle("12 345 678")).toBeUndefined();
  });
});

describe("encodings", () => {
  it("decodes latin-1 text", async () => {
    const s = "Le café était fermé après l'explosion près du cimetière, a déclaré le préfet à la presse.";
    const d = await readOne(iconv.encode(s, "latin1"), { origin: "fr.txt" });
    expect(d.text).toBe(s);
  });

  it("decodes windows-1251 text", async () => {
    const s =
      "Взрыв в центре города унёс жизни десятков человек. Власти заявили об аресте нескольких подозреваемых в организации теракта.";
    const d = await readOne(iconv.encode(s, "windows-1251"), { origin: "ru.txt" });
    expect(d.text).toBe(s);
    expect(d.language).toBe("ru");
  });

  it("decodes UTF-16 with a BOM", async () => {
    const s = "Officials confirmed the attack on the convoy and said the investigation was continuing.";
    const d = await readOne(iconv.encode(s, "utf-16le", { addBOM: true }), { origin: "u16.txt" });
    expect(d.text).toBe(s);
  });

  it("never turns invalid UTF-8 into replacement characters", async () => {
    const good = utf8("The convoy was attacked near the border crossing ");
    const bytes = new Uint8Array([...good, 0xe9, 0x20, 0x96, 0x20, ...utf8("officials said.")]);
    const d = await readOne(bytes, { origin: "bad.txt" });
    expect(d.text).not.toContain("\uFFFD");
    expect(d.text).toContain("officials said.");
  });

  it("honours a charset from the Content-Type", async () => {
    const s = "Überfall auf die Grenzstation: Die Behörden melden drei Tote und zahlreiche Verletzte.";
    const d = await readOne(iconv.encode(s, "windows-1252"), {
      origin: "x",
      contentType: "text/plain; charset=windows-1252",
    });
    expect(d.text).toBe(s);
  });
});

describe("empty and junk input", () => {
  it("rejects an empty payload", async () => {
    expect(await readError(new Uint8Array(0), { origin: "e.txt" })).toBe("empty file");
  });
  it("rejects a whitespace-only payload as empty", async () => {
    expect(await readError("  \n\n\t  \n", { origin: "w.txt" })).toBe("empty file");
  });
  it("rejects binary junk", async () => {
    const junk = new Uint8Array(512).map((_, i) => (i * 37 + 11) % 256);
    expect(await readError(junk, { origin: "j.txt" })).toBe("binary file of unknown type");
  });
  it("rejects a payload over the size cap, naming the cap", async () => {
    expect(await readError("x".repeat(3000), { origin: "big.txt" }, { maxBytes: 2048 })).toMatch(/size cap of 2 KiB/);
  });
});

describe("language guess", () => {
  it("names the language of English and of other prose, und for too little text", () => {
    expect(guessLanguage(BODY)).toBe("en");
    expect(guessLanguage("Der Anschlag auf die Grenzstation forderte mehrere Tote, teilten die Behörden mit.")).toBe(
      "de",
    );
    expect(guessLanguage("ok 12")).toBe("und");
  });
});
