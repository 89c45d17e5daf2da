/**
 * The mail migration's page in Chromium against the real server (src/main.ts composes
 * provisioning): the secretariat reaches it from the navigation; with no mail connector declared
 * yet the page says so; the page has no WCAG 2.1 A/AA violation. The report's figures against
 * real mail servers: test/provisioning/mail-connector-scim.test.ts.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  accessibilityViolations,
  account,
  buildConsole,
  chromiumMissing,
  launchChromium,
  type RunningServer,
  signIn,
  startServer,
} from "./console-harness.ts";

const missing = chromiumMissing();

describe("mail migration page (Chromium, real server)", { timeout: 240_000 }, () => {
  let webRoot = "";
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    if (missing) throw new Error(missing);
    webRoot = mkdtempSync(join(tmpdir(), "entente-web-"));
    await buildConsole(webRoot);
    server = await startServer(webRoot);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, server.url, account("secretariat"));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (webRoot !== "") rmSync(webRoot, { recursive: true, force: true });
  });

  it("the secretariat opens the mail migration from the navigation", async () => {
    await page.getByRole("link", { name: "Migration de la messagerie" }).click();
    await page.getByRole("heading", { level: 1, name: "Migration de la messagerie" }).waitFor();
    await page
      .getByText("Aucun membre n'a encore de personnes servies par un connecteur de messagerie.")
      .waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
  });
});
