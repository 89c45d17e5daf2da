import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import { generateSync } from "otplib";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM } from "./console-harness.ts";
import { CHAT_SUPPORT_URL, type IdentityWorld, startIdentityWorld } from "./identity-harness.ts";

/**
 * The identity federation in Debian's Chromium, against real peers (issue 4, "Real components in
 * tests"): an agent of the Métropole through LDAP (slapd), an élu of the Ville on a personal
 * address through SAML (SimpleSAMLphp), an agent of the SITIV through OIDC (a second
 * oidc-provider); each lands on a test service with the expected pivot claims; a refused service
 * shows the refusal page; single sign-on to a second service; logging out of one service ends the
 * others (back-channel logout); a service that asks for two factors gets a TOTP enrolment.
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
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});
after(async () => {
  await browser?.close();
  await world?.stop();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  return { context, page };
}

async function claimsOn(
  page: Page,
): Promise<{ idToken: Record<string, unknown>; userinfo: Record<string, unknown> }> {
  try {
    await page.locator("#claims").waitFor({ timeout: 15_000 });
  } catch (error) {
    const body =
      (await page
        .locator("body")
        .textContent()
        .catch(() => "")) ?? "";
    throw new Error(`no claims on ${page.url()}: ${body.replace(/\s+/g, " ").slice(0, 600)}`, {
      cause: error,
    });
  }
  return JSON.parse((await page.locator("#claims").textContent()) ?? "{}");
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

async function ldapSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator("#email").fill(email);
  await page.getByRole("button", { name: "Continuer", exact: true }).click();
  await page.locator("#password").waitFor();
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
}

describe("identity federation in Chromium", () => {
  it("an agent of the Métropole signs in through LDAP and lands on the service with the pivot claims", async () => {
    const { context, page } = await newPage();
    await page.goto(`${world.rp.visio.url}/login`);
    await page.locator("#email").waitFor();
    await expectNoSeriousA11yViolation(page, "the start page");
    await page.locator("#email").fill("alice.martin@metropole.entente.test");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    await page.locator("#password").waitFor();
    await expectNoSeriousA11yViolation(page, "the password page");
    await page.locator("#password").fill("wrong-password");
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await page.getByRole("alert").first().waitFor();
    assert.match(
      (await page.getByRole("alert").first().textContent()) ?? "",
      /identity\.invalid_credentials/,
    );
    await expectNoSeriousA11yViolation(page, "the password page with an error");
    await page.locator("#password").fill("alice-secret");
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    const { idToken, userinfo } = await claimsOn(page);
    assert.equal(idToken.acr, "urn:entente:acr:1fa");
    assert.deepEqual(idToken.amr, ["pwd"]);
    assert.equal(userinfo.given_name, "Alice");
    assert.equal(userinfo.family_name, "Martin");
    assert.equal(userinfo.email, "alice.martin@metropole.entente.test");
    assert.equal(userinfo.uid, "alice.martin");
    assert.equal(userinfo.organization_id, "metropole");
    assert.equal(userinfo.entente_id, "lyon-2023");
    assert.equal(userinfo.role, "agent");
    assert.ok((userinfo.groups as string[]).includes("agents-metropole"));
    assert.equal(idToken.sub, userinfo.sub);
    await context.close();
  });

  it("an élu of the Ville signs in on a personal address through the Ville's SAML IdP", async () => {
    const { context, page } = await newPage();
    await page.goto(`${world.rp.files.url}/login`);
    await page.locator("#email").fill("gabriel.roux@perso.test");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    // SimpleSAMLphp's own login form, on another site.
    await page.waitForURL(/127\.0\.0\.1:8089/);
    await page.locator("input[name=username]").fill("gabriel.roux");
    await page.locator("input[name=password]").fill("gabriel-secret");
    await page.locator("input[name=password]").press("Enter");
    const { userinfo } = await claimsOn(page);
    assert.equal(userinfo.organization_id, "ville-lyon");
    assert.equal(userinfo.role, "elu");
    assert.equal(userinfo.email, "gabriel.roux@perso.test");
    await context.close();
  });

  it("an agent of the SITIV signs in through the SITIV's own OpenID provider", async () => {
    const { context, page } = await newPage();
    await page.goto(`${world.rp.visio.url}/login`);
    await page.locator("#email").fill("ines.garnier@sitiv.entente.test");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(world.upstream.issuer));
    await page.locator("input[name=username]").fill("ines.garnier");
    await page.locator("input[name=password]").fill("ines-secret");
    await page.locator("input[name=password]").press("Enter");
    const { userinfo } = await claimsOn(page);
    assert.equal(userinfo.organization_id, "sitiv");
    assert.equal(userinfo.given_name, "Inès");
    assert.equal(userinfo.email_verified, true);
    await context.close();
  });

  it("an address the SITIV's IdP has not verified reaches the service with email_verified: false", async () => {
    const { context, page } = await newPage();
    await page.goto(`${world.rp.visio.url}/login`);
    await page.locator("#email").fill("paul.bernard@sitiv.entente.test");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(world.upstream.issuer));
    await page.locator("input[name=username]").fill("paul.bernard");
    await page.locator("input[name=password]").fill("paul-secret");
    await page.locator("input[name=password]").press("Enter");
    const { userinfo } = await claimsOn(page);
    assert.equal(userinfo.email, "paul.bernard@sitiv.entente.test");
    assert.equal(userinfo.email_verified, false, "the upstream's false stays false");
    await context.close();
  });

  it("a person who lingers at the SITIV's IdP past the interaction's lifetime gets the service an OAuth error back", async () => {
    const { context, page } = await newPage();
    await page.goto(`${world.rp.visio.url}/login`);
    await page.locator("#email").fill("ines.garnier@sitiv.entente.test");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(world.upstream.issuer));
    // The provider's interactions expire after 10 minutes: an expired row reads as missing.
    await world.database.db.deleteFrom("oidc_payload").where("model", "=", "Interaction").execute();
    await page.locator("input[name=username]").fill("ines.garnier");
    await page.locator("input[name=password]").fill("ines-secret");
    await page.locator("input[name=password]").press("Enter");
    await page.locator("#error").waitFor({ timeout: 15_000 });
    assert.ok(page.url().startsWith(`${world.rp.visio.url}/callback`), page.url());
    assert.equal(new URL(page.url()).searchParams.get("error"), "access_denied");
    assert.equal(new URL(page.url()).searchParams.get("iss"), world.issuer);
    assert.match((await page.locator("#error").textContent()) ?? "", /interaction expired/);
    await context.close();
  });

  it("a service closed to the Ville shows the refusal page, with the code and a way back", async () => {
    const { context, page } = await newPage();
    await page.goto(`${world.rp.payroll.url}/login`);
    await ldapSignIn(page, "david.bernard@ville.entente.test", "david-secret");
    await page.getByText("identity.service_refused").first().waitFor();
    await expectNoSeriousA11yViolation(page, "the refusal page");
    await page
      .getByRole("button", { name: /Retour/ })
      .first()
      .click();
    await page.locator("#error").waitFor();
    assert.match((await page.locator("#error").textContent()) ?? "", /access_denied/);
    await context.close();
  });

  it("a catalogued service follows the workplace's subscriptions: the Ville did not subscribe, the page says whom to ask", async () => {
    const refused = await newPage();
    await refused.page.goto(`${world.rp.chat.url}/login`);
    await ldapSignIn(refused.page, "david.bernard@ville.entente.test", "david-secret");
    await refused.page.getByText("identity.service_refused").first().waitFor();
    const contact = refused.page.getByRole("link", { name: CHAT_SUPPORT_URL });
    assert.equal(await contact.getAttribute("href"), CHAT_SUPPORT_URL);
    assert.match((await refused.page.locator(".contact").textContent()) ?? "", /Pour demander l'accès/);
    await expectNoSeriousA11yViolation(refused.page, "the refusal page with a contact");
    await refused.context.close();
    const allowed = await newPage();
    await allowed.page.goto(`${world.rp.chat.url}/login`);
    await ldapSignIn(allowed.page, "bruno.leroy@metropole.entente.test", "bruno-secret");
    const { userinfo } = await claimsOn(allowed.page);
    assert.equal(userinfo.email, "bruno.leroy@metropole.entente.test");
    await allowed.context.close();
  });

  it("single sign-on to a second service, and logging out of one ends the other (back-channel logout)", async () => {
    const { context, page } = await newPage();
    await page.goto(`${world.rp.visio.url}/login`);
    await ldapSignIn(page, "bruno.leroy@metropole.entente.test", "bruno-secret");
    const first = await claimsOn(page);
    await page.goto(`${world.rp.files.url}/login`);
    const second = await claimsOn(page); // no password asked again
    assert.equal(second.idToken.sub, first.idToken.sub);
    const before = world.rp.files.logoutTokens.length;
    await page.goto(`${world.rp.visio.url}/logout`);
    await page.getByRole("button", { name: /me déconnecter/i }).click();
    await page.locator("#status").waitFor();
    assert.equal(await page.locator("#status").textContent(), "déconnecté");
    assert.ok(world.rp.files.logoutTokens.length > before, "the other service received a logout token");
    await page.goto(`${world.rp.files.url}/`);
    assert.equal(await page.locator("#status").textContent(), "non connecté");
    await context.close();
  });

  it("logging out of the entente ends the SITIV IdP's session too (RP-initiated logout upstream)", async () => {
    const { context, page } = await newPage();
    const signInThroughSitiv = async () => {
      await page.goto(`${world.rp.visio.url}/login`);
      await page.locator("#email").fill("ines.garnier@sitiv.entente.test");
      await page.getByRole("button", { name: "Continuer", exact: true }).click();
      await page.waitForURL((url) => url.href.startsWith(world.upstream.issuer));
      await page.locator("input[name=username]").fill("ines.garnier");
      await page.locator("input[name=password]").fill("ines-secret");
      await page.locator("input[name=password]").press("Enter");
      await claimsOn(page);
    };
    await signInThroughSitiv();
    await page.goto(`${world.rp.visio.url}/logout`);
    await page.getByRole("button", { name: /me déconnecter/i }).click();
    // Through the SITIV's IdP (a bare oidc-provider; it may ask its own confirmation), back to Entente.
    const ended = page.getByText("Votre session chez « Comptes du SITIV » est terminée aussi.");
    const upstreamYes = page.locator("button[name=logout][value=yes]");
    await ended.or(upstreamYes).waitFor();
    if (await upstreamYes.isVisible()) await upstreamYes.click();
    await ended.waitFor();
    await expectNoSeriousA11yViolation(page, "the page after the upstream logout");
    await page.getByRole("link", { name: "Continuer" }).click();
    await page.locator("#status").waitFor();
    assert.equal(await page.locator("#status").textContent(), "déconnecté");
    await signInThroughSitiv(); // the SITIV asks for the password again (fails if it does not)
    await context.close();
  });

  it("a service that asks for two factors gets a TOTP enrolment, then acr 2fa", async () => {
    const { context, page } = await newPage();
    await page.goto(`${world.rp.vault.url}/login`);
    await ldapSignIn(page, "chloe.dubois@metropole.entente.test", "chloe-secret");
    // Published under an IP address (127.0.0.1): security keys cannot work, the page says why.
    await page.getByText(/indisponible ici/).waitFor();
    assert.equal(await page.getByRole("link", { name: /clé de sécurité/i }).count(), 0);
    await page
      .getByRole("link", { name: /application/i })
      .first()
      .click();
    const secretText = ((await page.locator("code.secret").textContent()) ?? "").replace(/\s+/g, "");
    assert.match(secretText, /^[A-Z2-7]{16,}$/, "the enrolment page shows the secret in base32");
    await expectNoSeriousA11yViolation(page, "the TOTP enrolment page");
    await page.locator("input[autocomplete=one-time-code]").fill(generateSync({ secret: secretText }));
    await page.locator("input[autocomplete=one-time-code]").press("Enter");
    const { idToken } = await claimsOn(page);
    assert.equal(idToken.acr, "urn:entente:acr:2fa");
    assert.ok((idToken.amr as string[]).includes("otp"));
    await context.close();
  });

  it("an unreachable directory shows a clear page with the code, the support code and a way back", async () => {
    const { context, page } = await newPage();
    await page.goto(`${world.rp.visio.url}/login`);
    await ldapSignIn(page, "panne@perso.test", "any-password");
    const alert = page.getByRole("alert").first();
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    assert.match(text, /identity\.source_unreachable/);
    assert.match(text, /Code support/);
    assert.doesNotMatch(await page.content(), /at .*\.ts:\d+/, "no stack trace");
    await expectNoSeriousA11yViolation(page, "the unreachable-source page");
    // Others are still served meanwhile.
    const other = await newPage();
    await other.page.goto(`${world.rp.files.url}/login`);
    await ldapSignIn(other.page, "emma.petit@ville.entente.test", "emma-secret");
    assert.equal((await claimsOn(other.page)).userinfo.organization_id, "ville-lyon");
    await other.context.close();
    await page
      .getByRole("button", { name: /Retour/ })
      .first()
      .click();
    await page.locator("#error").waitFor();
    await context.close();
  });

  it("an expired or unknown interaction shows its code and a way back, not a stack trace", async () => {
    const { context, page } = await newPage();
    const response = await page.goto(`${world.url}/interaction/no-such-interaction`);
    assert.equal(response?.status(), 410);
    assert.match(
      (await page.getByRole("alert").first().textContent()) ?? "",
      /identity\.interaction_expired/,
    );
    await context.close();
  });
});
