import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { SourceRecord } from "../../src/identity/domain/identity-source.ts";
import { createOidcConnector } from "../../src/identity/upstream/oidc-connector.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { startUpstreamOidcIdp, type UpstreamOidcIdp } from "../helpers/start-upstream-oidc-idp.ts";
import {
  createMemoryTransientStore,
  oidcSource,
  parseForms,
  ScriptedBrowser,
  textOf,
} from "../helpers/upstream-peers.ts";

/**
 * Integration: the OIDC connector against an independent oidc-provider (the SITIV's IdP,
 * test/fixtures/upstream-oidc-idp, its own process). The browser is scripted; the callback's
 * query is handed to `finish` as the callback route does.
 * Clock: the rate-limit test moves the process' Date 31 s ahead with node:test's `mock.timers`;
 * the IdP's clock is moved ahead through its admin API (`setClockOffset`).
 */

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<EntenteError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EntenteError, `expected an EntenteError, got ${String(error)}`);
    assert.equal(error.code, code, `${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected ${code}, the promise resolved`);
}

describe("OIDC connector against an independent oidc-provider", () => {
  let idp: UpstreamOidcIdp;
  let source: SourceRecord;
  const transient = createMemoryTransientStore();
  const connector = createOidcConnector({ transient, now: () => new Date(), allowInsecureRequests: true });
  const callbackUrl = "http://127.0.0.1:9/oidc/src-oidc-sitiv/callback";

  before(async () => {
    idp = await startUpstreamOidcIdp();
    await idp.registerClient({
      client_id: "entente-test",
      client_secret: "entente-test-secret-0123456789abcdef",
      redirect_uris: [callbackUrl],
      token_endpoint_auth_method: "client_secret_basic",
    });
    source = oidcSource(idp.issuer, "entente-test", "entente-test-secret-0123456789abcdef");
  });
  after(async () => {
    await idp.stop();
  });

  /** begin → IdP login page → credentials (or "Refuser") → the callback URL's query. */
  async function signInAtIdp(
    username: string,
    password: string,
    options: { deny?: boolean; s?: SourceRecord; interactionId?: string } = {},
  ) {
    const s = options.s ?? source;
    const { redirectUrl } = await connector.begin(s, {
      interactionId: options.interactionId ?? `int-${username}`,
      callbackUrl,
      loginHint: username,
    });
    const browser = new ScriptedBrowser();
    const page = await browser.go(redirectUrl, { stopAt: callbackUrl });
    const forms = parseForms(page.text, page.url);
    const login = forms.find((f) => "password" in f.fields);
    assert.ok(login, `no login form at the IdP: ${textOf(page.text).slice(0, 300)}`);
    assert.equal(login.fields.username, username, "login_hint is passed on");
    const target = options.deny ? forms.find((f) => f.action.endsWith("/abort")) : login;
    assert.ok(target);
    const end = await browser.go(target.action, {
      method: "POST",
      form: options.deny ? {} : { ...login.fields, username, password },
      stopAt: callbackUrl,
    });
    assert.ok(
      end.url.startsWith(callbackUrl),
      `did not come back to the callback: ${end.url} ${textOf(end.text).slice(0, 200)}`,
    );
    return {
      redirectUrl,
      query: Object.fromEntries(new URL(end.url).searchParams) as Record<string, string>,
    };
  }

  const finish = (query: Record<string, string>, s: SourceRecord = source) =>
    connector.finish(s, { callbackUrl, query, body: {} });

  it("asks for a code with PKCE S256, state and nonce (no verifier in the URL)", async () => {
    const { redirectUrl } = await connector.begin(source, {
      interactionId: "int-probe",
      callbackUrl,
      loginHint: null,
    });
    const url = new URL(redirectUrl);
    assert.equal(url.origin, idp.issuer);
    assert.equal(url.searchParams.get("response_type"), "code");
    assert.equal(url.searchParams.get("code_challenge_method"), "S256");
    assert.match(url.searchParams.get("code_challenge") ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.ok((url.searchParams.get("state") ?? "").length >= 32);
    assert.ok((url.searchParams.get("nonce") ?? "").length >= 32);
    assert.equal(url.searchParams.get("redirect_uri"), callbackUrl);
    assert.deepEqual(url.searchParams.get("scope")?.split(" "), ["openid", "email", "profile", "groups"]);
    assert.equal(url.searchParams.has("login_hint"), false);
  });

  it("signs Inès (SITIV agent) in: sub as id, claims from the ID token and userinfo, amr/acr carried over", async () => {
    const { query } = await signInAtIdp("ines.garnier", "ines-secret");
    assert.equal(query.iss, idp.issuer, "the IdP sends iss (RFC 9207)");
    const { interactionId, identity } = await finish(query);
    assert.equal(interactionId, "int-ines.garnier");
    assert.equal(identity.upstreamId, "sitiv-7f3a9c10-0001");
    assert.deepEqual(identity.attributes.email, ["ines.garnier@sitiv.entente.test"]);
    assert.deepEqual(identity.attributes.given_name, ["Inès"]);
    assert.deepEqual(identity.attributes.groups, ["agents-sitiv", "dsi"]);
    assert.deepEqual(identity.attributes.email_verified, ["true"]);
    assert.equal(identity.attributes.nonce, undefined, "protocol claims are not attributes");
    assert.deepEqual(identity.amr, ["pwd"]);
    assert.equal(identity.acr, "urn:sitiv:acr:password");
  });

  it("refuses the same callback twice (state is single use)", async () => {
    const { query } = await signInAtIdp("julien.faure", "julien-secret");
    await finish(query);
    await rejectsWith(finish(query), "identity.state_lost");
  });

  it("refuses a callback without state or with an unknown one", async () => {
    const { query } = await signInAtIdp("julien.faure", "julien-secret");
    const { state: _dropped, ...noState } = query;
    await rejectsWith(finish(noState), "identity.state_lost");
    await rejectsWith(finish({ ...query, state: "forged-state" }), "identity.state_lost");
  });

  it("refuses a callback whose iss is not the source's issuer (RFC 9207 mix-up)", async () => {
    const { query } = await signInAtIdp("julien.faure", "julien-secret");
    const error = await rejectsWith(
      finish({ ...query, iss: "https://evil.example" }),
      "identity.upstream_rejected",
    );
    assert.match(String(error.details.reason), /iss/i);
  });

  it("refuses an ID token whose nonce is not the one sent", async () => {
    const { query } = await signInAtIdp("julien.faure", "julien-secret");
    const stored = transient.entries.get(`oidc-state:${query.state}`);
    assert.ok(stored, "the state is kept under its value");
    (stored.value as { nonce: string }).nonce = "another-nonce-of-another-sign-in";
    const error = await rejectsWith(finish(query), "identity.upstream_rejected");
    assert.match(String(error.details.reason), /nonce/i);
  });

  it("refuses a code redeemed with another sign-in's PKCE verifier (code injection)", async () => {
    const victim = await signInAtIdp("ines.garnier", "ines-secret", { interactionId: "int-victim" });
    const attacker = await connector.begin(source, {
      interactionId: "int-attacker",
      callbackUrl,
      loginHint: null,
    });
    const attackerState = new URL(attacker.redirectUrl).searchParams.get("state") ?? "";
    const error = await rejectsWith(
      finish({ ...victim.query, state: attackerState }),
      "identity.upstream_rejected",
    );
    assert.match(String(error.details.reason), /invalid_grant/);
  });

  it("maps the person's refusal at the IdP (error=access_denied) to upstream_denied", async () => {
    const { query } = await signInAtIdp("julien.faure", "unused", { deny: true });
    assert.equal(query.error, "access_denied");
    const error = await rejectsWith(finish(query), "identity.upstream_denied");
    assert.equal(error.details.reason, "access_denied");
  });

  it("refuses an ID token issued in the future beyond the allowed clock skew (60 s)", async () => {
    try {
      await idp.setClockOffset(30);
      const within = await finish((await signInAtIdp("ines.garnier", "ines-secret")).query);
      assert.equal(within.identity.upstreamId, "sitiv-7f3a9c10-0001", "30 s ahead: tolerated");
      await idp.setClockOffset(600);
      const { query } = await signInAtIdp("ines.garnier", "ines-secret");
      const error = await rejectsWith(finish(query), "identity.upstream_rejected");
      assert.match(error.message, /iat/);
    } finally {
      await idp.setClockOffset(0);
    }
  });

  it("keeps the IdP's email_verified: false", async () => {
    const { identity } = await finish((await signInAtIdp("paul.bernard", "paul-secret")).query);
    assert.deepEqual(identity.attributes.email_verified, ["false"]);
  });

  it("follows an upstream key rotation at once: the JWKS is downloaded again on a new kid", async () => {
    const before = await signInAtIdp("ines.garnier", "ines-secret");
    await finish(before.query); // the JWKS is now cached with the first key
    const fetchesBefore = await idp.jwksFetches();
    const { kid } = await idp.rotateKeys();
    assert.match(kid, /^sitiv-/);
    const afterRotation = await signInAtIdp("ines.garnier", "ines-secret");
    const { identity } = await finish(afterRotation.query);
    assert.equal(identity.upstreamId, "sitiv-7f3a9c10-0001");
    assert.equal(await idp.jwksFetches(), fetchesBefore + 1, "the JWKS was downloaded again, once");
    await finish((await signInAtIdp("ines.garnier", "ines-secret")).query);
    assert.equal(await idp.jwksFetches(), fetchesBefore + 1, "the new key is cached");
  });

  it("rate-limits the downloads an unknown kid forces: one per interval per IdP", async (t) => {
    const start = Date.now();
    const clock = { at: start };
    const limited = createOidcConnector({
      transient,
      now: () => new Date(clock.at),
      allowInsecureRequests: true,
      jwksRefetchIntervalSeconds: 30,
    });
    // The kept state is not bound to a connector instance: `limited` finishes what `connector` began.
    const signInWith = async () =>
      limited.finish(source, {
        callbackUrl,
        query: (await signInAtIdp("ines.garnier", "ines-secret")).query,
        body: {},
      });
    await signInWith(); // first download
    await idp.rotateKeys();
    await signInWith(); // forced download on the new kid
    const fetches = await idp.jwksFetches();
    await idp.rotateKeys();
    const error = await rejectsWith(signInWith(), "identity.upstream_rejected");
    assert.match(error.message, /kid/);
    assert.equal(await idp.jwksFetches(), fetches, "no second forced download within 30 s");
    clock.at = start + 31_000;
    t.mock.timers.enable({ apis: ["Date"], now: clock.at }); // jose's cache age follows the same clock
    await signInWith();
    t.mock.timers.reset();
    assert.equal(await idp.jwksFetches(), fetches + 1);
  });

  it("says the source is unreachable when discovery fails", async () => {
    const dead = { ...oidcSource("http://127.0.0.1:9", "x", null), id: "src-oidc-dead" } as SourceRecord;
    await rejectsWith(
      connector.begin(dead, { interactionId: "i", callbackUrl, loginHint: null }),
      "identity.source_unreachable",
    );
  });
});
