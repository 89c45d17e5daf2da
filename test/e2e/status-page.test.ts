/**
 * The public status page in Chromium (no sign-in), served by Entente composed as src/main.ts does
 * (PGlite), with a real HTTP service on 127.0.0.1: operational, then stopped — the probe turns
 * it down (red, "Indisponible") — with an incident; no WCAG 2.1 A/AA violation in French and in
 * English, on a phone's width too.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import { migratedPgliteTemplate } from "../helpers/pglite-template.ts";
import { type StatusWorld, startHttpService, startStatusWorld } from "../workplace/status-fixtures.ts";
import { accessibilityViolations, chromiumMissing, launchChromium } from "./console-harness.ts";

const missing = chromiumMissing();

describe("public status page (Chromium)", { timeout: 240_000 }, () => {
  let database: OpenDatabase | undefined;
  let w: StatusWorld | undefined;
  let web: Awaited<ReturnType<typeof startHttpService>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let id = "";

  before(async () => {
    if (missing) throw new Error(missing);
    database = await openDatabase({
      kind: "pglite",
      dataDir: "memory://",
      loadDataDir: await migratedPgliteTemplate(),
    });
    await migrateToLatest(database.db);
    w = await startStatusWorld(database);
    id = await w.catalogue("lyon", "Visioconférence");
    await w.catalogue("lyon", "Messagerie");
    web = await startHttpService((_q, res) => res.end("ok"));
    const put = await w.clients.secretariat.send("PUT", `/api/ententes/lyon/workplace/services/${id}/probe`, {
      kind: "http",
      target: `http://127.0.0.1:${web.port}/`,
      timeoutMs: 2000,
      intervalSeconds: 60,
    });
    assert.equal(put.status, 200);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  });
  after(async () => {
    await browser?.close();
    await web?.stop();
    await w?.teardown.run();
    await database?.close();
  });

  const stateOf = (name: string) =>
    page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name }) })
      .locator("[data-status]");

  it("a probe turns a stopped service red on the page; the page is accessible", async () => {
    const world = w as StatusWorld;
    await world.workplace.probeOnce("lyon");
    await page.goto(`${world.url}/status/lyon`);
    await page.getByRole("heading", { level: 1, name: /^État des services — / }).waitFor();
    assert.equal(await stateOf("Visioconférence").textContent(), "Opérationnel");
    assert.equal(await stateOf("Messagerie").textContent(), "État inconnu");
    assert.deepEqual(await accessibilityViolations(page), []);
    await web?.stop();
    web = undefined;
    await world.workplace.probeOnce("lyon");
    const opened = await world.clients.secretariat.send("POST", "/api/ententes/lyon/workplace/incidents", {
      kind: "incident",
      title: "Visioconférence indisponible",
      impact: "down",
      status: "investigating",
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: null,
      clientIds: [id],
      memberIds: ["metropole"],
      message: "Le serveur ne répond plus ; l'hébergeur est prévenu.",
    });
    assert.equal(opened.status, 201);
    await page.reload();
    const down = stateOf("Visioconférence");
    assert.equal(await down.textContent(), "Indisponible");
    assert.equal(await down.evaluate((e) => getComputedStyle(e).color), "rgb(206, 5, 0)", "red");
    await page.getByRole("heading", { level: 3, name: /Visioconférence indisponible/ }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Aller au contenu");
    await page.getByRole("link", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: /^Service status — / }).waitFor();
    assert.equal(await stateOf("Visioconférence").textContent(), "Down");
    assert.deepEqual(await accessibilityViolations(page), []);
  });
});
