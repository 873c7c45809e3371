// HTML reader: metadata sources, text conversion, hostile markup.
import { afterEach, describe, expect, it } from "vitest";
import { readError, readOne } from "./helpers.js";

const PARA = (n: number): string =>
  `<p>Paragraph ${n}: security forces said the attackers opened fire on worshippers leaving the mosque, ` +
  `and emergency services took the wounded to three hospitals across the city during the evening.</p>`;

const ARTICLE = [1, 2, 3, 4].map(PARA).join("\n");

describe("HTML metadata", () => {
  it("reads meta, OpenGraph and html lang", async () => {
    const html = `<!doctype html><html lang="en-US"><head><title>Page title | Site</title>
      <meta property="og:title" content="Gunmen attack mosque">
      <meta property="og:site_name" content="Example Post">
      <meta property="og:url" content="https://example.org/a/1">
      <meta name="author" content="Sam Writer">
      <meta property="article:published_time" content="2024-01-05T22:10:00+03:30">
      <meta name="description" content="A short summary.">
      </head><body><nav><a href="/">Home</a></nav><article><h1>Gunmen attack mosque</h1>${ARTICLE}</article></body></html>`;
    const d = await readOne(html, { origin: "page.html" });
    expect(d.format).toBe("html");
    expect(d.title).toBe("Gunmen attack mosque");
    expect(d.outlet).toBe("Example Post");
    expect(d.author).toBe("Sam Writer");
    expect(d.url).toBe("https://example.org/a/1");
    expect(d.language).toBe("en");
    // the calendar day as written by the publisher, not shifted to UTC
    expect(d.publishedAt).toMatchObject({ iso: "2024-01-05", precision: "day" });
    expect(d.text).toContain("Paragraph 4:");
  });

  it("falls back to JSON-LD headline, author, publisher and datePublished", async () => {
    const ld = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "ignored" },
        {
          "@type": "NewsArticle",
          headline: "Blast at memorial",
          datePublished: "2024-01-03",
          author: [{ "@type": "Person", name: "Ana Reporter" }],
          publisher: { "@type": "Organization", name: "Wire Service" },
        },
      ],
    };
    const html = `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script>
      <script type="application/ld+json">{ not json</script></head><body><article>${ARTICLE}</article></body></html>`;
    const d = await readOne(html, { origin: "ld.html" });
    expect(d.title).toBe("Blast at memorial");
    expect(d.author).toBe("Ana Reporter");
    expect(d.outlet).toBe("Wire Service");
    expect(d.publishedAt?.iso).toBe("2024-01-03");
    expect(d.text).not.toContain("NewsArticle");
  });

  it("uses the fetched URL and host as url/outlet when the page names neither", async () => {
    const d = await readOne(`<html><body><article>${ARTICLE}</article></body></html>`, {
      origin: "https://www.news.example/x",
      url: "https://www.news.example/x",
      contentType: "text/html",
    });
    expect(d.url).toBe("https://www.news.example/x");
    expect(d.outlet).toBe("news.example");
  });
});

describe("HTML to text", () => {
  it("keeps paragraph breaks, line breaks and decoded entities", async () => {
    const html = `<html><body><article>${ARTICLE}<p>Casualties &amp; damage: &quot;severe&quot; &#8212; first line<br>second line</p></article></body></html>`;
    const d = await readOne(html, { origin: "e.html" });
    expect(d.text).toContain('Casualties & damage: "severe" — first line\nsecond line');
    expect(d.text.split("\n\n").length).toBeGreaterThanOrEqual(5);
  });

  it("works on a short page Readability declines, without page chrome", async () => {
    const html = `<html><body><header>Site menu</header><p>One short report: two people were hurt.</p><footer>© Example</footer></body></html>`;
    const d = await readOne(html, { origin: "short.html" });
    expect(d.text).toContain("two people were hurt");
    expect(d.text).not.toContain("Site menu");
  });
});

describe("hostile HTML", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).__tesseraPwned;
  });

  it("keeps no script and runs nothing", async () => {
    const html = `<html><head><script>globalThis.__tesseraPwned = "head";</script><style>p{color:red}</style></head>
      <body onload="globalThis.__tesseraPwned='onload'"><article>${ARTICLE}
      <p>Image follows <img src="x" onerror="globalThis.__tesseraPwned='img'"> and text continues.</p>
      <script>document.write('INJECTED'); globalThis.__tesseraPwned = "body";</script>
      <iframe srcdoc="<script>globalThis.__tesseraPwned=1</script>"></iframe>
      <noscript>Enable JavaScript</noscript></article></body></html>`;
    const d = await readOne(html, { origin: "evil.html" });
    expect((globalThis as Record<string, unknown>).__tesseraPwned).toBeUndefined();
    expect(d.text).not.toMatch(/__tesseraPwned|INJECTED|document\.write|color:red|Enable JavaScript|onerror/);
    expect(d.text).toContain("Image follows and text continues.");
  });

  it("does not crash on malformed markup", async () => {
    const html = `<html><body><div><p>Unclosed paragraph about the raid <b>bold <i>both</b> tail</i>
      <table><tr><td>cell one<td>cell two</table></div></span></article><p attr="unterminated>Last words of the report.`;
    const d = await readOne(html, { origin: "bad.html" });
    expect(d.text).toContain("Unclosed paragraph about the raid");
  });

  it("falls back to the meta description on a page without a readable body", async () => {
    const html = `<html><head><meta name="description" content="Teaser: a bomb exploded near the port."></head><body><script>x()</script></body></html>`;
    const d = await readOne(html, { origin: "teaser.html" });
    expect(d.text).toBe("Teaser: a bomb exploded near the port.");
  });

  it("reports an error for a page with no text", async () => {
    const err = await readError("<!doctype html><html><body><script>x()</script></body></html>", { origin: "n.html" });
    expect(err).toMatch(/no article text/);
  });
});

describe("deeply nested markup", () => {
  it("survives thousands of nested elements", async () => {
    const depth = 20_000;
    const html = `<html><body>${"<div><span>".repeat(depth)}Deep text about the explosion.${"</span></div>".repeat(depth)}</body></html>`;
    const d = await readOne(html, { origin: "deep.html" });
    expect(d.text).toContain("Deep text about the explosion.");
  });
});
