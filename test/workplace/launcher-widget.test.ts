/**
 * The launcher widget in Debian's Chromium, embedded in a member's intranet served from another
 * origin (127.0.0.1 on another port): it follows La Gaufre v2's queue protocol, fetches the public
 * feed without credentials, shows the member's services (subscribed first) in a Shadow DOM the
 * intranet's styles do not reach, and is an accessible modal dialog (focus trap, Escape, focus
 * back on the button; axe finds no WCAG 2.1 A/AA violation).
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { after, before, describe, it } from "node:test";
import type { Browser, Page, Request } from "playwright-core";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { type OpenDatabase, openDatabase } from "../../src/platform/db/open-database.ts";
import { WIDGET_PATH } from "../../src/workplace/index.ts";
import { accessibilityViolations, chromiumMissing, launchChromium } from "../e2e/console-harness.ts";
import { migratedPgliteTemplate } from "../helpers/pglite-template.ts";
import {
  entryBody,
  startWorkplaceFixture,
  subscriptionBody,
  type WorkplaceFixture,
} from "./workplace-fixtures.ts";

const ENTENTE_PORT = 18_701;
const INTRANET_PORT = 18_702;
const ENTENTE_URL = `http://127.0.0.1:${ENTENTE_PORT}`;
const INTRANET_URL = `http://127.0.0.1:${INTRANET_PORT}`;
const API = "/api/ententes/lyon/workplace";
const FEED = `${ENTENTE_URL}/api/v1.0/lagaufre/services/?siret=21690123100011&operator=lyon`;

/** Where the tests put the intranet's button (`?at=`): at its left or right edge, at the top. */
const BUTTON_PLACES: Record<string, string> = {
  left: "position: absolute; left: 0; top: 0;",
  right: "position: absolute; right: 0; top: 0;",
};

/**
 * The intranet's page: aggressive styles that must not reach the widget, the queue, the script;
 * the button where the header puts it, or at the place `?at=` names.
 */
const intranetPage = (at: string | null) => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Intranet de la Ville</title>
<style>a { color: rgb(255, 0, 0) !important; font-size: 40px !important; } ul { display: none !important; }</style>
</head><body><header><h1>Intranet de la Ville</h1>
<button id="gaufre" type="button" style="${BUTTON_PLACES[at ?? ""] ?? ""}">Services</button></header><main><p>Bienvenue.</p></main>
<script>
  window._lasuite_widget = window._lasuite_widget || [];
  window._lasuite_widget.push(["lagaufre", "init", { api: ${JSON.stringify(FEED)}, buttonElement: "#gaufre" }]);
</script>
<script src="${ENTENTE_URL}${WIDGET_PATH}" async></script>
</body></html>`;

const missing = chromiumMissing();

describe("launcher widget in Chromium, on an intranet of another origin", () => {
  let database: OpenDatabase | undefined;
  let f: WorkplaceFixture | undefined;
  let intranet: Server | undefined;
  let browser: Browser | undefined;
  const feedRequests: Request[] = [];

  before(async () => {
    if (missing) throw new Error(missing);
    database = await openDatabase({
      kind: "pglite",
      dataDir: "memory://",
      loadDataDir: await migratedPgliteTemplate(),
    });
    await migrateToLatest(database.db);
    f = await startWorkplaceFixture(database, () => new Date("2026-01-15T10:00:00Z"), ENTENTE_URL);
    const fixture = f;
    for (const [name, kind, order, subscribed] of [
      ["Visio", "video", 1, false],
      ["Fichiers", "files", 2, true],
      ["Agenda", "other", 3, true],
    ] as const) {
      const id = await fixture.registerClient("lyon", name);
      await fixture.clients.secretariat.send("POST", `${API}/services`, entryBody(id, kind, order));
      if (subscribed) {
        await fixture.clients.secretariat.send(
          "PUT",
          `${API}/services/${id}/subscriptions/ville-lyon`,
          subscriptionBody(),
        );
      }
    }
    await fixture.app.listen({ host: "127.0.0.1", port: ENTENTE_PORT });
    intranet = createServer((request, response) => {
      const at = new URL(request.url ?? "/", INTRANET_URL).searchParams.get("at");
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(intranetPage(at));
    });
    await new Promise<void>((resolve, reject) => {
      intranet?.once("error", reject).listen(INTRANET_PORT, "127.0.0.1", resolve);
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => (intranet === undefined ? resolve(undefined) : intranet.close(resolve)));
    await f?.app.close();
    await database?.close();
  });

  async function openIntranet(at = "", viewport = { width: 1280, height: 720 }): Promise<Page> {
    if (browser === undefined) throw new Error("no browser");
    const page = await (await browser.newContext({ locale: "fr-FR", viewport })).newPage();
    page.on("request", (request) => {
      if (request.url().startsWith(`${ENTENTE_URL}/api/v1.0/lagaufre/`)) feedRequests.push(request);
    });
    await page.goto(`${INTRANET_URL}/${at === "" ? "" : `?at=${at}`}`);
    await page.waitForFunction(() => document.getElementById("lasuite-widget-lagaufre-shadow") !== null);
    return page;
  }

  it("shows the member's services from the feed, subscribed first, styles isolated", async () => {
    const page = await openIntranet();
    const button = page.getByRole("button", { name: "Services" });
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    await button.click();
    const dialog = page.getByRole("dialog", { name: "Services de l'entente" });
    await dialog.getByRole("link").first().waitFor();
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    const names = await dialog.getByRole("link").allTextContents();
    assert.deepEqual(
      names.map((n) => n.replace(" (nouvelle fenêtre)", "")),
      ["Fichiers", "Agenda", "Visio"],
    );
    const link = dialog.getByRole("link", { name: /Fichiers/ });
    assert.equal(await link.getAttribute("target"), "_blank");
    const style = await link.evaluate((a) => ({
      color: getComputedStyle(a).color,
      list: getComputedStyle(a.closest("ul") as Element).display,
    }));
    assert.notEqual(style.color, "rgb(255, 0, 0)", "the intranet's styles do not reach the widget");
    assert.equal(style.list, "grid");
    const logo = await link.locator("img").evaluate((img) => (img as HTMLImageElement).naturalWidth);
    assert.ok(logo > 0, "the monogram logo loads across origins");
    const feed = await feedRequests.at(-1)?.allHeaders();
    assert.equal(feed?.origin, INTRANET_URL, "fetched by the browser, cross-origin");
    assert.equal(feed?.cookie, undefined, "without credentials");
  });

  it("is an accessible modal: focus inside, trapped, Escape closes and gives the focus back", async () => {
    const page = await openIntranet();
    const button = page.getByRole("button", { name: "Services" });
    await button.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Services de l'entente" });
    await dialog.getByRole("link").first().waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    const focused = () =>
      page.evaluate(() => {
        const host = document.getElementById("lasuite-widget-lagaufre-shadow");
        const active = host?.shadowRoot?.activeElement;
        return active ? (active.textContent ?? "").trim() : `outside:${document.activeElement?.id ?? ""}`;
      });
    assert.match(await focused(), /^Fichiers/, "the first service has the focus once loaded");
    // 3 links and the close button: four Tabs come back to the first link.
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    assert.match(await focused(), /^Fichiers/, "Tab stays in the dialog");
    await page.keyboard.press("Shift+Tab");
    assert.equal(await focused(), "Fermer");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await focused(), "outside:gaufre");
    assert.equal(await button.getAttribute("aria-expanded"), "false");
  });

  for (const [at, width, where] of [
    ["left", 1280, "the button at the page's left edge"],
    ["right", 1280, "the button at the page's right edge"],
    ["", 375, "a 375 px wide phone"],
  ] as const) {
    it(`stays inside the viewport, first service visible: ${where}`, async () => {
      const viewport = { width, height: 720 };
      const page = await openIntranet(at, viewport);
      await page.getByRole("button", { name: "Services" }).click();
      const dialog = page.getByRole("dialog", { name: "Services de l'entente" });
      const first = dialog.getByRole("link").first();
      await first.waitFor();
      const box = await dialog.boundingBox();
      assert.ok(box !== null, "the dialog is rendered");
      const inside = (b: { x: number; y: number; width: number; height: number }) =>
        b.x >= 0 && b.y >= 0 && b.x + b.width <= viewport.width && b.y + b.height <= viewport.height;
      assert.ok(inside(box), `dialog at ${JSON.stringify(box)} inside ${width}×720`);
      if (width < 480) assert.ok(box.width >= width - 20, `full width on a phone: ${box.width}`);
      const link = await first.boundingBox();
      assert.ok(link !== null && inside(link), `first service at ${JSON.stringify(link)}`);
      const onTop = await first.evaluate((a) => {
        const r = a.getBoundingClientRect();
        const hit = (a.getRootNode() as ShadowRoot).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return hit !== null && a.contains(hit);
      });
      assert.ok(onTop, "nothing covers the first service");
      assert.match((await first.textContent()) ?? "", /^Fichiers/);
      assert.deepEqual(await accessibilityViolations(page), [], "still an accessible dialog");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
    });
  }
});
