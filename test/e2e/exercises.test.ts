import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import {
  accessibilityViolations,
  chromiumMissing,
  ENTENTE,
  type RunningServer,
  signedInConsole,
} from "./console-harness.ts";

/**
 * Issue 9, item 1 in Chromium: the secretariat opens exercise 2024 from 2023 on the budget page;
 * 2023's figures do not move. The steps run in order on one database.
 */
const missing = chromiumMissing();
if (missing) throw new Error(missing);

describe("opening an exercise in the console (Chromium)", { timeout: 240_000 }, () => {
  const app = signedInConsole("secretariat");
  const errors = app.errors;
  let server: RunningServer;
  let page: Page;
  const at = (path: string) => `${server.url}/ententes/${ENTENTE}${path}`;
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is what a person sees
  const textOfMain = async () => (await page.locator("main").innerText()).replace(/\s+/g, " ");

  before(() => {
    server = app.server();
    page = app.page();
  });

  it("a carry-over that is no amount is refused next to its field; nothing opens", async () => {
    await page.goto(at("/budget"));
    await page.getByText("Ouvrir l'exercice 2024").first().click();
    await page.getByLabel("Solde d'investissement 2023 reporté (001, €)").fill("beaucoup");
    await page.getByRole("button", { name: "Ouvrir l'exercice 2024" }).click();
    await page.locator(".field--error").first().waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    const years = await page.evaluate(`fetch("/api/ententes/${ENTENTE}").then((r) => r.json())`);
    assert.deepEqual(
      (years as { exercises: { year: number }[] }).exercises.map((e) => e.year),
      [2022, 2023],
    );
  });

  it("opens 2024 from 2023 with 2023's investment result: a draft of 2023's lines, then 2023 unchanged", async () => {
    await page.getByLabel("Solde d'investissement 2023 reporté (001, €)").fill("350 000");
    await page.getByRole("button", { name: "Ouvrir l'exercice 2024" }).click();
    await page.getByRole("heading", { level: 1, name: "Budget 2024" }).waitFor();
    await page.getByText("Budget primitif 2024").first().waitFor();
    // 2023's 24 lines, its « Report 2022 » replaced by « Report de l'exercice 2023 (excédent) »
    assert.equal(await page.locator("[data-budget-row]").count(), 24);
    assert.match((await page.locator(".balance__status").textContent()) ?? "", /Investissement : équilibrée/);
    assert.match(await textOfMain(), /Ouvrir l'exercice 2025/);
    await page.goto(at("/?year=2023"));
    await page.getByRole("row", { name: /Métropole de Lyon/ }).waitFor();
    const main = await textOfMain();
    for (const figure of ["305 797,00 €", "217 051,00 €", "116 328,00 €"])
      assert.ok(main.includes(figure), figure);
    assert.deepEqual(errors, []);
  });

  it("a member's page shows its membership, its account by year and what it still owes", async () => {
    await page.goto(at("/members/sitiv"));
    await page.getByRole("heading", { name: "Compte de SITIV par année" }).waitFor();
    const row2023 = (await page.getByRole("row", { name: /^2023/ }).textContent()) ?? "";
    assert.match(row2023.replace(/\s+/g, " "), /116 328,00 €/);
    // 2023 and the draft 2024 (2023's lines, 16,4 % of 544 176 € = 89 245 €), nothing paid yet
    assert.match(await textOfMain(), /Reste dû : 205 573,00 €/);
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
