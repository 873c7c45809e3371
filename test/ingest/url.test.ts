// URL ingest: the private-address guard (literal IPs, localhost, redirects), streaming size cap,
// timeout, and content-type dispatch — all with fake fetch/lookup, no network.
import { describe, expect, it } from "vitest";
import { blockedReason, ingestInputs } from "../../src/ingest/index.js";
import type { IngestItem, IngestOptions } from "../../src/ingest/types.js";

async function collect(inputs: string[], opts?: IngestOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingestInputs(inputs, opts)) out.push(item);
  return out;
}

const mustNotFetch = (() => {
  throw new Error("fetch must not be called for a refused address");
}) as unknown as typeof fetch;

const PAGE = `<html><head><meta property="og:title" content="Attack on depot"></head><body><article>
  <p>Security forces said an armed group attacked a fuel depot on the edge of the city before dawn.</p>
  <p>Three guards were wounded and the attackers escaped in two vehicles, according to the police.</p></article></body></html>`;

describe("address classification", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "0.0.0.0",
    "100.64.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1%eth0",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::10.0.0.1",
  ])("refuses %s", (ip) => {
    expect(blockedReason(ip)).toBeDefined();
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "allows %s",
    (ip) => {
      expect(blockedReason(ip)).toBeUndefined();
    },
  );
});

describe("URL guard", () => {
  it.each([
    "http://127.0.0.1/",
    "http://localhost/",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://169.254.169.254/",
    "http://2130706433/",
    "http://[::ffff:7f00:1]/",
  ])("refuses %s without fetching", async (url) => {
    const items = await collect([url], { fetchImpl: mustNotFetch });
    expect(items).toHaveLength(1);
    expect(items[0]!.result.ok).toBe(false);
    expect(items[0]!.result.ok === false && items[0]!.result.error).toMatch(/refusing/);
  });

  it("refuses a host name that resolves to any private address", async () => {
    const items = await collect(["https://intranet.example/"], {
      fetchImpl: mustNotFetch,
      lookupImpl: async () => ["93.184.216.34", "192.168.0.10"],
    });
    expect(items[0]!.result.ok === false && items[0]!.result.error).toMatch(/192\.168\.0\.10/);
  });

  it("refuses a redirect to a private address", async () => {
    const seen: string[] = [];
    const fake = (async (url: string | URL | Request) => {
      seen.push(String(url));
      return new Response(null, { status: 302, headers: { location: "http://10.0.0.5/admin" } });
    }) as typeof fetch;
    const items = await collect(["http://93.184.216.34/story"], { fetchImpl: fake });
    expect(seen).toEqual(["http://93.184.216.34/story"]);
    expect(items[0]!.result.ok === false && items[0]!.result.error).toMatch(/redirect 1 refused.*10\.0\.0\.5/);
  });

  it("caps the number of redirects", async () => {
    let n = 0;
    const fake = (async () => {
      n++;
      return new Response(null, { status: 301, headers: { location: `/hop${n}` } });
    }) as unknown as typeof fetch;
    const items = await collect(["http://93.184.216.34/"], { fetchImpl: fake, maxRedirects: 3 });
    expect(n).toBe(4);
    expect(items[0]!.result.ok === false && items[0]!.result.error).toMatch(/too many redirects/);
  });

  it("allows private addresses only when asked", async () => {
    const fake = (async () =>
      new Response(PAGE, { headers: { "content-type": "text/html" } })) as unknown as typeof fetch;
    const items = await collect(["http://127.0.0.1:8080/page"], { fetchImpl: fake, allowPrivate: true });
    expect(items[0]!.result.ok).toBe(true);
  });
});

describe("URL fetch", () => {
  it("follows a public redirect, reads HTML by content-type and records the final URL", async () => {
    const fake = (async (url: string | URL | Request) => {
      if (String(url).endsWith("/short")) {
        return new Response(null, { status: 301, headers: { location: "https://news.example/full-story" } });
      }
      return new Response(PAGE, { headers: { "content-type": "text/html; charset=utf-8" } });
    }) as typeof fetch;
    const items = await collect(["https://news.example/short"], {
      fetchImpl: fake,
      lookupImpl: async () => ["93.184.216.34"],
    });
    const r = items[0]!.result;
    if (!r.ok) throw new Error(r.error);
    expect(r.value.url).toBe("https://news.example/full-story");
    expect(r.value.origin).toBe("https://news.example/short");
    expect(r.value.format).toBe("html");
    expect(r.value.title).toBe("Attack on depot");
    expect(r.value.outlet).toBe("news.example");
    expect(r.value.text).toContain("Three guards were wounded");
  });

  it("stops a streamed body at the size cap", async () => {
    let pulled = 0;
    const fake = (async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled++;
            controller.enqueue(new Uint8Array(1024).fill(65));
            if (pulled > 1000) controller.close();
          },
        }),
        { headers: { "content-type": "text/plain" } },
      )) as unknown as typeof fetch;
    const items = await collect(["http://93.184.216.34/endless"], { fetchImpl: fake, maxBytes: 8192 });
    expect(items[0]!.result.ok === false && items[0]!.result.error).toMatch(/size cap of 8 KiB/);
    expect(pulled).toBeLessThan(20);
  });

  it("times out a slow server", async () => {
    const fake = ((_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new Error("aborted")));
      })) as unknown as typeof fetch;
    const items = await collect(["http://93.184.216.34/slow"], { fetchImpl: fake, timeoutMs: 50 });
    expect(items[0]!.result.ok === false && items[0]!.result.error).toMatch(/timed out after 50 ms/);
  });

  it("reports HTTP errors", async () => {
    const fake = (async () => new Response("gone", { status: 404 })) as unknown as typeof fetch;
    const items = await collect(["http://93.184.216.34/missing"], { fetchImpl: fake });
    expect(items[0]!.result.ok === false && items[0]!.result.error).toMatch(/HTTP 404/);
  });

  it("reads a feed URL into one item per entry", async () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
      <item><title>One</title><link>https://w.example/1</link><description>First item text about the raid.</description></item>
      <item><title>Two</title><link>https://w.example/2</link><description>Second item text about the arrests.</description></item>
      </channel></rss>`;
    const fake = (async () =>
      new Response(rss, { headers: { "content-type": "application/rss+xml" } })) as unknown as typeof fetch;
    const items = await collect(["http://93.184.216.34/feed"], { fetchImpl: fake });
    expect(items).toHaveLength(2);
    expect(items.map((i) => (i.result.ok ? i.result.value.url : ""))).toEqual([
      "https://w.example/1",
      "https://w.example/2",
    ]);
    expect(items.every((i) => i.result.ok && i.result.value.outlet === "Wire")).toBe(true);
  });
});
