import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { createProbeStore } from "../../src/workplace/db/probe-store.ts";
import { validateProbeFields } from "../../src/workplace/domain/probe.ts";
import { type ComposedWorkplace, composeWorkplace } from "../../src/workplace/index.ts";
import { catalogueAndSubscribe } from "../workplace/portal-fixtures.ts";
import { launchChromium } from "./console-harness.ts";
import { ENTENTE, type IdentityWorld, startIdentityWorld } from "./identity-harness.ts";

/**
 * The agents' and élus' portal in Debian's Chromium (issue 11 §3): an agent of the Métropole signs
 * in through the hub (LDAP, slapd) and sees only the Métropole's subscribed services, searches,
 * pins with the keyboard, chooses the new tab, acknowledges an announcement, and signs out of
 * the hub; axe finds no serious violation. The first page's load on a "Fast 3G" profile (CDP) is
 * printed as a diagnostic (a figure, not an assertion: no timed tests).
 */

let world: IdentityWorld;
let browser: Browser;
let workplace: ComposedWorkplace;
const PORTAL = () => `${world.url}/portal/${ENTENTE}/`;
const ids = { visio: "", villeFiles: "", ack: "", villeNews: "" };

async function registerClient(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const { client } = await createServiceClientStore(world.database.db).createClient(ENTENTE, {
    name,
    redirectUris: [`https://${name.toLowerCase().replace(/[^a-z]/g, "")}.lyon.test/callback`],
    postLogoutRedirectUris: [],
    backchannelLogoutUri: null,
    grantTypes: ["authorization_code"],
    tokenEndpointAuthMethod: "client_secret_basic",
    scopes: ["openid", "profile", "email", "organization", "groups"],
    policy: { memberIds: null, roles: null, groups: null },
    requiredAcr: null,
    enabled: true,
    ...extra,
  });
  return client.clientId;
}

before(async () => {
  world = await startIdentityWorld();
  browser = await launchChromium();
  workplace = composeWorkplace(world.database, { publicUrl: world.url, now: () => new Date() });
  // The portal: a public client of the hub (PKCE), its exact redirect and post-logout URIs.
  const portal = await registerClient("Portail des agents", {
    redirectUris: [`${PORTAL()}callback`],
    postLogoutRedirectUris: [`${PORTAL()}signed-out`],
    backchannelLogoutUri: `${PORTAL()}backchannel-logout`,
    tokenEndpointAuthMethod: "none",
  });
  await workplace.portal.portal.setPortalClient(ENTENTE, portal, { id: "test", label: "test" });
  ids.visio = await registerClient("Visio de l'entente");
  ids.villeFiles = await registerClient("Fichiers de la Ville");
  await catalogueAndSubscribe(
    workplace,
    ENTENTE,
    ids.visio,
    { kind: "video", description: "Réunions à distance", displayOrder: 0 },
    ["metropole", "ville-lyon"],
  );
  await catalogueAndSubscribe(
    workplace,
    ENTENTE,
    ids.villeFiles,
    { kind: "files", description: "Documents", displayOrder: 2 },
    ["ville-lyon"],
  );
  const { announcements } = workplace.portal;
  const author = { memberId: null, label: "secretariat" };
  const base = { shownFrom: "2020-01-01", shownUntil: null, roles: null, groups: null };
  ids.ack = (
    await announcements.create(
      ENTENTE,
      {
        ...base,
        title: "Nouvelle charte informatique",
        body: "Merci de lire la charte.",
        memberIds: null,
        requiresAck: true,
      },
      author,
    )
  ).id;
  ids.villeNews = (
    await announcements.create(
      ENTENTE,
      { ...base, title: "Réservé à la Ville", body: "…", memberIds: ["ville-lyon"], requiresAck: false },
      author,
    )
  ).id;
});
after(async () => {
  await browser?.close();
  await world?.stop();
});

async function expectNoSeriousA11yViolation(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    serious.map((v) => `${v.id}: ${v.help}`),
    [],
    `accessibility problems on ${where}`,
  );
}

/** Presses Tab until `selector` has the focus (at most 40 times): keyboard only. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if (
      await page
        .locator(selector)
        .evaluate((el) => el === document.activeElement)
        .catch(() => false)
    )
      return;
    await page.keyboard.press("Tab");
  }
  assert.fail(`${selector} never got the focus with Tab`);
}

const visibleTileNames = (page: Page) =>
  page
    .locator("#services .tile:not([hidden]) a span")
    .evaluateAll((els) => els.map((e) => e.firstChild?.textContent?.trim() ?? ""));

describe("the agents' and élus' portal in Chromium", () => {
  it("a Métropole agent signs in through the hub and uses the portal with the keyboard", async (t) => {
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 844 } });
    await context.route(/\.lyon\.test\//, (route) =>
      route.fulfill({ contentType: "text/html", body: "<title>service</title>" }),
    );
    const page = await context.newPage();
    await page.goto(PORTAL());
    await page.locator("#email").fill("alice.martin@metropole.entente.test");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    await page.locator("#password").fill("alice-secret");
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Mes services" }).waitFor();
    assert.match((await page.locator("header .org").textContent()) ?? "", /Métropole de Lyon/);
    assert.deepEqual(
      (await visibleTileNames(page)).sort(),
      ["Messagerie instantanée", "Visio de l'entente"],
      "the Métropole's subscribed services only",
    );
    assert.equal(
      await page.getByText("Réservé à la Ville").count(),
      0,
      "another member's announcement is not shown",
    );
    await expectNoSeriousA11yViolation(page, "the portal's first page");

    await tabTo(page, "#q");
    await page.keyboard.type("MESSAGERIE");
    assert.deepEqual(await visibleTileNames(page), ["Messagerie instantanée"], "search ignores case");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("reunions");
    assert.deepEqual(await visibleTileNames(page), ["Visio de l'entente"], "search ignores accents");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("tableur");
    assert.equal(
      (await page.locator("#none").textContent())?.trim(),
      "Aucun service ne correspond à votre recherche.",
    );
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");

    await tabTo(page, `#services button[aria-describedby="svc-${ids.visio}"]`);
    await page.keyboard.press("Enter");
    await page.locator(`#fav-${ids.visio}`).waitFor();
    assert.equal(
      await page
        .locator(`#services button[aria-describedby="svc-${ids.visio}"]`)
        .getAttribute("aria-pressed"),
      "true",
    );

    await tabTo(page, "input[name=newTab]");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator("input[name=newTab]:checked").waitFor();
    await tabTo(page, `#svc-${ids.visio}`);
    const [opened] = await Promise.all([context.waitForEvent("page"), page.keyboard.press("Enter")]);
    assert.match(opened.url(), /lyon\.test/, "the service opened in a new tab");
    await opened.close();

    await tabTo(page, `form[action^="/portal/${ENTENTE}/announcements/${ids.ack}/ack"] button`);
    await page.keyboard.press("Enter");
    await page.getByText("Lu et pris en compte").waitFor();
    const acks = await workplace.portal.announcements.acknowledgements(ids.ack);
    assert.deepEqual(
      acks.map((a) => a.memberId),
      ["metropole"],
    );
    assert.match(acks[0]?.displayName ?? "", /Alice/);
    await expectNoSeriousA11yViolation(page, "the portal after pinning and acknowledging");

    t.diagnostic(`first page on Fast 3G: ${await fast3gLoad(page)} ms (load event, signed in)`);

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.getByRole("button", { name: /me déconnecter/i }).click();
    await page.getByRole("heading", { level: 1, name: "Vous êtes déconnecté·e du portail." }).waitFor();
    await page.goto(PORTAL());
    await page.locator("#email").waitFor(); // the hub asks again: the portal's and the hub's sessions are over
    await context.close();
  });

  it("signing out of another service ends the portal's session too (back-channel logout)", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(PORTAL());
    await page.locator("#email").fill("bruno.leroy@metropole.entente.test");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    await page.locator("#password").fill("bruno-secret");
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Mes services" }).waitFor();
    await page.goto(`${world.rp.visio.url}/login`);
    await page.locator("#claims").waitFor(); // single sign-on: no password asked
    await page.goto(`${world.rp.visio.url}/logout`);
    await page.getByRole("button", { name: /me déconnecter/i }).click();
    await page.locator("#status").waitFor();
    await page.goto(PORTAL());
    await page.locator("#email").waitFor(); // the portal's session ended with the hub's
    await context.close();
  });
});

describe("service status on the portal's tiles (issue 11 §6)", () => {
  it("a probe turns a stopped service red on its tile; a service without probe shows no status", async () => {
    const service: Server = createServer((_request, response) => response.end("ok"));
    await new Promise<void>((done) => service.listen(0, "127.0.0.1", done));
    try {
      const { port } = service.address() as AddressInfo;
      const fields = validateProbeFields({
        kind: "http",
        target: `http://127.0.0.1:${port}/`,
        timeoutMs: 2000,
        intervalSeconds: 10,
      });
      await createProbeStore(world.database.db).put(ENTENTE, ids.visio, fields, new Date(), {
        id: "test",
        label: "test",
      });
      // The probes as a node runs them (towards loopback, as in development and test).
      const prober = composeWorkplace(world.database, {
        publicUrl: world.url,
        now: () => new Date(),
        probePrivateNetworks: true,
      });
      await prober.probeOnce(ENTENTE);
      const context = await browser.newContext({ locale: "fr-FR" });
      const page = await context.newPage();
      await page.goto(PORTAL());
      await page.locator("#email").fill("bruno.leroy@metropole.entente.test");
      await page.getByRole("button", { name: "Continuer", exact: true }).click();
      await page.locator("#password").fill("bruno-secret");
      await page.getByRole("button", { name: "Se connecter", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Mes services" }).waitFor();
      const badgeOf = (clientId: string) =>
        page.locator(`#services .tile:has(#svc-${clientId}) .badge[class*="st-"]`);
      assert.equal((await badgeOf(ids.visio).textContent())?.trim(), "En service");
      assert.equal(
        await page.locator('#services .badge[class*="st-"]').count(),
        1,
        "no badge without a probe",
      );
      await new Promise<void>((done) => service.close(() => done()));
      await createProbeStore(world.database.db).put(ENTENTE, ids.visio, fields, new Date(), {
        id: "test",
        label: "test",
      }); // due again at once
      // Flap damping: two consecutive failures turn it down (the default of domain/flap-damping.ts).
      await prober.probeOnce(ENTENTE);
      await page.reload();
      assert.equal(
        (await badgeOf(ids.visio).textContent())?.trim(),
        "En service",
        "one failure is no outage",
      );
      await prober.probeOnce(ENTENTE);
      await page.reload();
      assert.equal((await badgeOf(ids.visio).textContent())?.trim(), "Hors service");
      assert.match((await badgeOf(ids.visio).getAttribute("class")) ?? "", /st-down/);
      await context.close();
    } finally {
      service.close();
    }
  });
});

/** Loads the portal's first page again under Chrome DevTools' "Fast 3G" profile; the load event's time (ms). */
async function fast3gLoad(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
    uploadThroughput: (750 * 1024 * 0.9) / 8,
  });
  await page.goto(PORTAL(), { waitUntil: "load" });
  const ms = await page.evaluate(() => {
    const [entry] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return Math.round(entry?.loadEventEnd ?? -1);
  });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await cdp.detach();
  return ms;
}
