// The private-address guard for URL ingest. A workbench that fetches analyst-supplied URLs must
// not become a way to reach the analyst's own machine or network (SSRF): every host name is
// resolved and every address checked, on every redirect hop, unless allowPrivate (the CLI's
// --allow-private) is set.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

type Cidr4 = [number, number]; // base address as uint32, prefix length

const v4 = (a: number, b: number, c: number, d: number): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

const BLOCKED_V4: [Cidr4, string][] = [
  [[v4(0, 0, 0, 0), 8], "unspecified/this-network"],
  [[v4(10, 0, 0, 0), 8], "private"],
  [[v4(100, 64, 0, 0), 10], "carrier-grade NAT"],
  [[v4(127, 0, 0, 0), 8], "loopback"],
  [[v4(169, 254, 0, 0), 16], "link-local"],
  [[v4(172, 16, 0, 0), 12], "private"],
  [[v4(192, 0, 0, 0), 24], "IETF protocol assignments"],
  [[v4(192, 168, 0, 0), 16], "private"],
  [[v4(198, 18, 0, 0), 15], "benchmarking"],
  [[v4(224, 0, 0, 0), 4], "multicast"],
  [[v4(240, 0, 0, 0), 4], "reserved/broadcast"],
];

function parseV4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return v4(parts[0]!, parts[1]!, parts[2]!, parts[3]!);
}

function v4Reason(addr: number): string | undefined {
  for (const [[base, len], why] of BLOCKED_V4) {
    const mask = len === 0 ? 0 : (~0 << (32 - len)) >>> 0;
    if ((addr & mask) >>> 0 === base) return why;
  }
  return undefined;
}

/** Eight 16-bit groups of an IPv6 address (with an optional dotted IPv4 tail); undefined if malformed. */
function parseV6(input: string): number[] | undefined {
  let s = input
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "")
    .toLowerCase();
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (tail) {
    const n = parseV4(tail[1]!);
    if (n === undefined) return undefined;
    s = `${s.slice(0, -tail[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const fill = 8 - head.length - rest.length;
  if (halves.length === 1 ? head.length !== 8 : fill < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill("0"), ...rest];
  const nums = groups.map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? Number.parseInt(g, 16) : Number.NaN));
  return nums.some(Number.isNaN) ? undefined : nums;
}

function v6Reason(g: number[]): string | undefined {
  const zeros = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  const embedded = (): number => ((g[6]! << 16) | g[7]!) >>> 0;
  if (zeros(8)) return "unspecified";
  if (zeros(7) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  if (zeros(5) && g[5] === 0xffff) return v4Reason(embedded()) ?? undefined;
  if (zeros(6)) return v4Reason(embedded()) ?? "IPv4-compatible";
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4Reason(embedded());
  if (g[0] === 0x2002) return v4Reason(((g[1]! << 16) | g[2]!) >>> 0); // 6to4
  if ((g[0]! & 0xfe00) === 0xfc00) return "unique-local (private)";
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local";
  if ((g[0]! & 0xffc0) === 0xfec0) return "site-local";
  if ((g[0]! & 0xff00) === 0xff00) return "multicast";
  return undefined;
}

/** Why an IP address is not publicly routable, or undefined when it is. Malformed input is refused. */
export function blockedReason(ip: string): string | undefined {
  const bare = ip.replace(/^\[|\]$/g, "");
  const kind = isIP(bare.replace(/%.*$/, ""));
  if (kind === 4) return v4Reason(parseV4(bare)!);
  if (kind === 6) {
    const groups = parseV6(bare);
    return groups ? v6Reason(groups) : "malformed IPv6 address";
  }
  return "not an IP address";
}

export type Lookup = (hostname: string) => Promise<string[]>;

export const dnsLookup: Lookup = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Checks that a URL's host resolves only to public addresses. Returns an error sentence or
 * undefined. A host that resolves to any blocked address is refused (not just the first).
 */
export async function checkHost(url: URL, resolve: Lookup = dnsLookup): Promise<string | undefined> {
  const host = url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  if (!host) return "URL has no host";
  if (host === "localhost" || host.endsWith(".localhost")) return `refusing ${url.hostname}: loopback host name`;
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch (e) {
      return `could not resolve ${host}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
    if (!addresses.length) return `could not resolve ${host}: no addresses`;
  }
  for (const a of addresses) {
    const why = blockedReason(a);
    if (why) return `refusing ${url.hostname}: ${a} is not a public address (${why}); pass --allow-private to fetch it`;
  }
  return undefined;
}
