// Payload typing: bytes decide over names and Content-Type; declared charsets in HTML.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { sniffKind } from "../../src/ingest/sniff.js";
import { readError, readOne, utf8 } from "./helpers.js";

describe("sniffKind", () => {
  it.each([
    ["%PDF-1.7\n...", "x.txt", "pdf"],
    ["  <!DOCTYPE html><html><body>x</body></html>", "page.txt", "html"],
    ["<!-- saved page --><html lang=en>", "page", "html"],
    ['<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "feed.txt", "feed"],
    ['<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "a", "feed"],
    ['<?xml version="1.0"?><urlset><url/></urlset>', "sitemap.xml", "xml"],
    ["Plain words about a raid.", "notes", "text"],
    ["<p>fragment</p>", "frag.html", "html"],
  ])("%j named %s → %s", (content, name, kind) => {
    expect(sniffKind(utf8(content), { origin: name })).toBe(kind);
  });

  it("uses Content-Type when the bytes are not conclusive", () => {
    expect(sniffKind(utf8("<p>hello</p>"), { origin: "https://x.example/a", contentType: "text/html" })).toBe("html");
    expect(sniffKind(utf8("hello"), { origin: "https://x.example/a.html", contentType: "text/plain" })).toBe("text");
  });

  it("treats a UTF-16 text with a BOM as text, not binary", () => {
    const bytes = iconv.encode("A short UTF-16 note about the attack.", "utf-16le", { addBOM: true });
    expect(sniffKind(new Uint8Array(bytes), { origin: "n.txt" })).toBe("text");
  });
});

describe("dispatch", () => {
  it("reads a .txt file that is really HTML with the HTML reader", async () => {
    const d = await readOne(
      "<!doctype html><html><body><p>Two officers were injured in the clash on Friday.</p></body></html>",
      {
        origin: "saved.txt",
      },
    );
    expect(d.format).toBe("html");
    expect(d.text).toBe("Two officers were injured in the clash on Friday.");
  });

  it("honours <meta charset> for a legacy-encoded HTML page", async () => {
    const s = "Взрыв произошёл у входа на кладбище, сообщили местные власти во вторник вечером.";
    const html = `<html><head><meta charset="windows-1251"><title>t</title></head><body><p>${s}</p></body></html>`;
    const d = await readOne(iconv.encode(html, "windows-1251"), { origin: "ru.html" });
    expect(d.text).toBe(s);
  });

  it("refuses data and code files by extension", async () => {
    expect(await readError('[{"name": "x"}]', { origin: "sources.json" })).toMatch(/unsupported file type/);
    expect(await readError("a,b\n1,2", { origin: "x", contentType: "text/csv" })).toMatch(/unsupported file type/);
  });

  it("refuses XML that is not a feed", async () => {
    expect(await readError('<?xml version="1.0"?><urlset><url/></urlset>', { origin: "s.xml" })).toMatch(/not an RSS/);
  });
});
