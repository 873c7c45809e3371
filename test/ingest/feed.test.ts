// RSS and Atom feeds: one document per entry, HTML content to text, metadata mapping.
import { describe, expect, it } from "vitest";
import { readBuffer } from "../../src/ingest/index.js";
import { utf8 } from "./helpers.js";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [<!ENTITY boom "&#65;&#65;&#65;&#65;&#65;&#65;&#65;&#65;">]>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Frontier Monitor</title>
  <language>en-us</language>
  <item>
    <title>Convoy ambushed near the pass</title>
    <link>https://monitor.example/convoy</link>
    <dc:creator>Lee Park</dc:creator>
    <pubDate>Wed, 03 Jan 2024 21:15:00 +0330</pubDate>
    <description>Short teaser only.</description>
    <content:encoded><![CDATA[<p>Gunmen ambushed a supply convoy near the mountain pass on Wednesday.</p>
      <p>Two drivers were killed &amp; three were injured.</p><script>steal()</script>]]></content:encoded>
  </item>
  <item>
    <title>Curfew extended</title>
    <link>https://monitor.example/curfew</link>
    <author>desk@monitor.example (Ana Ruiz)</author>
    <pubDate>Thu, 04 Jan 2024 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;The curfew in the district was extended for another week.&lt;/p&gt;</description>
  </item>
  <item><title>Empty entry</title><link>https://monitor.example/empty</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">Border Desk</title>
  <entry>
    <title type="html">Raid on &lt;em&gt;depot&lt;/em&gt;</title>
    <link rel="self" href="https://desk.example/feed/1"/>
    <link rel="alternate" href="https://desk.example/raid"/>
    <author><name>Omar Haddad</name></author>
    <published>2024-01-06T23:30:00-05:00</published>
    <updated>2024-01-08T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Security forces raided an arms depot.&lt;/p&gt;&lt;p&gt;Nine suspects were detained.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Statement issued</title>
    <link href="https://desk.example/statement"/>
    <updated>2024-01-09</updated>
    <summary type="text">The ministry issued a statement on the raid.</summary>
  </entry>
</feed>`;

describe("RSS", () => {
  it("yields one draft per entry with content:encoded preferred over description", async () => {
    const r = await readBuffer(utf8(RSS), { origin: "feeds/monitor.xml" });
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toHaveLength(2); // the entry without text is left out of readBuffer's list
    const [a, b] = r.value;
    expect(a!.format).toBe("feed-item");
    expect(a!.title).toBe("Convoy ambushed near the pass");
    expect(a!.url).toBe("https://monitor.example/convoy");
    expect(a!.author).toBe("Lee Park");
    expect(a!.outlet).toBe("Frontier Monitor");
    expect(a!.language).toBe("en");
    expect(a!.publishedAt?.iso).toBe("2024-01-03");
    expect(a!.text).toBe(
      "Gunmen ambushed a supply convoy near the mountain pass on Wednesday.\n\nTwo drivers were killed & three were injured.",
    );
    expect(b!.author).toBe("Ana Ruiz");
    expect(b!.text).toBe("The curfew in the district was extended for another week.");
    expect(b!.publishedAt?.iso).toBe("2024-01-04");
    expect(a!.origin).not.toBe(b!.origin);
  });

  it("lets the caller override the outlet", async () => {
    const r = await readBuffer(utf8(RSS), { origin: "m.rss" }, { outlet: "Override Wire" });
    expect(r.ok && r.value.every((d) => d.outlet === "Override Wire")).toBe(true);
  });
});

describe("Atom", () => {
  it("maps entries: alternate link, author name, published before updated, html content", async () => {
    const r = await readBuffer(utf8(ATOM), { origin: "desk.atom" });
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toHaveLength(2);
    const [a, b] = r.value;
    expect(a!.title).toBe("Raid on depot");
    expect(a!.url).toBe("https://desk.example/raid");
    expect(a!.author).toBe("Omar Haddad");
    expect(a!.outlet).toBe("Border Desk");
    expect(a!.publishedAt?.iso).toBe("2024-01-06");
    expect(a!.text).toBe("Security forces raided an arms depot.\n\nNine suspects were detained.");
    expect(b!.url).toBe("https://desk.example/statement");
    expect(b!.publishedAt?.iso).toBe("2024-01-09");
    expect(b!.text).toBe("The ministry issued a statement on the raid.");
  });

  it("does not expand entities declared in a DOCTYPE (no billion laughs)", async () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE feed [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
  <entry><title>E</title><content type="text">Before &d; after, the report on the strike continues.</content></entry>
</feed>`;
    const r = await readBuffer(utf8(lol), { origin: "lol.atom" });
    if (!r.ok) throw new Error(r.error);
    expect(r.value[0]!.text.length).toBeLessThan(200);
    expect(r.value[0]!.text).toContain("the report on the strike continues");
  });

  it("reports XML that is not a feed", async () => {
    const r = await readBuffer(utf8('<?xml version="1.0"?><rss><nochannel/></rss>'), { origin: "x.xml" });
    expect(r.ok).toBe(false);
  });
});
