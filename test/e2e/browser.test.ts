// End-to-end: the built workbench in a real (headless) Chromium against a live server over a temp
// SQLite store holding the demo corpus plus one hostile document. Saves a screenshot of every view to
// artifacts/screenshots/.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AchModel, scoreAch } from "../../src/ach/index.js";
import { demoFiles } from "../../src/app/demo.js";
import { refuse } from "../../src/app/fusion.js";
import { dataDir, projectRoot } from "../../src/app/paths.js";
import { ingestAll } from "../../src/app/pipeline.js";
import type { Reliability } from "../../src/model/records.js";
import { type Running, startServer } from "../../src/server/serve.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { doc, tempDir } from "../helpers.js";
import { browserRequired, findChromium } from "./chromium.js";
import { texts } from "./fixtures.js";

const CHROMIUM = findChromium();
const DIST = join(projectRoot(), "web", "dist", "index.html");
const SHOTS = join(projectRoot(), "artifacts", "screenshots");
const missing = !CHROMIUM
  ? "no Chromium found (set CHROMIUM_PATH or put chromium on PATH; Debian: apt-get install chromium)"
  : !existsSync(DIST)
    ? "web/dist is missing — run `npm run build:web` first"
    : undefined;
if (missing && browserRequired()) {
  describe("workbench in a browser (required under CI)", () => {
    it("has a browser and a built workbench", () => {
      throw new Error(`browser tests cannot run: ${missing}`);
    });
  });
} else if (missing) console.warn(`[e2e] skipped: ${missing}`);
const ready = !missing;

// biome-ignore lint/suspicious/noExplicitAny: tests read loosely shaped JSON responses
type Json = Record<string, any>;

describe.skipIf(!ready)("workbench in a browser", () => {
  const tmp = tempDir("tessera-e2e-");
  let store: SqliteStore;
  let server: Running;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let hostileId = "";

  const api = async (path: string, init?: RequestInit): Promise<Json> =>
    (await fetch(new URL(path, server.url), init)).json() as Promise<Json>;
  const open = async (hash: string) => {
    await page.goto(`${server.url}#/${hash}`);
    await page.waitForSelector("main h1", { timeout: 15_000 });
    // a locator wait, not waitForFunction: evaluating a string in the page would break the page's own CSP
    await page.locator("main .loading").first().waitFor({ state: "detached", timeout: 15_000 });
  };
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
  const kerman = async (): Promise<Json> => {
    const items = (await api("/api/incidents?limit=500")).items as Json[];
    const k = items.filter((i) => /kerman/i.test(i.title)).sort((a, b) => b.documents.length - a.documents.length)[0];
    if (!k) throw new Error(`no Kerman incident among: ${items.map((i) => i.title).join("; ")}`);
    return k;
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    store = new SqliteStore(join(tmp.dir, "e2e.db"));
    await ingestAll(store, demoFiles(), { fuse: false });
    // The demo's Admiralty grades, so chips show real grades rather than F (cannot be judged).
    const grades = JSON.parse(readFileSync(dataDir("demo", "sources.json"), "utf8")) as {
      name: string;
      reliability: Reliability;
    }[];
    for (const g of grades) await store.upsertSource(g.name, g.reliability);
    const hostile = doc(texts.hostile, {
      outlet: "Unknown Blog",
      title: 'Hostile <img src=x onerror="window.__pwned=3">',
      published: "2024-01-05",
    });
    hostileId = hostile.id;
    await store.putDocument(hostile);
    await refuse(store);
    server = await startServer(store, 0);
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
        "--disable-quic",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    tmp.cleanup();
  });

  it("renders every view without errors", async () => {
    const inc = await kerman();
    for (const [name, hash] of [
      ["documents", "documents"],
      ["incidents", "incidents"],
      ["timeline", "timeline"],
      ["graph", "graph"],
      ["map", "map"],
      ["entities", "entities"],
      ["sources", "sources"],
      ["ach-list", "ach"],
      ["incident", `incident/${inc.id}`],
    ] as const) {
      await open(hash);
      if (name === "graph") await page.waitForTimeout(800); // cytoscape lays out after mount
      expect(await page.locator("main .error").count(), `error box on ${name}`).toBe(0);
      await shot(name, name !== "incident");
    }
    expect(errors).toEqual([]);
  }, 120_000);

  it("shows the Kerman arrests contradiction (11 vs 35) with graded source chips", async () => {
    const inc = await kerman();
    await open(`incident/${inc.id}`);
    const row = page.locator("table.attrs tr", { has: page.locator("th", { hasText: /^arrested/ }) });
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain("11");
    expect(text).toContain("35");
    expect(await row.getAttribute("class")).toContain("contra");
    expect(await page.locator(".contradictions").textContent()).toMatch(/arrested[\s\S]*11[\s\S]*→[\s\S]*35/);
    expect(await row.locator("a.chip .grade").first().textContent()).toMatch(/^[A-F][1-6]$/);
    // A chip links to the span in the Reader, which highlights it.
    await row.locator("a.chip").first().click();
    await page.waitForSelector("mark.k-focus, mark.sel");
    await shot("reader-from-chip");
  }, 60_000);

  it("accepts an extraction from the keyboard and the verdict persists", async () => {
    const inc = await kerman();
    const docId = inc.documents[0] as string;
    await open(`doc/${docId}`);
    await page.waitForSelector("ol.items li");
    await page.keyboard.press("j");
    await page.keyboard.press("a");
    await page.waitForSelector("ol.items li.sel .badge.st-accepted");
    const reviews = await api(`/api/reviews?doc=${docId}`);
    expect(reviews.items.some((r: Json) => r.status === "accepted")).toBe(true);
    await shot("reader");
  }, 60_000);

  it("edits and rejects extractions and adds a missed span from a text selection", async () => {
    const inc = await kerman();
    const docId = inc.documents[0] as string;
    await open(`doc/${docId}`);
    await page.waitForSelector("ol.items li");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("e");
    await page.getByLabel("Corrected value").fill("corrected by analyst");
    await page.keyboard.press("Enter");
    await page.waitForSelector("ol.items li.sel .badge.st-edited");
    await page.keyboard.press("j");
    await page.keyboard.press("r");
    await page.waitForSelector("ol.items li.sel .badge.st-rejected");
    // Select the first word of the text as a user would, then add it as an organisation.
    await page.evaluate(`(() => {
      const pre = document.querySelector("pre.doctext");
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      const node = walker.nextNode();
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(4, node.textContent.length));
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      pre.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    })()`);
    await page.getByLabel("Kind of the added span").selectOption("organization");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await page.waitForSelector("ol.items li .badge.st-added");
    const reviews = (await api(`/api/reviews?doc=${docId}`)).items as Json[];
    expect(reviews.map((r) => r.status).sort()).toEqual(expect.arrayContaining(["added", "edited", "rejected"]));
    const added = reviews.find((r) => r.status === "added")!;
    expect(added.start).toBe(0);
    expect(added.text).toHaveLength(added.end - added.start);
    await shot("reader-reviewed");
  }, 60_000);

  it("merges two entities and undoes it; grades a source", async () => {
    await open("entities");
    const boxes = page.locator("table.list tbody input[type=checkbox]");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const before = (await api("/api/entities?limit=1")).total as number;
    await page.getByRole("button", { name: /^Merge 2 checked/ }).click();
    await page.getByText("Merge done.").waitFor();
    expect((await api("/api/entities?limit=1")).total).toBe(before - 1);
    await page.getByRole("button", { name: "Undo" }).first().click();
    await page.getByText("Undo done.").waitFor();
    expect((await api("/api/entities?limit=1")).total).toBe(before);

    await open("sources");
    const first = page.locator("table.list tbody tr").first();
    const name = (await first.locator("td").first().textContent()) ?? "";
    await first.locator("select").selectOption("A");
    await page.getByText(/is now graded A/).waitFor();
    const sources = (await fetch(new URL("/api/sources", server.url)).then((r) => r.json())) as Json[];
    expect(sources.find((x) => x.name === name)?.reliability).toBe("A");
  }, 60_000);

  it("merges two incidents, undoes it, then splits one and undoes that", async () => {
    const inc = await kerman();
    const total = async () => (await api("/api/incidents?limit=1")).total as number;
    const before = await total();
    expect(before).toBeGreaterThan(1);
    await open(`incident/${inc.id}`);
    const other = page.locator('select[aria-label="Other incident"]');
    await expect.poll(() => other.locator("option").count()).toBeGreaterThan(1);
    await other.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Merge into this incident" }).click();
    await page.getByText(/Merge done/).waitFor();
    expect(await total()).toBe(before - 1);
    // the History panel says who merged what, by name
    await page
      .locator(".history li", { hasText: /^.*local merged incidents "/ })
      .first()
      .waitFor();
    await shot("incident-merged");
    await page.locator("ul.overrides li button", { hasText: "Undo" }).first().click();
    await page.getByText(/Undo done/).waitFor();
    expect(await total()).toBe(before);

    await page.evaluate('document.querySelectorAll("details").forEach((d) => { d.open = true; })');
    await page.locator("ul.events input[type=checkbox]").first().check();
    await page.getByRole("button", { name: /Split checked events/ }).click();
    await page.getByText(/Split done/).waitFor();
    expect(await total()).toBe(before + 1);
    await page.locator("ul.overrides li button", { hasText: "Undo" }).first().click();
    await page.getByText(/Undo done/).waitFor();
    expect(await total()).toBe(before);
  }, 90_000);

  it("builds a 2-hypothesis × 3-evidence ACH matrix and reads the scores", async () => {
    const inc = await kerman();
    await open(`ach/${inc.id}`);
    for (const h of ["A jihadist group carried out the bombing", "A state service carried out the bombing"]) {
      await page.getByLabel("New hypothesis").fill(h);
      await page.getByRole("button", { name: "Add hypothesis" }).click();
    }
    const add = page.locator(".picker li button", { hasText: /^Add$/ });
    await expect.poll(() => add.count()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i++) await add.first().click();
    await expect.poll(() => page.locator("table.matrix tbody tr").count()).toBe(3);
    const rate = (e: string, h: string, r: string) => page.getByLabel(`Rating ${e} ${h}`).selectOption(r);
    await rate("e1", "h1", "C");
    await rate("e1", "h2", "II");
    await rate("e2", "h1", "I");
    await rate("e3", "h2", "I");
    await page.getByLabel("credibility of e1").selectOption("high");
    await page.getByText("saved", { exact: false }).waitFor();
    // Default weights are medium × medium (0.5625); e1 becomes high × medium (0.75).
    expect(await page.getByTestId("score-h1").textContent()).toContain("0.56 (1)");
    expect(await page.getByTestId("score-h2").textContent()).toContain("2.06 (3)");
    expect(await page.getByTestId("score-h1").textContent()).toContain("rank 1");
    await expect
      .poll(async () => ((await api(`/api/incidents/${inc.id}/ach`)).model as AchModel).evidence[0]?.credibility)
      .toBe("high");
    const saved = (await api(`/api/incidents/${inc.id}/ach`)) as { model: AchModel; scores: Json[] };
    expect(saved.scores).toEqual(scoreAch(saved.model));
    await shot("ach");
  }, 90_000);

  it("displays script and onerror payloads in a document as text, never executing them", async () => {
    await open(`doc/${hostileId}`);
    const text = await page.locator("pre.doctext").textContent();
    expect(text).toContain("<script>window.__pwned = 1;");
    expect(text).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(await page.locator("main h1").textContent()).toContain("<img src=x onerror=");
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    expect(await page.title()).not.toBe("owned");
    expect(await page.locator("main img, main script").count()).toBe(0);
    await shot("hostile-reader");
    await open(`documents?q=payload`);
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    await shot("hostile-search");
    expect(errors).toEqual([]);
  }, 60_000);
});
