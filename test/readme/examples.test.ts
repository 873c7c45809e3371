// Runs every `npx tessera …` line of README.md's shell blocks, in order, in a scratch folder with a
// scratch ./tessera.db and small inputs written for this test, and fails when one exits non-zero.
// What the test changes, and only this: `npx tessera` runs this checkout's source; the placeholders ID
// and INCIDENT become a stored document and incident id; http(s) URLs point at a local server that
// serves a report (this machine has no network), with --allow-private added to reach it; `serve`
// listens on a free port and is stopped after it answers.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";

const root = join(import.meta.dirname, "..", "..");
const tmp = tempDir("tessera-readme-");
const runner = join(root, "test", "cli", "run-cli.ts");
const tsx = import.meta.resolve("tsx");

/** The `npx tessera` lines of the README's ```sh blocks, in order. */
function readmeCommands(markdown: string): string[] {
  const out: string[] = [];
  for (const block of markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split("\n")) {
      const line = raw.trim();
      if (/^npx tessera\b/.test(line)) out.push(line);
    }
  }
  return out;
}

const lines = readmeCommands(readFileSync(join(root, "README.md"), "utf8"));
let site: Server;
let siteUrl = "";
const ids = { ID: "", INCIDENT: "" };

const prelude = `npx() { if [ "$1" != tessera ]; then echo "not tessera: $*" >&2; return 127; fi; shift; exec node --import "${tsx}" "${runner}" "$@"; }\n`;

function prepare(line: string): string {
  let l = line.replace(/https?:\/\/\S+/g, (u) => `${siteUrl}${new URL(u).pathname} --allow-private`);
  for (const [k, v] of Object.entries(ids)) if (v) l = l.replace(new RegExp(`\\b${k}\\b`, "g"), v);
  return l;
}

/** Runs one line; asynchronously, so the local site in this process can answer it. */
function run(line: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", prelude + prepare(line)], { cwd: tmp.dir });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out, err });
    });
  });
}

/** Starts a long-running line (serve), waits for its URL, checks it answers, stops it with Ctrl+C. */
async function runServer(line: string): Promise<number> {
  const l = prepare(line).replace(/--port\s+\d+/, "--port 0");
  const child: ChildProcess = spawn("bash", ["-c", prelude + l], { cwd: tmp.dir });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d) => {
    err += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL from: ${line}\n${err}`)), 60_000);
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /(http:\/\/\S+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`${line} exited ${code} before serving\n${err}`)));
  });
  const health = await fetch(new URL("api/health", url));
  expect(health.status).toBe(200);
  const exited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? -1)));
  child.kill("SIGINT");
  return exited;
}

beforeAll(async () => {
  mkdirSync(join(tmp.dir, "reports"));
  writeFileSync(
    join(tmp.dir, "reports", "first.txt"),
    "Bridge reopens after blast\n\nA bomb damaged the river bridge at Tarvel on 14 April 2022, and police made two arrests the next day, the regional governor said.\n",
  );
  writeFileSync(
    join(tmp.dir, "reports", "second.txt"),
    "Two held over Tarvel bridge bombing\n\nPolice in Tarvel said on 15 April 2022 that two men were arrested over the bombing of the river bridge, which wounded six people.\n",
  );
  writeFileSync(
    join(tmp.dir, "feed.xml"),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>
    <item><title>Curfew in Tarvel</title><pubDate>Sat, 16 Apr 2022 08:00:00 GMT</pubDate><description>Officials imposed a night curfew in Tarvel after the bridge bombing, the governor's office said.</description></item>
    </channel></rss>`,
  );
  site = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      "<html><head><title>Tarvel bridge update</title></head><body><article><h1>Tarvel bridge update</h1><p>Engineers said on 17 April 2022 that the bridge at Tarvel would stay shut for a month after the bombing that wounded six people.</p></article></body></html>",
    );
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => site.close(r));
  tmp.cleanup();
});

describe("README examples", { timeout: 600_000 }, () => {
  it("has examples to run", () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => /^npx tessera ingest\b/.test(l))).toBe(true);
  });

  it("every npx tessera line runs without error", async () => {
    for (const line of lines) {
      if (/^npx tessera (serve|demo)\b/.test(line)) {
        expect(await runServer(line), line).toBe(0);
        continue;
      }
      const r = await run(line);
      expect(r.code, `${line}\n${r.err}`).toBe(0);
      if (/^npx tessera ingest\b/.test(line)) {
        expect(r.out, line).not.toMatch(/^error/m);
        // now there is something to name
        const list = await run("npx tessera list --json");
        ids.ID = JSON.parse(list.out).items[0].id.slice(0, 12);
        const fused = JSON.parse((await run("npx tessera export json --compact")).out);
        ids.INCIDENT = fused.incidents[0]?.id ?? "";
        expect(ids.INCIDENT, "the README's inputs make at least one incident").not.toBe("");
      }
    }
  });
});
