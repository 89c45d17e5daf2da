import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import {
  accessibilityViolations,
  chromiumMissing,
  ENTENTE,
  type RunningServer,
  signedInConsole,
} from "./console-harness.ts";

/**
 * Issue 9, item 3 in Chromium: the secretariat changes the socle key to weighted criteria from
 * 2025 — population (INSEE 2022) 50 %, agents 30 %, budget 20 %, each member's figures in a table
 * member × criterion — with the weights checked live and a missing figure refused next to its
 * cell; 2023 keeps its figures (305 797 € for the Métropole). The steps run in order on one database.
 */
const missing = chromiumMissing();
if (missing) throw new Error(missing);

const MEMBERS = ["Métropole de Lyon", "Ville de Lyon", "SITIV"] as const;
/** Population 70 / 25 / 5 %, agents 60 / 30 / 10 %, budget 50 / 30 / 20 %: 63 / 27,5 / 9,5 %. */
const CRITERIA = [
  ["Population municipale", "50", "Populations légales INSEE 2022", ["1 400 000", "500 000", "100 000"]],
  ["Agents", "30", "Effectifs au 1er janvier 2025", ["600", "300", "100"]],
  ["Budget de fonctionnement", "15", "Comptes administratifs 2023", ["500 000,5", "300 000,3", ""]],
] as const;

describe("a criteria key from 2025 in the console (Chromium)", { timeout: 240_000 }, () => {
  const app = signedInConsole("secretariat");
  const errors = app.errors;
  let server: RunningServer;
  let page: Page;
  let form: Locator;
  const at = (path: string) => `${server.url}/ententes/${ENTENTE}${path}`;
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is what a person sees
  const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, " ");
  const periodsOfSocle = async () =>
    (
      (await page.evaluate(`fetch("/api/ententes/${ENTENTE}").then((r) => r.json())`)) as {
        keys: { id: string; periods: { from: number | null }[] }[];
      }
    ).keys
      .find((k) => k.id === "socle")
      ?.periods.map((p) => p.from);

  before(() => {
    server = app.server();
    page = app.page();
  });

  it("criteria typed with their weights and sources: the sum is checked as they are typed", async () => {
    await page.goto(at("/keys"));
    const socle = page.locator('section[aria-labelledby="key-socle"]');
    await socle.getByText("Modifier la clé à partir d'un exercice").click();
    form = page.getByRole("form", { name: "Nouvelle période de la clé « Clé des missions socles »" });
    await form.getByLabel("À partir de l'exercice").fill("2025");
    await form.getByLabel("Nature des chiffres").selectOption("criteria");
    await form.getByLabel("Source", { exact: true }).fill("Avenant n° 2 : clé par critères");
    for (const [i, [label, weight, source, values]] of CRITERIA.entries()) {
      if (i > 0) await form.getByRole("button", { name: "Ajouter un critère" }).click();
      await form.getByLabel(`Intitulé du critère ${i + 1}`).fill(label);
      await form.getByLabel(`Poids du critère ${i + 1} (en % de la clé)`).fill(weight);
      await form.getByLabel(`Source et millésime du critère ${i + 1}`).fill(source);
      for (const [m, value] of values.entries())
        await form.getByLabel(`${label} — ${MEMBERS[m]}`, { exact: true }).fill(value);
    }
    const check = form.locator("#period-socle-criteria-check");
    assert.match(await textOf(check), /Somme : 95 % — il manque 5 % pour atteindre 100 %/);
    assert.equal(
      await form.getByRole("button", { name: "Enregistrer la nouvelle période" }).isDisabled(),
      true,
    );
    await form.getByLabel("Poids du critère 3 (en % de la clé)").fill("20");
    assert.match(await textOf(check), /exactement 100 %/);
    assert.deepEqual(await accessibilityViolations(page), []);
  });

  it("a member without a figure for a criterion is refused next to its cell; nothing stored", async () => {
    await form.getByRole("button", { name: "Enregistrer la nouvelle période" }).click();
    const cell = form.getByLabel("Budget de fonctionnement — SITIV", { exact: true });
    await form.locator("#period-socle-criterion-2-sitiv-error").waitFor();
    assert.equal(await cell.getAttribute("aria-invalid"), "true");
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(await periodsOfSocle(), [null]);
  });

  it("saved from 2025: the key's periods and its criteria with their sources; the form keeps them for the next change", async () => {
    await form.getByLabel("Budget de fonctionnement — SITIV", { exact: true }).fill("200 000,2");
    await form.getByRole("button", { name: "Enregistrer la nouvelle période" }).click();
    const periods = page.getByRole("table", { name: "Périodes de la clé « Clé des missions socles »" });
    await periods.waitFor();
    const timeline = await textOf(periods);
    assert.match(timeline, /Depuis l'origine.*À partir de 2025/);
    assert.match(timeline, /Critères pondérés · Avenant n° 2/);
    assert.match(timeline, /Métropole de Lyon 53 % 63 %/);
    assert.match(timeline, /Ville de Lyon 30,6 % 27,5 %/);
    assert.match(timeline, /SITIV 16,4 % 9,5 %/);
    const criteria = await textOf(
      page.getByRole("table", { name: "Critères de la clé « Clé des missions socles » (À partir de 2025)" }),
    );
    assert.match(criteria, /Population municipale \(50 %\) Populations légales INSEE 2022/);
    assert.match(criteria, /Budget de fonctionnement \(20 %\) Comptes administratifs 2023/);
    assert.match(criteria, /Métropole de Lyon 1400000 600 500000,5/);
    assert.deepEqual(await periodsOfSocle(), [null, 2025]);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.reload();
    await page
      .locator('section[aria-labelledby="key-socle"]')
      .getByText("Modifier la clé à partir d'un exercice")
      .click();
    assert.equal(await form.getByLabel("Nature des chiffres").inputValue(), "criteria");
    assert.equal(await form.getByLabel("Intitulé du critère 2").inputValue(), "Agents");
    assert.equal(
      await form.getByLabel("Source et millésime du critère 1").inputValue(),
      "Populations légales INSEE 2022",
    );
  });

  it("2023 does not move: 305 797 € for the Métropole, 217 051 € and 116 328 €", async () => {
    await page.goto(at("/?year=2023"));
    await page.getByRole("row", { name: /Métropole de Lyon/ }).waitFor();
    const main = await textOf(page.locator("main"));
    for (const figure of ["305 797,00 €", "217 051,00 €", "116 328,00 €"])
      assert.ok(main.includes(figure), figure);
    assert.deepEqual(errors, []);
  });
});
