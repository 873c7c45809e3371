// The workbench's sign-in in a real (headless) Chromium: a store with an account shows the form, a wrong
// password is refused in words, the right one opens the workbench as that user, and signing out returns
// to the form. Skips like browser.test.ts when Chromium or web/dist is missing (and fails under CI there).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliActor } from "../../src/app/audit.js";
import { projectRoot } from "../../src/app/paths.js";
import { addUser } from "../../src/app/users.js";
import { type Running, startServer } from "../../src/server/serve.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { doc, tempDir } from "../helpers.js";
import { browserRequired, findChromium } from "./chromium.js";

const CHROMIUM = findChromium();
const ready = !!CHROMIUM && existsSync(join(projectRoot(), "web", "dist", "index.html"));
if (!ready) {
  if (browserRequired()) {
    describe("sign-in in a browser (required under CI)", () => {
      it("has a browser and a built workbench", () => {
        throw new Error("browser tests cannot run: no Chromium or no web/dist");
      });
    });
  } else console.warn("[e2e] sign-in skipped: no Chromium or no web/dist");
}

describe.skipIf(!ready)("signing in to the workbench", () => {
  const tmp = tempDir("tessera-signin-");
  let store: SqliteStore;
  let server: Running;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    store = new SqliteStore(join(tmp.dir, "signin.db"));
    await store.putDocument(
      doc("The river ferry service resumed after the storm, the harbour office said.", { title: "Ferry back" }),
    );
    await addUser(store, cliActor(), "anna", "analyst", "analyst password");
    server = await startServer(store, 0);
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    tmp.cleanup();
  });

  it("asks for a sign-in, refuses a wrong password, then opens as the user", async () => {
    await page.goto(`${server.url}#/documents`);
    await page.getByRole("heading", { name: "Sign in" }).waitFor({ timeout: 15_000 });
    expect(await page.getByText("Ferry back").count()).toBe(0);
    await page.getByLabel("User name").fill("anna");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page
      .getByRole("alert")
      .getByText(/Wrong user name or password/)
      .waitFor();
    await page.getByLabel("Password").fill("analyst password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("anna (analyst)").waitFor({ timeout: 15_000 });
    await page.getByText("Ferry back").first().waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
  }, 60_000);
});
