import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generate } from "otplib";
import { ACR_TWO_FACTORS } from "../../src/identity/domain/authentication-level.ts";
import {
  renderLoggedOutPage,
  renderLogoutPage,
  renderProviderError,
} from "../../src/identity/http/interaction/provider-pages.ts";
import { createPagesApp, csrfOf, details } from "./sign-in-fakes.ts";

type Pages = Awaited<ReturnType<typeof createPagesApp>>;

/** Opens an interaction for the browser: the fake provider binds it to a cookie. */
function open(pages: Pages, uid: string, overrides: Parameters<typeof details>[1] = {}) {
  pages.interactions.set(uid, details(uid, overrides));
  const cookie = `fake_interaction=${uid}`;
  return {
    get: (url: string, headers: Record<string, string> = {}) =>
      pages.app.inject({ method: "GET", url, headers: { cookie, ...headers } }),
    post: (url: string, form: Record<string, string>) =>
      pages.app.inject({
        method: "POST",
        url,
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams(form).toString(),
      }),
  };
}

/** Every visible field has a label (`<label for=id>`), and there is exactly one h1. */
function assertAccessibleBasics(page: string) {
  assert.match(page, /<html lang="(fr|en)">/);
  assert.equal(page.match(/<h1>/g)?.length, 1, "one h1");
  assert.match(page, /<a class="skip-link" href="#contenu">/);
  for (const [, id] of page.matchAll(/<(?:input|select) id="([^"]+)"/g)) {
    if (new RegExp(`<input id="${id}"[^>]*type="hidden"`).test(page)) continue;
    assert.match(page, new RegExp(`<label for="${id}">`), `label for ${id}`);
  }
  assert.doesNotMatch(page, /<script>(?!<\/script>)|on(click|load|submit)=/i, "no inline script or handler");
}

const noStack = (page: string) => assert.doesNotMatch(page, /\bat .+\.ts:\d+|Error:|stack/i);

describe("interaction pages: start, language, errors", () => {
  it("the start page: email field, organisation list, élu note, labels, CSP without inline scripts", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    const response = await open(pages, "p1").get("/interaction/p1");
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers["cache-control"], "no-store");
    const csp = String(response.headers["content-security-policy"]);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    const page = response.body;
    assertAccessibleBasics(page);
    assert.match(page, /<label for="email">Adresse électronique<\/label>/);
    assert.match(page, /autocomplete="username"/);
    assert.match(page, /Choisir mon organisation/);
    assert.match(page, /Élu·e : utilisez l&#39;adresse enregistrée par votre collectivité/);
    assert.match(page, /<option value="ldap-ville">Ville de Lyon<\/option>/);
    assert.match(page, /href="\/interaction\/p1\?lang=en" hreflang="en" lang="en">English/);
  });

  it("English with ?lang=en or Accept-Language", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    const browser = open(pages, "p2");
    for (const response of [
      await browser.get("/interaction/p2?lang=en"),
      await browser.get("/interaction/p2", { "accept-language": "en-GB,en;q=0.9" }),
    ]) {
      assert.match(response.body, /<html lang="en">/);
      assert.match(response.body, /<h1>Sign in<\/h1>/);
      assert.match(response.body, /Choose my organisation/);
    }
  });

  it("the service's ui_locales wins over Accept-Language; ?lang wins over both (OIDC Core §3.1.2.1)", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    const french = open(pages, "p3", { uiLocales: "fr-FR en" });
    const page = await french.get("/interaction/p3", { "accept-language": "en-GB,en;q=0.9" });
    assert.match(page.body, /<html lang="fr">/);
    const english = open(pages, "p4", { uiLocales: "de en" });
    assert.match(
      (await english.get("/interaction/p4", { "accept-language": "fr" })).body,
      /<html lang="en">/,
    );
    const chosen = open(pages, "p5", { uiLocales: "fr" });
    assert.match((await chosen.get("/interaction/p5?lang=en")).body, /<html lang="en">/);
  });

  it("an interaction that is not this browser's shows identity.interaction_expired, the support code and a way back", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    const response = await pages.app.inject({ method: "GET", url: "/interaction/unknown" });
    assert.equal(response.statusCode, 410);
    assert.equal(response.headers["content-type"], "text/html; charset=utf-8");
    assert.match(response.body, /<code>identity\.interaction_expired<\/code>/);
    assert.match(response.body, /Code support \(à donner au support\) : <code>req-1<\/code>/);
    assert.match(response.body, /href="http:\/\/127\.0\.0\.1:3000\/">Aller au portail/);
    assertAccessibleBasics(response.body);
    noStack(response.body);
  });

  it("an expired interaction answers the service with an OAuth error only when that is safe and recoverable", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    const returnTo = (over: Record<string, unknown> = {}) => ({
      clientId: "visio",
      redirectUri: "http://127.0.0.1:9000/cb",
      state: "rp-state",
      responseMode: null,
      issuer: "http://127.0.0.1:3000/oidc",
      ...over,
    });
    const expire = async (uid: string, over: Record<string, unknown> = {}) => {
      const browser = open(pages, uid, { returnTo: returnTo(over) });
      assert.equal((await browser.get(`/interaction/${uid}`)).statusCode, 200, "the sign-in begins");
      pages.interactions.delete(uid); // the provider's interaction expires
      return browser;
    };

    const back = await (await expire("x1")).get("/interaction/x1/continue");
    assert.equal(back.statusCode, 303);
    const location = new URL(String(back.headers.location));
    assert.equal(`${location.origin}${location.pathname}`, "http://127.0.0.1:9000/cb");
    assert.equal(location.searchParams.get("error"), "access_denied");
    assert.equal(location.searchParams.get("state"), "rp-state");
    assert.equal(location.searchParams.get("iss"), "http://127.0.0.1:3000/oidc");
    const again = await pages.app.inject({ method: "GET", url: "/interaction/x1/continue" });
    assert.equal(again.statusCode, 410, "answered once: the second time shows the page");

    const unrecoverable: [string, Record<string, unknown>][] = [
      ["x2", { responseMode: "form_post" }],
      ["x3", { redirectUri: "http://127.0.0.1:9000/other" }],
      ["x4", { clientId: "unknown-service" }],
    ];
    for (const [uid, over] of unrecoverable) {
      const response = await (await expire(uid, over)).get(`/interaction/${uid}/continue`);
      assert.equal(response.statusCode, 410, `${uid}: the page, not a redirect`);
      assert.match(response.body, /identity\.interaction_expired/);
    }

    assert.equal((await open(pages, "x5", { returnTo: returnTo() }).get("/interaction/x5")).statusCode, 200);
    const stranger = await pages.app.inject({ method: "GET", url: "/interaction/x5/continue" });
    assert.equal(stranger.statusCode, 410, "a live interaction of another browser is not answered");
    assert.notEqual(await pages.state.get("sign-in:x5"), null, "nor its sign-in ended");
    assert.ok(
      pages.events.some((e) => e.kind === "sign_in_failed" && e.code === "identity.interaction_expired"),
    );
  });

  it("every POST needs the interaction's anti-CSRF token", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    const browser = open(pages, "p3");
    const token = csrfOf((await browser.get("/interaction/p3")).body);
    for (const csrf of [undefined, "forged", `${token}x`]) {
      const response = await browser.post("/interaction/p3/email", {
        email: "jean.martin@grandlyon.fr",
        ...(csrf ? { csrf } : {}),
      });
      assert.equal(response.statusCode, 403);
      assert.match(response.body, /<code>auth\.csrf<\/code>/);
    }
    // a token of another interaction does not work either
    const other = open(pages, "p3b");
    const otherToken = csrfOf((await other.get("/interaction/p3b")).body);
    assert.equal(
      (await browser.post("/interaction/p3/email", { email: "jean.martin@grandlyon.fr", csrf: otherToken }))
        .statusCode,
      403,
    );
    const ok = await browser.post("/interaction/p3/email", {
      email: "jean.martin@grandlyon.fr",
      csrf: token,
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, "/interaction/p3/password?lang=fr");
  });

  it("an unknown domain shows the error summary (alert, focused) linked to the field, with code and support code", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    const browser = open(pages, "p4");
    const csrf = csrfOf((await browser.get("/interaction/p4")).body);
    const response = await browser.post("/interaction/p4/email", { email: "x@unknown.example", csrf });
    assert.equal(response.statusCode, 404);
    const page = response.body;
    assertAccessibleBasics(page);
    assert.match(page, /<div class="error-summary" role="alert" tabindex="-1" autofocus/);
    assert.match(
      page,
      /<a href="#email">Aucune organisation de l&#39;entente n&#39;utilise le domaine « unknown\.example »/,
    );
    assert.match(page, /aria-describedby="email-hint email-error" aria-invalid="true"/);
    assert.match(page, /<code>identity\.domain_unknown<\/code>/);
    assert.match(page, /<code>req-\d+<\/code>/);
    assert.match(page, /value="x@unknown.example"/);
    assert.match(page, /<title>Erreur : Se connecter/);
  });

  it("an internal failure shows server.internal and the request id, never the error", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    pages.gateway.details = async () => {
      throw new Error("secret database password in a stack trace");
    };
    const response = await pages.app.inject({ method: "GET", url: "/interaction/p5" });
    assert.equal(response.statusCode, 500);
    assert.match(response.body, /<code>server\.internal<\/code>/);
    assert.doesNotMatch(response.body, /secret database password/);
    noStack(response.body);
  });
});

describe("interaction pages: sign-in to the end", () => {
  it("password: a wrong one re-renders with the error on the field; the right one ends the interaction (303)", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    const browser = open(pages, "p6");
    const csrf = csrfOf((await browser.get("/interaction/p6")).body);
    await browser.post("/interaction/p6/email", { email: "jean.martin@grandlyon.fr", csrf });
    const form = await browser.get("/interaction/p6/password");
    assertAccessibleBasics(form.body);
    assert.match(form.body, /autocomplete="current-password"/);
    assert.match(form.body, /Connexion par « Annuaire de la Métropole »/);
    const wrong = await browser.post("/interaction/p6/password", {
      login: "jean.martin",
      password: "nope",
      csrf,
    });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /<code>identity\.invalid_credentials<\/code>/);
    assert.match(wrong.body, /id="password-error"/);
    assert.match(wrong.body, /value="jean.martin"/);
    assert.doesNotMatch(wrong.body, /value="nope"/);
    const right = await browser.post("/interaction/p6/password", {
      login: "jean.martin",
      password: "secret-password",
      csrf,
    });
    assert.equal(right.statusCode, 303);
    assert.equal(right.headers.location, "http://127.0.0.1:3000/oidc/auth/p6");
    assert.equal((pages.finished[0]?.result as { memberId: string } | undefined)?.memberId, "metropole");
  });

  it("a refused service shows identity.service_refused and the way back aborts with access_denied", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    pages.clients.visio = {
      ...pages.clients.visio,
      policy: { memberIds: ["ville"], roles: null, groups: null },
    } as never;
    const browser = open(pages, "p7");
    const csrf = csrfOf((await browser.get("/interaction/p7")).body);
    await browser.post("/interaction/p7/email", { email: "jean.martin@grandlyon.fr", csrf });
    const refused = await browser.post("/interaction/p7/password", {
      login: "jean.martin",
      password: "secret-password",
      csrf,
    });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /L&#39;accès à « Visio » n&#39;est pas ouvert à votre organisation/);
    assert.match(refused.body, /<code>identity\.service_refused<\/code>/);
    assertAccessibleBasics(refused.body);
    const back = await browser.post("/interaction/p7/abort", { csrf });
    assert.equal(back.statusCode, 303);
    assert.equal(back.headers.location, "http://127.0.0.1:9000/cb?error=access_denied");
    assert.deepEqual(pages.aborted[0]?.error, {
      error: "access_denied",
      description: "identity.service_refused",
    });
  });

  it("second factor: TOTP enrolment with a QR code and the secret, then the code ends the interaction", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    pages.clients.visio = { ...pages.clients.visio, requiredAcr: ACR_TWO_FACTORS } as never;
    const browser = open(pages, "p8");
    const csrf = csrfOf((await browser.get("/interaction/p8")).body);
    await browser.post("/interaction/p8/email", { email: "jean.martin@grandlyon.fr", csrf });
    const toMfa = await browser.post("/interaction/p8/password", {
      login: "jean.martin",
      password: "secret-password",
      csrf,
    });
    assert.equal(toMfa.headers.location, "/interaction/p8/mfa?lang=fr");
    const choice = await browser.get("/interaction/p8/mfa");
    assert.match(choice.body, /confiance à la première utilisation/);
    assertAccessibleBasics(choice.body);
    const enrol = await browser.get("/interaction/p8/mfa/totp/enrol");
    assertAccessibleBasics(enrol.body);
    assert.match(enrol.body, /<figure class="qr" role="img" aria-label="[^"]+"><svg/);
    assert.match(enrol.body, /autocomplete="one-time-code"/);
    const secret =
      /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(enrol.body)?.[1]?.replaceAll(" ", "") ?? "";
    const wrong = await browser.post("/interaction/p8/mfa/totp/enrol", { code: "000000", csrf });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /<code>identity\.mfa_invalid<\/code>/);
    const code = await generate({ secret, epoch: Math.floor(pages.now.value.getTime() / 1000) });
    const done = await browser.post("/interaction/p8/mfa/totp/enrol", { code, csrf });
    assert.equal(done.statusCode, 303);
    assert.deepEqual((pages.finished[0]?.result as { amr: string[] } | undefined)?.amr, [
      "pwd",
      "otp",
      "mfa",
    ]);
  });

  it("SAML: the ACS takes the cross-site POST without the cookie, then the browser continues with it", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    pages.upstreamAnswers["saml-sitiv"] = {
      sourceId: "saml-sitiv",
      upstreamId: "nameid-1",
      attributes: { givenName: ["Lou"], sn: ["Durand"], mail: ["lou.durand@sitiv.fr"], uid: ["ldurand"] },
      amr: ["pwd"],
      acr: null,
    };
    pages.domains["sitiv.fr"] = "saml-sitiv";
    const browser = open(pages, "p9");
    const csrf = csrfOf((await browser.get("/interaction/p9")).body);
    const chosen = await browser.post("/interaction/p9/organisation", { sourceId: "saml-sitiv", csrf });
    assert.equal(chosen.headers.location, "/interaction/p9/upstream?lang=fr");
    const out = await browser.get("/interaction/p9/upstream");
    assert.equal(out.statusCode, 303);
    const relayState = new URL(String(out.headers.location)).searchParams.get("state") ?? "";
    const acs = await pages.app.inject({
      method: "POST",
      url: "/interaction/callback/saml/saml-sitiv",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        SAMLResponse: "PHNhbWxwOlJlc3BvbnNlLz4=",
        RelayState: relayState,
      }).toString(),
    });
    assert.equal(acs.statusCode, 303);
    assert.equal(acs.headers.location, "/interaction/p9/continue");
    // without the cookie, the continuation is refused
    assert.equal(
      (await pages.app.inject({ method: "GET", url: "/interaction/p9/continue" })).statusCode,
      410,
    );
    const done = await browser.get("/interaction/p9/continue");
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, "http://127.0.0.1:3000/oidc/auth/p9");
    // a replayed ACS POST is refused with a clear page
    const replay = await pages.app.inject({
      method: "POST",
      url: "/interaction/callback/saml/saml-sitiv",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ SAMLResponse: "x", RelayState: relayState }).toString(),
    });
    assert.equal(replay.statusCode, 400);
    assert.match(replay.body, /<code>identity\.state_lost<\/code>/);
    noStack(replay.body);
  });

  it("serves the stylesheet and the WebAuthn scripts (ours and @simplewebauthn/browser's bundle)", async (t) => {
    const pages = await createPagesApp();
    t.after(() => pages.app.close());
    for (const [file, type] of [
      ["interaction.css", "text/css"],
      ["webauthn.js", "text/javascript"],
      ["simplewebauthn-browser.js", "text/javascript"],
    ] as const) {
      const response = await pages.app.inject({ method: "GET", url: `/interaction/assets/${file}` });
      assert.equal(response.statusCode, 200, file);
      assert.match(String(response.headers["content-type"]), new RegExp(type));
    }
    assert.match(
      (await pages.app.inject({ method: "GET", url: "/interaction/assets/simplewebauthn-browser.js" })).body,
      /SimpleWebAuthnBrowser/,
    );
    assert.equal(
      (await pages.app.inject({ method: "GET", url: "/interaction/assets/..%2Fpackage.json" })).statusCode,
      404,
    );
  });
});

describe("provider pages", () => {
  it("logout, logged out and provider error pages are accessible and escape what they show", () => {
    const logout = renderLogoutPage(
      '<form id="op.logoutForm" method="post" action="/oidc/session/end/confirm"></form>',
      "fr",
    );
    assertAccessibleBasics(logout);
    assert.match(logout, /form="op\.logoutForm" value="yes" name="logout"/);
    const out = renderLoggedOutPage("en", "<Visio>");
    assert.match(out, /You are signed out of &quot;&lt;Visio&gt;&quot;/);
    const error = renderProviderError(
      { error: "invalid_request", error_description: "<script>x</script>" },
      "req-9",
      "fr",
    );
    assert.match(error, /<code>oidc\.invalid_request<\/code>/);
    assert.match(error, /<code>req-9<\/code>/);
    assert.doesNotMatch(error, /<script>x/);
  });
});
