/**
 * The portal's announcements page of the console in Chromium against the real server: the
 * secretariat writes an announcement for the Métropole's élus (an end before the start refused
 * next to its field), it is listed; no WCAG 2.1 A/AA violation; the API lists it with its audience.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { accessibilityViolations, signedInConsole } from "./console-harness.ts";

describe("portal announcements page (Chromium, real server)", { timeout: 240_000 }, () => {
  const app = signedInConsole("secretariat");
  let page: Page;
  before(() => {
    page = app.page();
  });

  it("the secretariat writes an announcement for the Métropole's élus and sees it listed", async () => {
    await page.getByRole("link", { name: "Annonces du portail" }).click();
    await page.getByRole("heading", { level: 1, name: "Annonces du portail" }).waitFor();
    await page.getByText("Aucune annonce pour l'instant.").waitFor();
    await page.getByLabel("Titre").fill("Séance du conseil");
    await page.getByLabel("Texte").fill("Les documents sont en ligne.");
    await page.getByLabel("Affichée à partir du").fill("2026-03-10");
    await page.getByLabel(/^Affichée jusqu'au/).fill("2026-03-01");
    await page.getByLabel("Membre", { exact: true }).selectOption({ label: "Métropole de Lyon" });
    await page.getByLabel("Rôle").selectOption({ label: "Élus" });
    await page.getByLabel("Demander une confirmation de lecture").check();
    await page.getByRole("button", { name: "Publier l'annonce" }).click();
    await page.locator("#announcement-until-error").waitFor();
    await page.getByLabel(/^Affichée jusqu'au/).fill("2026-03-31");
    await page.getByRole("button", { name: "Publier l'annonce" }).click();
    const row = page
      .getByRole("table", { name: /Annonces \(1\)/ })
      .getByRole("row", { name: /Séance du conseil/ });
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", /Métropole de Lyon · Élus/);
    await page
      .getByRole("button", { name: /Voir qui a confirmé la lecture de « Séance du conseil »/ })
      .click();
    await page.getByText("Personne n'a encore confirmé la lecture.").waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
  });
});
