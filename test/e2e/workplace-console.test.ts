/**
 * The service catalogue page in Chromium against the real server (src/main.ts composes the
 * workplace): the secretariat puts the demo service in the catalogue (a wrong address is refused
 * next to its field), the entry shows its monogram; the page has no WCAG 2.1 A/AA violation; the
 * secretariat subscribes the Ville (a negative seat count refused at its field); the server's
 * public launcher feed then lists the service as subscribed for the Ville de Lyon.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { accessibilityViolations, signedInConsole } from "./console-harness.ts";

describe("service catalogue page (Chromium, real server)", { timeout: 240_000 }, () => {
  const app = signedInConsole("secretariat");
  let page: Page;
  before(() => {
    page = app.page();
  });

  it("the secretariat adds the demo service to the catalogue; the feed then lists it", async () => {
    const url = app.server().url;
    await page.getByRole("link", { name: "Catalogue de services" }).click();
    await page.getByRole("heading", { level: 1, name: "Catalogue de services" }).waitFor();
    await page.getByText("Aucun service au catalogue pour l'instant.").waitFor();
    await page.getByLabel(/^Adresse/).fill("http://demo.lyon.test/");
    await page.getByRole("button", { name: "Ajouter au catalogue" }).click();
    await page.locator("#catalogue-url-error").waitFor();
    await page.getByLabel(/^Adresse/).fill("https://demo.lyon.test/");
    await page.getByRole("button", { name: "Ajouter au catalogue" }).click();
    const table = page.getByRole("table", { name: /Services du catalogue \(1\)/ });
    await table.waitFor();
    const logoWidth = await table
      .locator("img")
      .first()
      .evaluate(async (img) => {
        const image = img as HTMLImageElement;
        await image.decode();
        return image.naturalWidth;
      });
    assert.equal(logoWidth, 64, "the generated monogram is shown");
    assert.deepEqual(await accessibilityViolations(page), []);
    // The Ville subscribes from a day: the feed then shows the service as subscribed.
    await page.getByRole("button", { name: /^Souscriptions à / }).click();
    await page
      .getByText("Aucun membre n'a souscrit à ce service : personne ne peut s'y connecter.")
      .waitFor();
    await page.getByLabel("Membre", { exact: true }).selectOption({ label: "Ville de Lyon" });
    await page.getByLabel("Depuis le").fill("2023-01-01");
    await page.getByLabel(/^Comptes \(sièges\)/).fill("-2");
    await page.getByRole("button", { name: "Abonner le membre" }).click();
    await page.locator("#subscribe-seats-error").waitFor();
    await page.getByLabel(/^Comptes \(sièges\)/).fill("120");
    await page.getByRole("button", { name: "Abonner le membre" }).click();
    await page
      .getByRole("table", { name: /Membres abonnés/ })
      .getByRole("row", { name: /Ville de Lyon/ })
      .waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    const feed = await fetch(`${url}/api/v1.0/lagaufre/services/?siren=216901231`);
    assert.equal(feed.headers.get("access-control-allow-origin"), "*");
    const body = (await feed.json()) as {
      organization: { name: string };
      services: { url: string; subscribed: boolean }[];
    };
    assert.equal(body.organization.name, "Ville de Lyon");
    assert.deepEqual(
      body.services.map((s) => [s.url, s.subscribed]),
      [["https://demo.lyon.test/", true]],
    );
  });

  it("subscription form: quotas with units, roles, groups and a migration wave; server errors at their fields", async () => {
    // Issue 11 §2: the Métropole subscribes with a wave; wrong values are refused next to their fields.
    await page.getByLabel("Membre", { exact: true }).selectOption({ label: "Métropole de Lyon" });
    assert.equal(
      await page.getByRole("button", { name: "Abonner le membre" }).count(),
      1,
      "a new subscription",
    );
    await page.getByLabel("Depuis le").fill("2023-01-01");
    await page.getByLabel("Rôle", { exact: true }).selectOption({ label: "Agents seulement" });
    await page.getByLabel("Groupes", { exact: true }).fill("DSI, Direction générale");
    await page.getByLabel("Stockage par compte", { exact: true }).fill("-5");
    await page.getByLabel("Nom de la vague").fill("Vague 1 — Métropole");
    await page.getByLabel("Début prévu").fill("2023-06-30");
    await page.getByLabel("Fin prévue").fill("2023-01-01");
    await page.getByLabel("Comptes à migrer").fill("1200");
    await page.getByLabel("Comptes migrés").fill("450");
    await page.getByRole("button", { name: "Abonner le membre" }).click();
    await page.locator("#subscribe-storage-account-error").waitFor();
    await page.locator("#subscribe-wave-plannedEnd-error").waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.getByLabel("Stockage par compte", { exact: true }).fill("10");
    await page.getByLabel("Début prévu").fill("2023-01-01");
    await page.getByLabel("Fin prévue").fill("2023-06-30");
    await page.getByRole("button", { name: "Abonner le membre" }).click();
    const waves = page.getByRole("table", { name: "Vagues de migration par membre et par service" });
    const row = waves.getByRole("row", { name: /Métropole de Lyon/ });
    await row.waitFor();
    // Cells after the service's name: wave, planned days, actual days, accounts planned, migrated, remaining.
    assert.deepEqual((await row.getByRole("cell").allInnerTexts()).slice(1), [
      "Vague 1 — Métropole",
      "1er janvier 2023 → 30 juin 2023",
      "— → —",
      "1200",
      "450",
      "750",
    ]);
    const subscribed = page
      .getByRole("table", { name: /Membres abonnés/ })
      .getByRole("row", { name: /Métropole de Lyon/ })
      .getByRole("cell");
    assert.deepEqual((await subscribed.allInnerTexts()).slice(2, 6), [
      "Agents seulement",
      "DSI, Direction générale",
      "—",
      "10 GiB",
    ]);
    // Chosen again, the member's subscription fills the form: it is now a change, not a new one.
    await page.getByLabel("Membre", { exact: true }).selectOption({ label: "Ville de Lyon" });
    await page.getByLabel("Membre", { exact: true }).selectOption({ label: "Métropole de Lyon" });
    assert.equal(await page.getByLabel("Stockage par compte", { exact: true }).inputValue(), "10");
    assert.equal(await page.getByLabel("Unité de stockage par compte").inputValue(), "GiB");
    assert.equal(await page.getByLabel("Groupes", { exact: true }).inputValue(), "DSI, Direction générale");
    await page.getByLabel("Comptes migrés").fill("1200");
    await page.getByRole("button", { name: "Enregistrer la souscription" }).click();
    await page.getByRole("status").filter({ hasText: "Souscription enregistrée." }).waitFor();
    const migrated = waves.getByRole("row", { name: /Métropole de Lyon/ }).getByRole("cell");
    await migrated.last().filter({ hasText: /^0$/ }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
  });
});
