import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";
import { CHROMIUM } from "./console-harness.ts";
import { type IdentityWorld, startIdentityWorld } from "./identity-harness.ts";

/**
 * The WebAuthn second factor in Debian's Chromium, with Chromium's virtual authenticator (CDP
 * WebAuthn domain) standing for a security key or a passkey: an agent signs in to the service
 * that requires two factors, registers a key, lands with acr 2fa and amr password + hardware key
 * (RFC 8176: `hwk`, something held, with `pwd`, something known); signing in again asks for the
 * key, not for a new enrolment, and a wrong key (another authenticator) is refused.
 *
 * Entente's public URL is http://localhost:port here: a WebAuthn relying party id is a domain,
 * never an IP address (WebAuthn L3 §5.1.3 step 8, "valid domain"), so 127.0.0.1 cannot be one.
 */

let world: IdentityWorld;
let browser: Browser;

before(async () => {
  world = await startIdentityWorld({ host: "localhost" });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
});
after(async () => {
  await browser?.close();
  await world?.stop();
});

interface Authenticator {
  readonly cdp: CDPSession;
  readonly authenticatorId: string;
  credentials(): Promise<{ credentialId: string; isResidentCredential: boolean; signCount: number }[]>;
}

/** A CTAP2 platform authenticator with user verification, as a passkey on a laptop would be. */
async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<Authenticator> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable", { enableUI: false });
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    async credentials() {
      const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
      return credentials;
    },
  };
}

async function claimsOn(page: Page): Promise<{ idToken: Record<string, unknown> }> {
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

async function ldapSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator("#email").fill(email);
  await page.getByRole("button", { name: "Continuer", exact: true }).click();
  await page.locator("#password").waitFor();
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
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

describe("WebAuthn second factor in Chromium (virtual authenticator)", { timeout: 120_000 }, () => {
  const email = "emma.petit@ville.entente.test";
  const password = "emma-secret";
  let context: BrowserContext;
  let page: Page;
  let key: Authenticator;

  before(async () => {
    context = await browser.newContext({ locale: "fr-FR" });
    page = await context.newPage();
    key = await addVirtualAuthenticator(context, page);
  });
  after(async () => {
    await context?.close();
  });

  it("registers a key on the service that requires two factors and lands with acr 2fa, amr pwd + hwk", async () => {
    await page.goto(`${world.rp.vault.url}/login`);
    await ldapSignIn(page, email, password);
    await page.getByRole("heading", { name: "Choisissez votre deuxième facteur" }).waitFor();
    await page.getByRole("link", { name: "Une clé de sécurité ou une clé d'accès (passkey)" }).click();
    await page.getByRole("heading", { level: 1, name: "Enregistrer une clé de sécurité" }).waitFor();
    await expectNoSeriousA11yViolation(page, "the key registration page");
    assert.deepEqual(await key.credentials(), [], "no key before the person registers one");
    await page.getByLabel("Nom de la clé (pour la reconnaître)").fill("Portable du bureau");
    await page.getByRole("button", { name: "Enregistrer ma clé" }).click();
    const { idToken } = await claimsOn(page);
    assert.equal(idToken.acr, "urn:entente:acr:2fa");
    const amr = idToken.amr as string[];
    assert.ok(amr.includes("hwk"), `amr ${JSON.stringify(amr)} has the hardware key`);
    assert.ok(amr.includes("pwd"), `amr ${JSON.stringify(amr)} has the password`);
    const credentials = await key.credentials();
    assert.equal(credentials.length, 1, "the authenticator holds one credential for Entente");
  });

  it("after signing out, signing in again asks for the key (not a new enrolment) and it answers", async () => {
    await page.goto(`${world.rp.vault.url}/logout`);
    await page.getByRole("button", { name: /me déconnecter/i }).click();
    await page.locator("#status").waitFor();
    assert.equal(await page.locator("#status").textContent(), "déconnecté");

    const before = (await key.credentials())[0]?.signCount ?? 0;
    await page.goto(`${world.rp.vault.url}/login?prompt=login`);
    await ldapSignIn(page, email, password);
    await page.getByRole("heading", { level: 1, name: "Utiliser votre clé de sécurité" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Enregistrer ma clé" }).count(), 0);
    await expectNoSeriousA11yViolation(page, "the key verification page");
    await page.getByRole("button", { name: "Utiliser ma clé" }).click();
    const { idToken } = await claimsOn(page);
    assert.equal(idToken.acr, "urn:entente:acr:2fa");
    assert.ok((idToken.amr as string[]).includes("hwk"));
    assert.equal((await key.credentials()).length, 1, "no second credential was created");
    assert.ok(((await key.credentials())[0]?.signCount ?? 0) > before, "the key signed the challenge");
  });

  it("a key that is not the person's is refused: the page says so and the service gets nothing", async () => {
    const other = await browser.newContext({ locale: "fr-FR" });
    const otherPage = await other.newPage();
    const stranger = await addVirtualAuthenticator(other, otherPage);
    await otherPage.goto(`${world.rp.vault.url}/login`);
    await ldapSignIn(otherPage, email, password);
    await otherPage.getByRole("heading", { level: 1, name: "Utiliser votre clé de sécurité" }).waitFor();
    await otherPage.getByRole("button", { name: "Utiliser ma clé" }).click();
    // the stranger's authenticator holds no credential Entente allows: the browser reports failure
    const status = otherPage.locator("#webauthn-status");
    await status.getByText("La clé n'a pas répondu ou l'opération a été annulée. Réessayez.").waitFor();
    assert.deepEqual(await stranger.credentials(), []);
    assert.equal(await otherPage.locator("#claims").count(), 0);
    await other.close();
  });
});
