import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import { sql } from "kysely";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { samlPeer } from "../helpers/upstream-peers.ts";
import { CHROMIUM } from "./console-harness.ts";
import { type IdentityWorld, startIdentityWorld } from "./identity-harness.ts";

/**
 * SAML Single Logout in Debian's Chromium (issue 10 item 6), against the real SimpleSAMLphp of
 * ci/identity/saml-idp: logout "of the entente and all its services" ends the Ville's IdP
 * session (signed LogoutRequest, signed LogoutResponse checked at our SLO route), the next
 * sign-in asks the password again; an answer stripped of its signature on the way is refused,
 * said on the page and audited; a logout started at the IdP ends the hub session and the
 * services' (back-channel logout).
 */

let world: IdentityWorld;
let browser: Browser;

before(async () => {
  world = await startIdentityWorld();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
});
after(async () => {
  await browser?.close();
  await world?.stop();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "fr-FR" });
  return { context, page: await context.newPage() };
}

/** gabriel.roux, élu of the Ville, signs in to the files service through the Ville's SAML IdP. */
async function signInThroughVille(page: Page): Promise<void> {
  await page.goto(`${world.rp.files.url}/login`);
  await page.locator("#email").fill("gabriel.roux@perso.test");
  await page.getByRole("button", { name: "Continuer", exact: true }).click();
  await page.waitForURL(/127\.0\.0\.1:8089/);
  await page.locator("input[name=username]").fill("gabriel.roux");
  await page.locator("input[name=password]").fill("gabriel-secret");
  await page.locator("input[name=password]").press("Enter");
  await page.locator("#claims").waitFor({ timeout: 15_000 });
}

async function expectNoSeriousA11yViolation(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    serious.map((v) => `${v.id}: ${v.help}`),
    [],
    `accessibility problems on ${where}`,
  );
}

describe("SAML Single Logout in Chromium", () => {
  it("logging out of the entente ends the Ville's SAML IdP session too (SAML Single Logout)", async () => {
    const { context, page } = await newPage();
    await signInThroughVille(page);
    await page.goto(`${world.rp.files.url}/logout`);
    await page.getByRole("button", { name: /me déconnecter/i }).click();
    // Through SimpleSAMLphp's SingleLogoutService (signed LogoutRequest), back to our SLO route.
    await page.getByText("Votre session chez « Élus de la Ville (SAML) » est terminée aussi.").waitFor();
    assert.match(page.url(), /\/interaction\/saml\/[^/]+\/slo\?SAMLResponse=/);
    await expectNoSeriousA11yViolation(page, "the page after the SAML Single Logout");
    await page.getByRole("link", { name: "Continuer" }).click();
    await page.locator("#status").waitFor();
    assert.equal(await page.locator("#status").textContent(), "déconnecté");
    await signInThroughVille(page); // SimpleSAMLphp asks for the password again (fails if it does not)
    await context.close();
  });

  it("a LogoutResponse stripped of its signature on the way is refused: the page says so, the audit log too", async () => {
    const { context, page } = await newPage();
    await signInThroughVille(page);
    // A man in the middle drops Signature and SigAlg from the IdP's answer. Playwright does not
    // intercept the targets of redirects: the chain is walked here with the context's cookies.
    await page.route(/\/oidc\/session\/end\/confirm$/, async (route) => {
      const confirmed = await route.fetch({ maxRedirects: 0 });
      let next = new URL(confirmed.headers().location ?? "");
      for (let hop = 0; hop < 5 && next.port === "8089"; hop += 1) {
        const atIdp = await context.request.get(next.href, { maxRedirects: 0 });
        next = new URL(atIdp.headers().location ?? "", next);
      }
      next.searchParams.delete("Signature");
      next.searchParams.delete("SigAlg");
      await route.fulfill({ response: confirmed, headers: { ...confirmed.headers(), location: next.href } });
    });
    await page.goto(`${world.rp.files.url}/logout`);
    await page.getByRole("button", { name: /me déconnecter/i }).click();
    await page.getByText(/La réponse de « Élus de la Ville \(SAML\) » n'a pas pu être vérifiée/).waitFor();
    const refused = await world.database.db
      .selectFrom("identity_event")
      .select(["code", "source_id"])
      .where("kind", "=", "logout")
      .where(sql<string>`details->>'upstream'`, "=", "refused")
      .execute();
    assert.deepEqual(refused, [
      { code: "identity.upstream_rejected", source_id: world.sources.villeElus.id },
    ]);
    await context.close();
  });

  it("a logout started at the Ville's IdP ends the hub session and the services' (IdP-initiated)", async () => {
    const { context, page } = await newPage();
    await signInThroughVille(page);
    const before = world.rp.files.logoutTokens.length;
    // SimpleSAMLphp's own logout, returning to the service: it sends its LogoutRequest to our SLO route.
    await page.goto(`${samlPeer.sloUrl}?ReturnTo=${encodeURIComponent(`${world.rp.files.url}/`)}`);
    await page.waitForURL((url) => url.href.startsWith(world.rp.files.url));
    assert.ok(world.rp.files.logoutTokens.length > before, "the service received a logout token");
    assert.equal(await page.locator("#status").textContent(), "non connecté");
    const logged = await world.database.db
      .selectFrom("identity_event")
      .select(["sub", "source_id"])
      .where("kind", "=", "logout")
      .where(sql<string>`details->>'upstream'`, "=", "idp-initiated")
      .execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.source_id, world.sources.villeElus.id);
    assert.ok(logged[0]?.sub, "the person is named");
    await signInThroughVille(page); // the IdP asks for the password again (fails if it does not)
    await context.close();
  });
});
