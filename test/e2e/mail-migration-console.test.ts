/**
 * The mail migration's page in Chromium against the real server (src/main.ts composes
 * provisioning): the secretariat reaches it from the navigation; with no mail connector declared
 * yet the page says so; the page has no WCAG 2.1 A/AA violation. The report's figures against
 * real mail servers: test/provisioning/mail-connector-scim.test.ts.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { accessibilityViolations, signedInConsole } from "./console-harness.ts";

describe("mail migration page (Chromium, real server)", { timeout: 240_000 }, () => {
  const app = signedInConsole("secretariat");
  let page: Page;
  before(() => {
    page = app.page();
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
