// The Reader shows a Persian report right to left, paragraph by paragraph, with its highlights on the characters
// the extraction named; a mixed English/Persian document keeps each paragraph's own direction. Real (headless)
// Chromium against a live server over a temp store holding two documents written for this test.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/app/paths.js";
import { ingestAll } from "../../src/app/pipeline.js";
import { type Running, startServer } from "../../src/server/serve.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { tempDir } from "../helpers.js";
import { browserRequired, findChromium } from "./chromium.js";

const CHROMIUM = findChromium();
const DIST = join(projectRoot(), "web", "dist", "index.html");
const SHOTS = join(projectRoot(), "artifacts", "screenshots");
const missing = !CHROMIUM
  ? "no Chromium found"
  : !existsSync(DIST)
    ? "web/dist is missing — run `npm run build:web`"
    : undefined;
if (missing && browserRequired()) {
  describe("right-to-left Reader (required under CI)", () => {
    it("has a browser and a built workbench", () => {
      throw new Error(`browser tests cannot run: ${missing}`);
    });
  });
} else if (missing) console.warn(`[e2e] right-to-left Reader skipped: ${missing}`);

const PERSIAN = [
  "---",
  "published: 2023-10-05",
  "---",
  "حمله تروریستی در مشهد",
  "روز ۱۲ مهر ۱۴۰۲ یک فرد مسلح با تیراندازی به زائران حمله کرد. در این حادثه ۵ نفر کشته و ۹ نفر زخمی شدند.",
].join("\n");

const MIXED = [
  "---",
  "language: en",
  "---",
  "The provincial governor read out a statement in Persian after the shooting at the shrine on Wednesday.",
  "ما این اقدام تروریستی را به شدت محکوم می‌کنیم و عاملان آن به زودی مجازات خواهند شد.",
  "Security forces said they had detained two men who were seen near the shrine before the attack.",
].join("\n");

// evaluated in the page: each paragraph block's computed direction and language
const PARAS = `[...document.querySelectorAll("pre.doctext .para")].map((p) => ({
  dir: getComputedStyle(p).direction, lang: p.getAttribute("lang"), text: p.textContent }))`;

describe.skipIf(!!missing)("right-to-left Reader", () => {
  const tmp = tempDir("tessera-rtl-");
  let store: SqliteStore;
  let server: Running;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    writeFileSync(join(tmp.dir, "fa.txt"), PERSIAN);
    writeFileSync(join(tmp.dir, "mixed.txt"), MIXED);
    store = new SqliteStore(join(tmp.dir, "rtl.db"));
    const out = await ingestAll(store, [join(tmp.dir, "fa.txt"), join(tmp.dir, "mixed.txt")]);
    for (const o of out) ids[o.input.endsWith("fa.txt") ? "fa" : "mixed"] = o.id!;
    server = await startServer(store, 0);
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    tmp.cleanup();
  });

  const open = async (id: string): Promise<void> => {
    await page.goto(`${server.url}#/doc/${id}`);
    await page.waitForSelector("pre.doctext .para");
  };

  it("renders a Persian report right to left with highlights on the extracted characters", async () => {
    await open(ids.fa!);
    const paras = (await page.evaluate(PARAS)) as { dir: string; lang: string; text: string }[];
    expect(paras.length).toBeGreaterThanOrEqual(2);
    expect(paras.every((p) => p.dir === "rtl" && p.lang === "fa")).toBe(true);
    const marks = await page.$$eval("pre.doctext mark", (ms) => ms.map((m) => m.textContent));
    const facts = (await (await fetch(new URL(`/api/documents/${ids.fa}/facts`, server.url))).json()) as {
      mentions: { text: string; kind: string }[];
    };
    const counts = facts.mentions.filter((m) => m.kind === "count").map((m) => m.text);
    expect(counts).toEqual(["۵", "۹"]);
    for (const c of counts) expect(marks).toContain(c);
    expect(marks).toContain("مشهد");
    expect(await page.locator("main .meta").textContent()).toContain("fa");
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "reader-rtl.png") });
  }, 60_000);

  it("gives each paragraph of a mixed document its own direction", async () => {
    await open(ids.mixed!);
    const dirs = ((await page.evaluate(PARAS)) as { dir: string; lang: string }[]).map((p) => [p.dir, p.lang]);
    expect(dirs).toEqual([
      ["ltr", "en"],
      ["rtl", "fa"],
      ["ltr", "en"],
    ]);
    expect(await page.locator("main .meta").textContent()).toContain("also fa");
  }, 60_000);
});
