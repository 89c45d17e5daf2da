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
 * Issue 9 in Chromium, the console pages of the entente over its life: adding a member (its
 * identifiers checked in the form and by the server), a percent key changed from a named exercise,
 * the key simulator. The steps run in order on one database (the Lyon example, 2022 and 2023
 * adopted), by keyboard where a person would.
 */
const missing = chromiumMissing();
if (missing) throw new Error(missing);

/** A commune's SIREN and SIRET with valid check digits (Luhn), and the SIREN with a wrong one. */
const SIREN = "216902049";
const SIRET = "21690204900016";
const WRONG_SIREN = "216902048";

describe("membership, key periods and the key simulator in the console (Chromium)", {
  timeout: 300_000,
}, () => {
  const app = signedInConsole("secretariat");
  const errors = app.errors;
  let server: RunningServer;
  let page: Page;
  const at = (path: string) => `${server.url}/ententes/${ENTENTE}${path}`;
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is what a person sees
  const textOfMain = async () => (await page.locator("main").innerText()).replace(/\s+/g, " ");
  const memberIds = async () =>
    (
      (await page.evaluate(`fetch("/api/ententes/${ENTENTE}").then((r) => r.json())`)) as {
        members: { id: string }[];
      }
    ).members.map((m) => m.id);

  before(() => {
    server = app.server();
    page = app.page();
  });

  it("the conference adopts the 2023 budget (every member's deliberation recorded)", async () => {
    await page.goto(at("/decisions"));
    await page.getByText("Nouvelle décision de la conférence").click();
    await page.getByLabel("Objet").fill("Approbation du budget 2023 relatif aux missions socles");
    await page.getByLabel("Conférence", { exact: true }).fill("1re conférence intercommunale");
    await page.getByLabel("Date de la conférence").fill("2022-11-07");
    await page.getByRole("button", { name: "Créer la décision" }).click();
    const deliberations = [
      ["Métropole de Lyon", "2022-1356", "2022-12-12"],
      ["Ville de Lyon", "2022/2341", "2022-12-15"],
      ["SITIV", "CS-2023-04", "2023-01-20"],
    ] as const;
    for (const [member, number, date] of deliberations) {
      await page.getByRole("button", { name: `Enregistrer la délibération — ${member}` }).click();
      await page.getByLabel("N° de délibération").fill(number);
      await page.getByLabel("Date de la délibération").fill(date);
      await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
      await page.getByRole("cell", { name: number }).waitFor();
    }
    await page.getByText("le budget 2023 est adopté").waitFor();
    // closed once adopted (the server would answer 409 ratification.closed): read-only, with why
    const card = page.getByRole("region", { name: "Approbation du budget 2023 relatif aux missions socles" });
    await card
      .getByText("Budget 2023 adopté : ces délibérations sont enregistrées et ne se modifient plus.")
      .waitFor();
    assert.equal(await card.getByRole("button", { name: /^Enregistrer la délibération/ }).count(), 0);
    await card.getByRole("cell", { name: "CS-2023-04" }).waitFor();
  });

  it("a SIREN whose check digit is wrong is refused next to its field, by the form; nothing is added", async () => {
    await page.goto(at("/members"));
    const before = await memberIds();
    await page.getByText("Ajouter un membre").first().focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "Ajouter un membre" });
    await form.getByLabel("Nom").fill("Commune de Saint-Genis-Laval");
    await form.getByLabel("SIREN").fill(WRONG_SIREN);
    await form.getByLabel("Poste comptable", { exact: true }).fill("SGC d'Oullins");
    await form.getByRole("button", { name: "Ajouter le membre" }).press("Enter");
    const error = form.locator("#new-member-siren-error");
    await error.waitFor();
    assert.match((await error.textContent()) ?? "", /clé de contrôle \(formule de Luhn\)/);
    assert.equal(await form.getByLabel("SIREN").getAttribute("aria-invalid"), "true");
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(await memberIds(), before);
  });

  it("joining in an adopted year is refused by the server next to « à partir de l'exercice »", async () => {
    const form = page.getByRole("form", { name: "Ajouter un membre" });
    assert.equal(await form.getByLabel("Membre à partir de l'exercice").inputValue(), "2024");
    await form.getByLabel("SIREN").fill(SIREN);
    await form.getByLabel("SIRET").fill(SIRET);
    await form.getByLabel("Membre à partir de l'exercice").fill("2023");
    await form.getByRole("button", { name: "Ajouter le membre" }).click();
    const error = form.locator("#new-member-from-error");
    await error.waitFor();
    assert.match((await error.textContent()) ?? "", /2023/);
    // the summary lists the field's message as a link to it, not the API's « errors », and has the focus
    const summary = form.getByRole("alert");
    const link = summary.getByRole("link", { name: (await error.textContent()) ?? "" });
    await link.waitFor();
    assert.doesNotMatch((await summary.textContent()) ?? "", /errors|détaillé/);
    assert.match((await summary.textContent()) ?? "", /Rien n'a été enregistré/);
    assert.equal(await summary.evaluate((e) => e === document.activeElement), true);
    await link.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "new-member-from");
    assert.ok(!(await memberIds()).includes("commune-de-saint-genis-laval"));
  });

  it("adds the commune from 2024: its page shows its membership, its accountant, nothing owed; 2023 unchanged", async () => {
    const form = page.getByRole("form", { name: "Ajouter un membre" });
    await form.getByLabel("Membre à partir de l'exercice").fill("2024");
    await form.getByRole("button", { name: "Ajouter le membre" }).click();
    await page.getByRole("heading", { name: "Compte de Commune de Saint-Genis-Laval par année" }).waitFor();
    assert.ok(page.url().endsWith("/members/commune-de-saint-genis-laval"));
    const row = (await page.getByRole("row", { name: /Saint-Genis-Laval/ }).textContent()) ?? "";
    assert.match(row, /216902049/);
    assert.match(row, /depuis 2024/);
    assert.match(row, /SGC d'Oullins/);
    await page.locator("[data-still-owed]").waitFor();
    assert.match(await textOfMain(), /Reste dû : 0,00 €/);
    assert.equal(await page.getByLabel("Quitte l'entente à la fin de l'exercice").inputValue(), "");
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.goto(at("/?year=2023"));
    await page.getByRole("row", { name: /Métropole de Lyon/ }).waitFor();
    const main = await textOfMain();
    for (const figure of ["305 797,00 €", "217 051,00 €", "116 328,00 €"])
      assert.ok(main.includes(figure), figure);
    assert.deepEqual(errors, []);
  });

  it("a population key from 2023 is refused (2023 adopted): the form says so by the year and proposes 2024", async () => {
    await page.goto(at("/keys"));
    await page.getByText("Modifier la clé à partir d'un exercice").focus();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "Nouvelle période de la clé « Clé des missions socles »" });
    assert.equal(await form.getByLabel("À partir de l'exercice").inputValue(), "2024");
    await form.getByLabel("À partir de l'exercice").fill("2023");
    await form.getByLabel("Nature des chiffres").selectOption("weights");
    await form.getByLabel("Source").fill("Populations légales INSEE 2021");
    for (const [name, population] of [
      ["Métropole de Lyon", "1 424 069"],
      ["Ville de Lyon", "522 250"],
      ["SITIV", "120 000"],
    ] as const)
      await form.getByLabel(`Pondération de ${name} (population, usage…)`).fill(population);
    await form.getByRole("button", { name: "Enregistrer la nouvelle période" }).click();
    const error = form.locator(`[id$="-from-error"]`);
    await error.waitFor();
    assert.match((await error.textContent()) ?? "", /déjà approuvé ou adopté.*à partir de 2024/);
    assert.deepEqual(await accessibilityViolations(page), []);
    await form.getByRole("button", { name: "Appliquer à partir de 2024" }).click();
    // from 2024 the commune that joined has its figure to give too
    await form.getByLabel("Pondération de Commune de Saint-Genis-Laval (population, usage…)").fill("20 987");
    await form.getByRole("button", { name: "Enregistrer la nouvelle période" }).click();
    const periods = page.getByRole("table", { name: "Périodes de la clé « Clé des missions socles »" });
    await periods.waitFor();
    const text = ((await periods.textContent()) ?? "").replace(/\s+/g, " ");
    assert.match(text, /Depuis l'origine/);
    assert.match(text, /À partir de 2024/);
    assert.match(text, /Populations légales INSEE 2021/);
    assert.match(text, /1424069|1 424 069/);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.goto(at("/?year=2023"));
    await page.getByRole("row", { name: /Métropole de Lyon/ }).waitFor();
    const main = await textOfMain();
    for (const figure of ["305 797,00 €", "217 051,00 €", "116 328,00 €"])
      assert.ok(main.includes(figure), figure);
    assert.deepEqual(errors, []);
  });

  it("the key simulator compares populations with a hypothetical commune joining, side by side; nothing saved", async () => {
    const members = await memberIds();
    await page.goto(at("/"));
    await page.getByRole("link", { name: "Simulateur de clés" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Simulateur de clés" }).waitFor();
    assert.equal(await page.getByLabel("Exercice", { exact: true }).inputValue(), "2023");
    await page.getByLabel("Intitulé de la variante").fill("Population INSEE 2021");
    await page.getByLabel("Base de la variante").selectOption("weights");
    for (const [name, population] of [
      ["Métropole de Lyon", "1 424 069"],
      ["Ville de Lyon", "522 250"],
      ["SITIV", "120 000"],
    ] as const)
      await page.getByLabel(`Pondération de ${name} (population, usage…)`).fill(population);
    await page.getByRole("button", { name: "Ajouter une commune qui adhère" }).focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("Nom de la commune hypothétique 1").fill("Commune d'Oullins");
    await page.getByLabel("Pondération de Commune d'Oullins (population, usage…)").fill("26 653");
    await page.getByRole("button", { name: "Comparer" }).click();
    const table = page.getByRole("table", { name: /Contribution de chaque membre à l'exercice 2023/ });
    await table.waitFor();
    const cells = async (row: string) =>
      (
        await table
          .getByRole("row", { name: new RegExp(row) })
          .locator("td")
          .allInnerTexts()
      ).map((c) => c.replace(/\s+/g, " ").trim());
    const [current, population] = await cells("^Total");
    assert.ok(current !== undefined && current === population, `${current} = ${population}`);
    const [oullinsNow, oullins] = await cells("Commune d'Oullins");
    assert.equal(oullinsNow, "0,00 €");
    assert.notEqual(oullins, "0,00 €");
    const [sitivNow] = await cells("^SITIV");
    assert.ok(sitivNow !== undefined && sitivNow.length > 0);
    const csv = await page
      .getByRole("link", { name: "Télécharger la comparaison (CSV)" })
      .getAttribute("href");
    assert.match(decodeURIComponent(csv ?? ""), /Commune d'Oullins,0\.00,\d+\.\d{2}/);
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(await memberIds(), members);
    assert.deepEqual(errors, []);
  });

  it("a member's page offers its statement as ODT and PDF; the links download them", async () => {
    await page.goto(at("/members/sitiv"));
    const odt = page.getByRole("link", { name: "Télécharger le relevé (ODT, LibreOffice)" });
    await odt.waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), odt.press("Enter")]);
    assert.equal(download.suggestedFilename(), `releve-${ENTENTE}-sitiv.odt`);
    const pdfHref = await page
      .getByRole("link", { name: "Télécharger le relevé (PDF)" })
      .getAttribute("href");
    const type = await page.evaluate(
      `fetch(${JSON.stringify(pdfHref)}).then((r) => r.headers.get("content-type"))`,
    );
    assert.equal(type, "application/pdf");
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
