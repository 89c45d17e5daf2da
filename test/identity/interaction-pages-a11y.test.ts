/**
 * The sign-in pages in Debian's Chromium: axe-core finds no WCAG 2.1 A/AA violation on any of
 * them, French and English; the error summary gets the focus; the keyboard reaches everything
 * from the skip link. A tiny Fastify server with the real routes and fakes of the ports.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { ACR_TWO_FACTORS } from "../../src/identity/domain/authentication-level.ts";
import { accessibilityViolations, chromiumMissing, launchChromium } from "../e2e/console-harness.ts";
import { createPagesApp, details } from "./sign-in-fakes.ts";

// No silent skip: without Chromium the suite fails and says what to install.
const missing = chromiumMissing();

describe("sign-in pages in Chromium: accessibility (axe-core, WCAG 2.1 AA)", () => {
  let pages: Awaited<ReturnType<typeof createPagesApp>>;
  let browser: Browser;
  let base = "";

  before(async () => {
    if (missing) throw new Error(missing);
    pages = await createPagesApp();
    base = await pages.app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await pages?.app.close();
  });

  /** A page of a browser holding the interaction `uid` (the fake provider's cookie). */
  async function openInteraction(uid: string, overrides: Parameters<typeof details>[1] = {}): Promise<Page> {
    pages.interactions.set(uid, details(uid, overrides));
    const context = await browser.newContext({ locale: "fr-FR" });
    await context.addCookies([{ name: "fake_interaction", value: uid, url: base }]);
    const page = await context.newPage();
    return page;
  }

  async function noViolations(page: Page, what: string) {
    assert.deepEqual(await accessibilityViolations(page), [], what);
  }

  it("start page (FR and EN), error summary focused and announced, password page", async () => {
    const page = await openInteraction("a1");
    await page.goto(`${base}/interaction/a1`);
    await noViolations(page, "start fr");
    await page.getByRole("link", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await noViolations(page, "start en");
    await page.goto(`${base}/interaction/a1?lang=fr`);
    await page.getByLabel("Adresse électronique").fill("x@unknown.example");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    await page.getByRole("alert").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.className), "error-summary");
    await noViolations(page, "start with error");
    await page.getByLabel("Adresse électronique").fill("jean.martin@grandlyon.fr");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Saisir votre mot de passe" }).waitFor();
    await noViolations(page, "password");
    await page.getByLabel("Identifiant").fill("jean.martin");
    await page.getByLabel("Mot de passe").fill("wrong");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("alert").waitFor();
    await noViolations(page, "password with error");
    assert.equal(await page.getByLabel("Mot de passe").getAttribute("aria-describedby"), "password-error");
    await page.context().close();
  });

  it("keyboard: the skip link comes first and leads to the content", async () => {
    const page = await openInteraction("a2");
    await page.goto(`${base}/interaction/a2`);
    // The email field has the focus on arrival (autofocus); the skip link is the first stop before it.
    assert.equal(await page.evaluate(() => document.activeElement?.id), "email");
    const first = await page.evaluate(
      () => document.querySelector("a[href], button, input:not([type=hidden]), select")?.className,
    );
    assert.equal(first, "skip-link");
    await page.focus(".skip-link");
    const box = await page.locator(".skip-link").boundingBox();
    assert.ok(box !== null && box.x >= 0, "visible when focused");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "contenu");
    await page.context().close();
  });

  it("second-factor pages (choice, TOTP enrolment with its QR code, WebAuthn), refusal and error pages", async () => {
    const visio = pages.clients.visio;
    assert.ok(visio);
    pages.clients.visio = { ...visio, requiredAcr: ACR_TWO_FACTORS };
    const page = await openInteraction("a3");
    await page.goto(`${base}/interaction/a3`);
    await page.getByLabel("Organisation", { exact: true }).selectOption("ldap-metropole");
    await page.getByRole("button", { name: "Continuer avec cette organisation" }).click();
    await page.getByLabel("Identifiant").fill("jean.martin");
    await page.getByLabel("Mot de passe").fill("secret-password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { level: 1, name: "Vérification en deux étapes" }).waitFor();
    await noViolations(page, "mfa choice");
    await page.getByRole("link", { name: /application d'authentification/ }).click();
    await page.getByRole("img", { name: /QR code/ }).waitFor();
    await noViolations(page, "totp enrol");
    await page.getByLabel("Code à 6 chiffres").fill("000000");
    await page.getByRole("button", { name: "Valider" }).click();
    await page.getByRole("alert").waitFor();
    await noViolations(page, "totp enrol with error");
    await page.goto(`${base}/interaction/a3/mfa/webauthn/register`);
    await page.getByRole("button", { name: "Enregistrer ma clé" }).waitFor();
    await noViolations(page, "webauthn register");
    await page.context().close();

    pages.clients.visio = { ...visio, policy: { memberIds: ["ville"], roles: null, groups: null } };
    const refused = await openInteraction("a4");
    await refused.goto(`${base}/interaction/a4`);
    await refused.getByLabel("Adresse électronique").fill("jean.martin@grandlyon.fr");
    await refused.getByRole("button", { name: "Continuer", exact: true }).click();
    await refused.getByLabel("Identifiant").fill("jean.martin");
    await refused.getByLabel("Mot de passe").fill("secret-password");
    await refused.getByRole("button", { name: "Se connecter" }).click();
    await refused.getByRole("heading", { level: 1, name: "Accès refusé" }).waitFor();
    await noViolations(refused, "refused");
    await refused.goto(`${base}/interaction/expired-one`);
    await refused.getByRole("heading", { level: 1, name: "Connexion impossible" }).waitFor();
    await noViolations(refused, "expired");
    await refused.context().close();
    pages.clients.visio = visio;
  });
});
