/**
 * The service status page of the console in Chromium against the real server (src/main.ts runs
 * the probe scheduler): the secretariat catalogues the demo service and registers its health
 * probe towards an HTTP service started here on 127.0.0.1 (a wrong target refused at its field); the scheduler finds it operational,
 * then — the service stopped — down, on the console and on the public page; the secretariat
 * declares an incident (a missing title refused at its field), adds an update; no WCAG 2.1 A/AA
 * violation.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { startHttpService } from "../workplace/status-fixtures.ts";
import {
  accessibilityViolations,
  account,
  buildConsole,
  chromiumMissing,
  ENTENTE,
  launchChromium,
  type RunningServer,
  signIn,
  startServer,
} from "./console-harness.ts";

const missing = chromiumMissing();

describe("service status page (Chromium, real server and its probe scheduler)", { timeout: 300_000 }, () => {
  let webRoot = "";
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let service: Awaited<ReturnType<typeof startHttpService>> | undefined;
  let page: Page;

  before(async () => {
    if (missing) throw new Error(missing);
    webRoot = mkdtempSync(join(tmpdir(), "entente-web-"));
    await buildConsole(webRoot);
    server = await startServer(webRoot);
    service = await startHttpService((_q, res) => res.end("ok"));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, server.url, account("secretariat"));
  });
  after(async () => {
    await browser?.close();
    await service?.stop();
    await server?.stop();
    if (webRoot !== "") rmSync(webRoot, { recursive: true, force: true });
  });

  /** Reloads until `text` shows in the services' table (the scheduler passes every 5 s); at most 60 s. */
  const waitForState = async (text: string) => {
    const cell = page.getByRole("table", { name: /^État des services/ }).getByRole("cell", { name: text });
    for (let i = 0; i < 30; i++) {
      if ((await cell.count()) > 0) return;
      await new Promise((r) => setTimeout(r, 2000));
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "État des services" }).waitFor();
    }
    assert.fail(`the status never showed "${text}"`);
  };

  it("a probe turns the stopped service red; the secretariat declares an incident", async () => {
    await page.getByRole("link", { name: "Catalogue de services" }).click();
    await page.getByLabel(/^Adresse/).fill("https://demo.lyon.test/");
    await page.getByRole("button", { name: "Ajouter au catalogue" }).click();
    await page.getByRole("table", { name: /Services du catalogue \(1\)/ }).waitFor();
    await page.getByRole("link", { name: "État des services" }).click();
    await page.getByRole("heading", { level: 1, name: "État des services" }).waitFor();
    const probeForm = page.getByRole("form", { name: "Enregistrer la sonde d'un service" });
    await probeForm.getByLabel(/^Cible/).fill("ftp://demo.lyon.test/");
    await probeForm.getByLabel(/^Intervalle/).fill("10");
    // Flap damping: 1 to 10 consecutive results, the wrong one named beside its field.
    assert.equal(await probeForm.getByLabel("Succès consécutifs avant le retour").inputValue(), "2");
    await probeForm.getByLabel("Échecs consécutifs avant « Indisponible »").fill("0");
    await probeForm.getByRole("button", { name: "Enregistrer la sonde" }).click();
    await page.locator("#probe-target-error").waitFor();
    assert.match((await page.locator("#probe-failures-error").textContent()) ?? "", /de 1 à 10/);
    await probeForm.getByLabel("Échecs consécutifs avant « Indisponible »").fill("2");
    await probeForm.getByLabel(/^Cible/).fill(`http://127.0.0.1:${service?.port ?? 0}/`);
    await probeForm.getByRole("button", { name: "Enregistrer la sonde" }).click();
    await page.getByRole("cell", { name: `HTTP http://127.0.0.1:${service?.port ?? 0}/` }).waitFor();
    await waitForState("Opérationnel");
    assert.deepEqual(await accessibilityViolations(page), []);
    await service?.stop();
    service = undefined;
    await waitForState("Indisponible");
    const publicPage = await fetch(`${server?.url}/status/${ENTENTE}`);
    assert.match(await publicPage.text(), /data-status="down">Indisponible/);

    await page.getByRole("button", { name: "Publier" }).click();
    await page.locator("#incident-title-error").waitFor();
    await page.getByLabel("Titre").fill("Le service de démonstration ne répond plus");
    await page.getByLabel("Début").fill("2026-03-10T09:30");
    await page.getByRole("group", { name: "Services concernés" }).getByRole("checkbox").first().check();
    await page.getByLabel("Message", { exact: true }).fill("Nous cherchons la cause.");
    await page.getByRole("button", { name: "Publier" }).click();
    const card = page.getByRole("article", { name: /Le service de démonstration ne répond plus/ });
    await card.waitFor();
    await card.getByLabel("Statut").selectOption({ label: "Cause identifiée" });
    await card.getByLabel("Message").fill("Le serveur a été arrêté.");
    await card.getByRole("button", { name: "Ajouter une mise à jour" }).click();
    await page
      .getByRole("article", { name: /\(Cause identifiée\)/ })
      .getByText(/Le serveur a été arrêté/)
      .waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
  });
});
