/**
 * The service catalogue page in Chromium against the real server (src/main.ts composes the
 * workplace): the secretariat puts the demo service in the catalogue (a wrong address is refused
 * next to its field), the entry shows its monogram; the page has no WCAG 2.1 A/AA violation; the
 * secretariat subscribes the Ville (a negative seat count refused at its field); the server's
 * public launcher feed then lists the service as subscribed for the Ville de Lyon.
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

describe("service catalogue page (Chromium, real server)", { timeout: 240_000 }, () => {
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

  it("the secretariat adds the demo service to the catalogue; the feed then lists it", async () => {
    const url = server?.url ?? "";
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
});
