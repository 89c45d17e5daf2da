import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import {
  accessibilityViolations,
  account,
  buildConsole,
  chromiumMissing,
  DEMO_PASSWORD,
  ENTENTE,
  launchChromium,
  type RunningServer,
  signIn,
  startServer,
} from "./console-harness.ts";

/**
 * The identity federation's pages of the web console in Chromium, against the real server
 * (`node src/main.ts`) and the Lyon example: the "Fédération d'identité" group of the navigation
 * and its six pages pass axe; the secretariat connects an LDAP source for a member (with its
 * attribute mapping), a domain and an élu's personal address, registers a service and sees its
 * client secret once; a wrong redirect URI is refused next to its field and nothing is saved; a
 * member's finance officer reads only its member's data and has no write button; the forms work
 * with the keyboard alone. The steps run in order on one database.
 */
// No silent skip: without Chromium the suite fails and says what to install.
const missing = chromiumMissing();
if (missing) throw new Error(missing);

const PAGES = [
  ["sources", "Sources d'identité"],
  ["domains", "Domaines et adresses"],
  ["services", "Services"],
  ["resource-servers", "Serveurs de ressources"],
  ["persons", "Personnes"],
  ["events", "Journal des connexions"],
] as const;
const LDAP_PASSWORD = "mot-de-passe-du-compte-de-service";
const SOURCE_LABEL = "Annuaire des agents de la Ville";

describe("identity federation in the web console (Chromium)", { timeout: 480_000 }, () => {
  let webRoot: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const at = (path: string) => `${server.url}/ententes/${ENTENTE}/identity/${path}`;
  const api = (path: string) => `${server.url}/api/ententes/${ENTENTE}/identity/${path}`;
  const heading = (name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();
  /** What a person sees of an element, spaces of any kind as plain spaces. */
  const shown = async (locator: Locator) => {
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees
    const text = await locator.innerText();
    return text.replace(/\s+/g, " ");
  };
  /** The raw text of an API answer, read with the page's session cookie. */
  const apiText = async (p: Page, path: string) => {
    const answer = await p.request.get(api(path));
    assert.equal(answer.status(), 200, `GET ${path}`);
    return answer.text();
  };
  /** The Parapheur's client id and secret, as shown once at its registration. */
  const parapheur = { clientId: "", secret: "" };
  /**
   * Whether the token endpoint accepts `secret` for `clientId`: a made-up code is refused either
   * way, as invalid_grant (400) when the client authenticated, invalid_client (401) when not.
   */
  const secretWorks = async (clientId: string, secret: string) => {
    const answer = await fetch(`${server.url}/oidc/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: "code-inventé",
        redirect_uri: "https://parapheur.ville-lyon.fr/oidc/callback",
      }).toString(),
    });
    const error = ((await answer.json()) as { error?: string }).error;
    assert.ok(error === "invalid_grant" || error === "invalid_client", `token endpoint: ${error}`);
    return error === "invalid_grant";
  };
  const servicesJson = async () => JSON.parse(await apiText(page, "services")) as { name: string }[];

  before(async () => {
    webRoot = mkdtempSync(join(tmpdir(), "entente-web-"));
    await buildConsole(webRoot);
    server = await startServer(webRoot);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, server.url, account("secretariat"));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (webRoot !== undefined) rmSync(webRoot, { recursive: true, force: true });
  });

  it("shows the « Fédération d'identité » group; its six pages pass axe and have one <h1>", async () => {
    const group = page.getByRole("list", { name: "Fédération d'identité" });
    const problems: string[] = [];
    for (const [path, title] of PAGES) {
      await group.getByRole("link", { name: title, exact: true }).click();
      await heading(title);
      assert.equal(new URL(page.url()).pathname, `/ententes/${ENTENTE}/identity/${path}`);
      await page.waitForLoadState("networkidle");
      assert.equal(await page.locator("h1").count(), 1, path);
      assert.equal(
        await group.getByRole("link", { name: title, exact: true }).getAttribute("aria-current"),
        "page",
      );
      problems.push(...(await accessibilityViolations(page)).map((v) => `${path} ${v}`));
      // and axe's other rules (best practices): nothing serious or critical either
      const all = await new AxeBuilder({ page }).analyze();
      problems.push(
        ...all.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${path} ${v.id} (${v.impact}) — ${v.help}`),
      );
    }
    assert.deepEqual([...new Set(problems)], []);
  });

  it("connects an LDAP source for the Ville with its attribute mapping; the password is never read back", async () => {
    await page.goto(at("sources"));
    await heading("Sources d'identité");
    await page.getByRole("button", { name: "Ajouter une source" }).click();
    const form = page.getByRole("region", { name: "Ajouter une source" });
    // the form opens below the table: the focus goes to its title
    assert.equal(await page.evaluate("document.activeElement?.id"), "source-form-title");
    await form.getByLabel("Type", { exact: true }).selectOption({ label: "LDAP / Active Directory" });
    await form.getByLabel("Membre").selectOption({ label: "Ville de Lyon" });
    await form.getByLabel("Libellé").fill(SOURCE_LABEL);
    await form.getByLabel("Mot de passe du compte de service").fill(LDAP_PASSWORD);
    // a wrong address first: refused in the browser, next to its field, in French
    await form.getByLabel("Adresse de l'annuaire").fill("http://annuaire.ville-lyon.fr");
    await form
      .getByLabel("DN du compte de service (vide : recherche anonyme)")
      .fill("cn=entente,ou=services,dc=ville-lyon,dc=fr");
    await form.getByLabel("Base de recherche").fill("ou=agents,dc=ville-lyon,dc=fr");
    await form.getByLabel("Filtre de recherche").fill("(&(objectClass=inetOrgPerson)(uid={login}))");
    await form.getByLabel("Groupes (vide : aucun)").fill("memberOf");
    await form.getByLabel("Rôle des personnes").selectOption({ label: "Selon un attribut" });
    await form.getByLabel("Attribut du rôle").fill("employeeType");
    await form.getByLabel("Valeurs désignant un élu").fill("elu, Élus municipaux");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    const urlError = page.locator("#source-url-error");
    await urlError.waitFor();
    assert.match(await shown(urlError), /ldap:\/\/hôte:389 ou ldaps:\/\/hôte:636 attendu/);
    assert.equal(await form.getByLabel("Adresse de l'annuaire").getAttribute("aria-invalid"), "true");
    assert.equal((JSON.parse(await apiText(page, "sources")) as unknown[]).length, 3, "nothing saved");

    await form.getByLabel("Adresse de l'annuaire").fill("ldaps://annuaire.ville-lyon.fr:636");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("status").filter({ hasText: "Modifications enregistrées." }).waitFor();
    const row = page.getByRole("row", { name: new RegExp(SOURCE_LABEL) });
    await row.waitFor();
    assert.match(await shown(row), /Ville de Lyon LDAP \/ Active Directory Active Enregistré/);
    // the form now edits the saved source; its secret field is empty, with a hint
    await page.getByRole("heading", { level: 2, name: `Modifier la source « ${SOURCE_LABEL} »` }).waitFor();
    assert.equal(await page.getByLabel("Mot de passe du compte de service").inputValue(), "");

    const stored = await apiText(page, "sources");
    assert.ok(!stored.includes(LDAP_PASSWORD), "the bind password never comes back from the API");
    const source = (JSON.parse(stored) as Record<string, unknown>[]).find((s) => s.label === SOURCE_LABEL);
    assert.deepEqual(source?.mapping, {
      givenName: "givenName",
      familyName: "sn",
      usualName: null,
      email: "mail",
      uid: "uid",
      groups: "memberOf",
      role: { attribute: "employeeType", eluValues: ["elu", "Élus municipaux"] },
    });
    assert.equal(source?.hasSecret, true);
    assert.equal((source?.ldap as { url: string } | undefined)?.url, "ldaps://annuaire.ville-lyon.fr:636");
    // after a reload, the secret is still nowhere on the page
    await page.reload();
    await heading("Sources d'identité");
    await page.getByRole("row", { name: new RegExp(SOURCE_LABEL) }).waitFor();
    assert.ok(!(await page.content()).includes(LDAP_PASSWORD));
  });

  it("adds a domain of the Ville on that source, and an élu's personal address", async () => {
    await page.goto(at("domains"));
    await heading("Domaines et adresses");
    const domainForm = page.getByRole("form", { name: "Ajouter le domaine" });
    await domainForm.getByLabel("Domaine").fill("agents.ville-lyon.fr");
    await domainForm.getByLabel("Membre").selectOption({ label: "Ville de Lyon" });
    await domainForm.getByLabel("Source").selectOption({ label: SOURCE_LABEL });
    await domainForm.getByRole("button", { name: "Ajouter le domaine" }).click();
    const domainRow = page.getByRole("row", { name: /agents\.ville-lyon\.fr/ });
    await domainRow.waitFor();
    assert.equal(await shown(domainRow), `agents.ville-lyon.fr Ville de Lyon ${SOURCE_LABEL} Retirer`);
    assert.equal(await domainForm.getByLabel("Domaine").inputValue(), "", "the form is ready for another");

    const addressForm = page.getByRole("form", { name: "Enregistrer l'adresse" });
    await addressForm.getByLabel("Adresse électronique").fill("claire.fontaine@perso.test");
    await addressForm.getByLabel("Membre").selectOption({ label: "Ville de Lyon" });
    await addressForm.getByLabel("Source").selectOption({ label: SOURCE_LABEL });
    await addressForm.getByLabel("Rôle").selectOption({ label: "Élu" });
    await addressForm.getByLabel("Note").fill("Adjointe au numérique");
    await addressForm.getByRole("button", { name: "Enregistrer l'adresse" }).click();
    const addressRow = page.getByRole("row", { name: /claire\.fontaine@perso\.test/ });
    await addressRow.waitFor();
    assert.equal(
      await shown(addressRow),
      `claire.fontaine@perso.test Ville de Lyon ${SOURCE_LABEL} Élu Adjointe au numérique Retirer`,
    );
    const addresses = JSON.parse(await apiText(page, "addresses")) as Record<string, unknown>[];
    const stored = addresses.find((a) => a.email === "claire.fontaine@perso.test");
    assert.equal(stored?.role, "elu");
    assert.equal(stored?.memberId, "ville-lyon");
  });

  it("registers a service with an exact redirect URI and shows its client secret once, never after", async () => {
    await page.goto(at("services"));
    await heading("Services");
    await page.getByRole("button", { name: "Enregistrer un service" }).click();
    const form = page.getByRole("region", { name: "Enregistrer un service" });
    await form.getByLabel("Nom", { exact: true }).fill("Parapheur électronique");
    await form
      .getByLabel("Adresses de retour (une par ligne)")
      .fill("https://parapheur.ville-lyon.fr/oidc/callback");
    await form
      .getByLabel("Adresses après déconnexion (une par ligne)")
      .fill("https://parapheur.ville-lyon.fr/");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    const once = page.getByRole("status").filter({ hasText: "il ne sera plus jamais affiché" });
    await once.waitFor();
    // shown above the table while the person is at the form's foot: the focus and the view go there
    assert.equal(await once.evaluate((box) => box === box.ownerDocument.activeElement), true);
    const box = await once.boundingBox();
    assert.ok(box !== null && box.y >= 0 && box.y + box.height <= 900, "the secret is in view");
    const secret = ((await once.locator("code").nth(1).textContent()) ?? "").trim();
    const clientId = ((await once.locator("code").first().textContent()) ?? "").trim();
    assert.ok(secret.length >= 32, `a long client secret is shown (${secret.length} characters)`);
    Object.assign(parapheur, { clientId, secret });
    const row = page.getByRole("row", { name: /Parapheur électronique/ });
    await row.waitFor();
    assert.match(await shown(row), new RegExp(`${clientId} Tous les membres`));
    const service = (await servicesJson()).find((s) => s.name === "Parapheur électronique") as
      | Record<string, unknown>
      | undefined;
    assert.deepEqual(service?.redirectUris, ["https://parapheur.ville-lyon.fr/oidc/callback"]);

    // never again: not after a reload, not from the API
    await page.reload();
    await heading("Services");
    await page.getByRole("row", { name: /Parapheur électronique/ }).waitFor();
    assert.ok(!(await page.content()).includes(secret), "the secret is not on the page after a reload");
    assert.ok(!(await apiText(page, "services")).includes(secret), "nor in the API's answer");
    assert.ok(!(await apiText(page, `services/${clientId}`)).includes(secret));
  });

  it("registers a confidential webmail without PKCE (Roundcube 1.6); never a public client", async () => {
    await page.goto(at("services"));
    await heading("Services");
    await page.getByRole("button", { name: "Enregistrer un service" }).click();
    const form = page.getByRole("region", { name: "Enregistrer un service" });
    await form.getByLabel("Nom", { exact: true }).fill("Webmail Roundcube");
    await form
      .getByLabel("Adresses de retour (une par ligne)")
      .fill("https://webmail.ville-lyon.fr/index.php/login/oauth");
    const withoutPkce = form.getByRole("checkbox", { name: /Sans PKCE/ });
    const confidential = form.getByRole("checkbox", { name: /Client confidentiel/ });
    await confidential.uncheck();
    assert.equal(await withoutPkce.isDisabled(), true, "not offered to a public client");
    await confidential.check();
    await withoutPkce.check();
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByRole("status").filter({ hasText: "il ne sera plus jamais affiché" }).waitFor();
    const service = (await servicesJson()).find((s) => s.name === "Webmail Roundcube") as
      | Record<string, unknown>
      | undefined;
    assert.equal(service?.pkceExempt, true);
    assert.equal(service?.tokenEndpointAuthMethod, "client_secret_basic");
  });

  it("asks before replacing a client secret: keeping it changes nothing, confirming shows the new one once", async () => {
    await page.goto(at("services"));
    await heading("Services");
    assert.equal(await secretWorks(parapheur.clientId, parapheur.secret), true, "the first secret works");
    const rotate = page.getByRole("button", { name: "Nouveau secret pour « Parapheur électronique »" });
    const dialog = page.getByRole("dialog", { name: "Remplacer le secret de « Parapheur électronique » ?" });
    const once = page.getByRole("status").filter({ hasText: "il ne sera plus jamais affiché" });

    // a misclick: the dialog says what would happen; the focus is on the harmless choice
    await rotate.click();
    await dialog.waitFor();
    assert.match(await shown(dialog), /L'ancien secret cesse de fonctionner immédiatement/);
    assert.match(await shown(dialog), /mettez à jour la configuration du service/);
    assert.equal(await page.evaluate("document.activeElement?.textContent"), "Garder l'ancien secret");
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.equal(await once.count(), 0, "no new secret");
    assert.equal(await secretWorks(parapheur.clientId, parapheur.secret), true, "Escape keeps the secret");
    await rotate.click();
    await dialog.getByRole("button", { name: "Garder l'ancien secret" }).click();
    await dialog.waitFor({ state: "detached" });
    assert.equal(await secretWorks(parapheur.clientId, parapheur.secret), true, "keeping keeps it");

    // confirmed: the old secret stops at once, the new one is shown once and works
    await rotate.click();
    await dialog.getByRole("button", { name: "Remplacer le secret" }).click();
    await once.waitFor();
    assert.equal(await dialog.count(), 0);
    assert.equal(await once.evaluate((box) => box === box.ownerDocument.activeElement), true);
    assert.equal(((await once.locator("code").first().textContent()) ?? "").trim(), parapheur.clientId);
    const fresh = ((await once.locator("code").nth(1).textContent()) ?? "").trim();
    assert.notEqual(fresh, parapheur.secret);
    assert.equal(await secretWorks(parapheur.clientId, parapheur.secret), false, "the old secret is refused");
    assert.equal(await secretWorks(parapheur.clientId, fresh), true, "the new secret works");
    parapheur.secret = fresh;
  });

  it("refuses a redirect URI with a fragment or in http:// on another host, next to the field, saving nothing", async () => {
    await page.goto(at("services"));
    await heading("Services");
    const before = (await servicesJson()).length;
    await page.getByRole("button", { name: "Enregistrer un service" }).click();
    const form = page.getByRole("region", { name: "Enregistrer un service" });
    const redirects = form.getByLabel("Adresses de retour (une par ligne)");
    const fieldError = page.locator("#service-redirects-error");
    await form.getByLabel("Nom", { exact: true }).fill("Service mal configuré");
    for (const [uri, expected] of [
      ["https://outil.ville-lyon.fr/callback#jeton", /pas de fragment « # »/],
      [
        "http://outil.ville-lyon.fr/callback",
        /https:\/\/ est attendu \(http:\/\/ seulement sur 127\.0\.0\.1/,
      ],
      ["https://*.ville-lyon.fr/callback", /pas de joker « \* »/],
    ] as const) {
      await redirects.fill(`https://outil.ville-lyon.fr/ok\n${uri}`);
      await form.getByRole("button", { name: "Enregistrer" }).click();
      await fieldError.waitFor();
      assert.match(await shown(fieldError), expected, uri);
      assert.match(await shown(fieldError), /Adresse n° 2 \(« /, "the message names the wrong address");
      assert.equal(await redirects.getAttribute("aria-invalid"), "true");
      assert.match((await redirects.getAttribute("aria-describedby")) ?? "", /service-redirects-error/);
      assert.equal(
        await page.getByRole("status").filter({ hasText: "il ne sera plus jamais affiché" }).count(),
        0,
      );
      assert.equal((await servicesJson()).length, before, `nothing saved for ${uri}`);
    }
    // corrected, the error goes as soon as the field changes
    await redirects.fill("https://outil.ville-lyon.fr/callback");
    assert.equal(await fieldError.count(), 0);
    assert.deepEqual(await accessibilityViolations(page), []);
  });

  it("sums up a form's errors with links to their fields, the server's next to its field in French, focus on the summary", async () => {
    await page.goto(at("services"));
    await heading("Services");
    const before = (await servicesJson()).length;
    await page.getByRole("button", { name: "Enregistrer un service" }).click();
    const form = page.getByRole("region", { name: "Enregistrer un service" });
    const summary = form.locator(".error-summary");
    const focusedId = () => page.evaluate("document.activeElement?.id ?? ''") as Promise<string>;
    await form.getByLabel("Nom", { exact: true }).fill("Service à corriger");
    // one URI per line: a line with spaces is refused whole, not cut at its first space
    await form
      .getByLabel("Adresses de retour (une par ligne)")
      .fill("https://outil.ville-lyon.fr/callback\npas une url");
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await summary.waitFor();
    assert.equal(await summary.evaluate((box) => box === box.ownerDocument.activeElement), true);
    const link = summary.getByRole("link", { name: /Adresse n° 2 \(« pas une url »\)/ });
    assert.equal(await link.getAttribute("href"), "#service-redirects");
    assert.match(await shown(page.locator("#service-redirects-error")), /« pas une url »/);
    await link.click();
    assert.equal(await focusedId(), "service-redirects", "the link leads into the field");

    // the server's rule (openid for a sign-in service): next to the scopes, with their French name and the code
    await form.getByLabel("Adresses de retour (une par ligne)").fill("https://outil.ville-lyon.fr/callback");
    await form.getByRole("checkbox", { name: /^openid/ }).uncheck();
    await form.getByRole("button", { name: "Enregistrer" }).click();
    await summary.waitFor();
    assert.equal(await summary.evaluate((box) => box === box.ownerDocument.activeElement), true);
    const text = await shown(summary);
    assert.match(text, /« Données transmises » : openid/);
    assert.doesNotMatch(text, /« scopes »/, "no internal name");
    assert.match(text, /Code à citer au support : identity\.client_invalid/);
    assert.match(await shown(page.locator("#service-scope-openid-error")), /openid pour un service/);
    assert.equal(await page.locator("#service-scope-openid").getAttribute("aria-invalid"), "true");
    await summary.getByRole("link", { name: /Données transmises/ }).click();
    assert.equal(await focusedId(), "service-scope-openid");
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.equal((await servicesJson()).length, before, "nothing saved");

    // the domains' form: the server's refusal next to « Domaine »
    await page.goto(at("domains"));
    await heading("Domaines et adresses");
    const domainForm = page.getByRole("form", { name: "Ajouter le domaine" });
    await domainForm.getByLabel("Domaine").fill("pas un domaine");
    await domainForm.getByRole("button", { name: "Ajouter le domaine" }).click();
    const domainSummary = domainForm.locator(".error-summary");
    await domainSummary.waitFor();
    assert.equal(await domainSummary.evaluate((box) => box === box.ownerDocument.activeElement), true);
    assert.match(await shown(page.locator("#domain-name-error")), /nom de domaine comme commune\.fr/);
    assert.match(await shown(domainSummary), /« Domaine »/);
    assert.match(await shown(domainSummary), /identity\.source_invalid/);
    await domainSummary.getByRole("link", { name: /Domaine/ }).click();
    assert.equal(await focusedId(), "domain-name");
  });

  it("lists a person who signed in through the federation; the secretariat declares a second organisation", async () => {
    // finance.ville-lyon signs in to the demo service (a public client, PKCE) with its entente account
    const services = (await servicesJson()) as { name: string; clientId: string; redirectUris: string[] }[];
    const demo = services.find((s) => s.name === "Service de démonstration");
    assert.ok(demo !== undefined);
    const redirectUri = demo.redirectUris[0] ?? "";
    const visitor = await browser.newContext({ locale: "fr-FR" });
    const visitorPage = await visitor.newPage();
    // the demo service does not run here: its callback answers a plain page
    await visitorPage.route(`${new URL(redirectUri).origin}/**`, (route) =>
      route.fulfill({ contentType: "text/html", body: "<p id='back'>retour au service</p>" }),
    );
    const authorize = new URL(`${server.url}/oidc/auth`);
    authorize.search = new URLSearchParams({
      client_id: demo.clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      scope: "openid profile email organization",
      state: "etat-de-test",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
    }).toString();
    await visitorPage.goto(authorize.href);
    await visitorPage.locator("#email").fill(account("finance.ville-lyon"));
    await visitorPage.getByRole("button", { name: "Continuer", exact: true }).click();
    await visitorPage.locator("#password").fill(DEMO_PASSWORD);
    await visitorPage.getByRole("button", { name: "Se connecter", exact: true }).click();
    await visitorPage.locator("#back").waitFor();
    assert.match(visitorPage.url(), /[?&]code=/);
    await visitor.close();

    await page.goto(at("persons"));
    await heading("Personnes");
    const search = page.getByRole("search", { name: "Rechercher" }).getByRole("searchbox");
    await search.fill("finance");
    await search.press("Enter");
    const row = page.getByRole("row", { name: /Ville de Lyon \(Agent\)/ });
    await row.waitFor();
    await row.getByRole("button", { name: /^Voir / }).click();
    const detail = page.getByRole("region", { name: /./ }).filter({ has: page.locator("#person-title") });
    await detail.getByRole("row", { name: /Ville de Lyon Agent/ }).waitFor();
    assert.equal(await page.evaluate("document.activeElement?.id"), "person-title");
    assert.deepEqual(await accessibilityViolations(page), []);

    const declare = page.getByRole("form", { name: "Déclarer une organisation" });
    await declare.getByLabel("Membre").selectOption({ label: "SITIV" });
    await declare.getByLabel("Groupes").fill("agents-partages");
    await declare.getByRole("button", { name: "Déclarer une organisation" }).click();
    const declared = detail.getByRole("row", { name: /^SITIV Agent/ });
    await declared.waitFor();
    assert.match(await shown(declared), /agents-partages Déclarée par/);
    // the list shows both organisations
    await page
      .getByRole("row", {
        name: /Ville de Lyon \(Agent\), SITIV \(Agent\)|SITIV \(Agent\), Ville de Lyon \(Agent\)/,
      })
      .waitFor();

    // and the sign-in is in the log, with the service
    await page.goto(at("events"));
    await heading("Journal des connexions");
    await page.getByLabel("Événement").selectOption({ label: "Connexion" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.getByRole("row", { name: new RegExp(`Connexion.*Ville de Lyon.*${demo.clientId}`) }).waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
  });

  it("registers a resource server (audience, scopes, JWT type); an audience with a query is refused, saving nothing", async () => {
    await page.goto(at("resource-servers"));
    await heading("Serveurs de ressources");
    const form = page.getByRole("form", { name: "Enregistrer le serveur" });
    await form.getByLabel("Nom", { exact: true }).fill("Messagerie");
    await form.getByLabel("Audience").fill("https://messagerie.ville-lyon.fr/?tenant=1");
    await form.getByLabel("Scopes").fill("mail");
    await form.getByLabel("Type des JWT").selectOption("JWT");
    await form.getByRole("button", { name: "Enregistrer le serveur" }).click();
    await page.getByRole("alert").filter({ hasText: "audience" }).first().waitFor();
    assert.equal(JSON.parse(await apiText(page, "resource-servers")).length, 0, "nothing saved");
    await form.getByLabel("Audience").fill("https://messagerie.ville-lyon.fr/");
    await form.getByRole("button", { name: "Enregistrer le serveur" }).click();
    const row = page.getByRole("row", { name: /Messagerie/ });
    await row.waitFor();
    assert.match(await shown(row), /https:\/\/messagerie\.ville-lyon\.fr\/ mail JWT \(JWT\) 300 Actif/);
    const [saved] = JSON.parse(await apiText(page, "resource-servers")) as Record<string, unknown>[];
    assert.equal(saved?.jwtType, "JWT");
    assert.deepEqual(saved?.scopes, ["mail"]);
  });

  it("shows a member's finance officer only its member's data, and no write button", async () => {
    const finance = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const financePage = await finance.newPage();
    await signIn(financePage, server.url, account("finance.ville-lyon"));
    const group = financePage.getByRole("list", { name: "Fédération d'identité" });
    await group.getByRole("link", { name: "Sources d'identité" }).click();
    await financePage.getByRole("heading", { level: 1, name: "Sources d'identité" }).waitFor();
    await financePage.getByRole("row", { name: new RegExp(SOURCE_LABEL) }).waitFor();
    const members = await financePage.locator("tbody tr td:nth-child(2)").allInnerTexts();
    assert.ok(members.length >= 2);
    assert.deepEqual([...new Set(members)], ["Ville de Lyon"]);
    assert.equal(await financePage.getByRole("button", { name: "Ajouter une source" }).count(), 0);
    assert.equal(await financePage.getByRole("button", { name: /Modifier/ }).count(), 0);
    assert.ok(!(await financePage.content()).includes(LDAP_PASSWORD));

    await group.getByRole("link", { name: "Domaines et adresses" }).click();
    await financePage.getByRole("heading", { level: 1, name: "Domaines et adresses" }).waitFor();
    await financePage.getByRole("row", { name: /agents\.ville-lyon\.fr/ }).waitFor();
    await financePage.getByRole("row", { name: /claire\.fontaine@perso\.test/ }).waitFor();
    const text = await shown(financePage.locator("main"));
    assert.doesNotMatch(text, /Métropole de Lyon|SITIV/, "no other member's domain or address");
    assert.equal(await financePage.getByRole("button", { name: /Retirer|Ajouter|Enregistrer/ }).count(), 0);
    assert.equal(await financePage.getByRole("form").count(), 0);

    await group.getByRole("link", { name: "Services" }).click();
    await financePage.getByRole("heading", { level: 1, name: "Services" }).waitFor();
    await financePage.getByRole("row", { name: /Parapheur électronique/ }).waitFor();
    assert.equal(
      await financePage
        .getByRole("button", { name: /Enregistrer un service|Modifier|Nouveau secret/ })
        .count(),
      0,
    );
    for (const [, title] of PAGES.slice(3)) {
      await group.getByRole("link", { name: title }).click();
      await financePage.getByRole("heading", { level: 1, name: title }).waitFor();
      await financePage.waitForLoadState("networkidle");
      assert.deepEqual(await accessibilityViolations(financePage), [], title);
    }
    // the API refuses the writes the page does not offer, and other members' data
    const refused = await financePage.evaluate(
      `(async () => {
        const { csrfToken } = await (await fetch("/api/session")).json();
        const answer = await fetch("/api/ententes/${ENTENTE}/identity/domains", {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
          body: JSON.stringify({ domain: "pirate.ville-lyon.fr", memberId: "ville-lyon", sourceId: null }),
        });
        return answer.status;
      })()`,
    );
    assert.equal(refused, 403);
    const other = await financePage.request.get(api("persons?memberId=metropole"));
    assert.equal(other.status(), 403);
    await finance.close();
  });

  it("fills and submits the domain and service forms with the keyboard alone", async () => {
    await page.goto(at("domains"));
    await heading("Domaines et adresses");
    const focused = () => page.evaluate("document.activeElement?.id ?? ''") as Promise<string>;
    /** Presses Tab until the element with `id` has focus (a bounded number of times). */
    const tabTo = async (id: string) => {
      for (let i = 0; i < 80; i++) {
        if ((await focused()) === id) return;
        await page.keyboard.press("Tab");
      }
      assert.fail(`Tab never reaches #${id}`);
    };
    await tabTo("domain-name");
    await page.keyboard.type("elus.ville-lyon.fr");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "domain-member");
    await page.keyboard.press("ArrowDown"); // Métropole de Lyon → Ville de Lyon
    assert.equal(await page.locator("#domain-member").inputValue(), "ville-lyon");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "domain-source");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const row = page.getByRole("row", { name: /elus\.ville-lyon\.fr/ });
    await row.waitFor();
    assert.match(await shown(row), /Ville de Lyon Première source active du membre/);

    await page.goto(at("services"));
    await heading("Services");
    await page.locator("h1").focus();
    await page.keyboard.press("Tab");
    assert.equal(
      await page.evaluate("document.activeElement?.textContent"),
      "Enregistrer un service",
      "the first stop after the title is the page's main action",
    );
    await page.keyboard.press("Enter");
    await tabTo("service-name");
    await page.keyboard.type("Agenda partagé");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "service-redirects");
    await page.keyboard.type("https://agenda.ville-lyon.fr/callback");
    await tabTo("service-backchannel");
    await page.keyboard.type("https://agenda.ville-lyon.fr/backchannel-logout");
    await page.keyboard.press("Enter"); // Enter in a text field submits its form
    const once = page.getByRole("status").filter({ hasText: "il ne sera plus jamais affiché" });
    await once.waitFor();
    await page.getByRole("row", { name: /Agenda partagé/ }).waitFor();
    const service = (await servicesJson()).find((s) => s.name === "Agenda partagé") as
      | Record<string, unknown>
      | undefined;
    assert.equal(service?.backchannelLogoutUri, "https://agenda.ville-lyon.fr/backchannel-logout");
  });

  it("raised no uncaught error in the pages", () => {
    assert.deepEqual(errors, []);
  });
});
