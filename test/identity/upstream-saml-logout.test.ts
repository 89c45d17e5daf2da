import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { after, before, describe, it } from "node:test";
import { inflateRawSync } from "node:zlib";
import { SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import type { SourceRecord } from "../../src/identity/domain/identity-source.ts";
import { createSamlConnector } from "../../src/identity/upstream/saml-connector.ts";
import { createSamlLogout } from "../../src/identity/upstream/saml-logout.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import {
  createMemoryTransientStore,
  makeSigningPair,
  parseForms,
  registerSamlServiceProvider,
  ScriptedBrowser,
  samlPeer,
  samlSource,
  textOf,
} from "../helpers/upstream-peers.ts";

/**
 * Integration: SAML Single Logout (issue 10 item 6) against the real SimpleSAMLphp of
 * ci/identity/saml-idp, through a scripted browser (cookie jar): our signed LogoutRequest ends
 * the IdP's session (the next sign-in asks the password again), its signed LogoutResponse is
 * accepted once; node-saml's gaps are closed (unsigned answer, answer signed by another key,
 * wrong or missing InResponseTo, replayed RelayState), a signed failure Status is reported.
 * Forged answers are signed with a key made here; a second source trusts its certificate as a
 * "rotation" certificate, so that the InResponseTo and Status checks are reached.
 */

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EntenteError, `expected an EntenteError, got ${String(error)}`);
    assert.equal(error.code, code, `${error.code}: ${error.message}`);
    return;
  }
  assert.fail(`expected ${code}, the promise resolved`);
}

const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);
const rawQueryOf = (url: string) => url.split("?")[1] ?? "";

describe("SAML Single Logout against SimpleSAMLphp", () => {
  const transient = createMemoryTransientStore();
  const sp = makeSigningPair("entente-sp");
  const forger = makeSigningPair("not-the-idp");
  let spServer: Server;
  let spBase = "";
  const unregister: Array<() => void> = [];
  let source: SourceRecord;
  let trustingForger: SourceRecord;

  const spEntityIdFor = (s: SourceRecord) => `${spBase}/saml/${s.id}/metadata`;
  const acsUrlFor = (s: SourceRecord) => `${spBase}/saml/${s.id}/acs`;
  const sloUrlFor = (s: SourceRecord) => `${spBase}/saml/${s.id}/slo`;
  const slo = () =>
    createSamlLogout({
      transient,
      spEntityIdFor,
      sloReturnUrlFor: sloUrlFor,
      signing: { privateKeyPem: sp.key, certificatePem: sp.cert },
      ttlSeconds: 600,
    });
  const connector = () =>
    createSamlConnector({
      transient,
      spEntityIdFor,
      acsUrlFor,
      now: () => new Date(),
      logout: { slo: slo(), sessionTtlSeconds: 3600, signingKeyPem: sp.key },
    });

  before(async () => {
    spServer = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => spServer.listen(0, "127.0.0.1", resolve));
    spBase = `http://127.0.0.1:${(spServer.address() as { port: number }).port}`;
    const base = samlSource() as SourceRecord & { kind: "saml" };
    source = { ...base, saml: { ...base.saml, sloUrl: samlPeer.sloUrl } } as SourceRecord;
    trustingForger = {
      ...source,
      id: `${base.id}-rotation`,
      saml: { ...base.saml, sloUrl: samlPeer.sloUrl, idpCertificates: [samlPeer.certPem(), forger.cert] },
    } as SourceRecord;
    for (const s of [source, trustingForger]) {
      unregister.push(
        registerSamlServiceProvider({
          entityId: spEntityIdFor(s),
          acsUrl: acsUrlFor(s),
          sloUrl: sloUrlFor(s),
          certPem: sp.cert,
        }),
      );
    }
  });

  after(async () => {
    for (const u of unregister) u();
    await new Promise<void>((resolve) => spServer.close(() => resolve()));
  });

  /** Signs `user` in through `s` in `browser`; returns the upstream id (session kept by `finish`). */
  async function signIn(browser: ScriptedBrowser, s: SourceRecord, user = "emma.petit") {
    const { redirectUrl } = await connector().begin(s, {
      interactionId: `int-${user}`,
      callbackUrl: acsUrlFor(s),
      loginHint: null,
    });
    let page = await browser.go(redirectUrl);
    let login = parseForms(page.text, page.url).find((f) => "password" in f.fields);
    const askedPassword = login !== undefined;
    if (login !== undefined) {
      page = await browser.go(login.action, {
        method: login.method,
        form: { ...login.fields, username: user, password: `${user.split(".")[0]}-secret` },
      });
      login = undefined;
    }
    const post = parseForms(page.text, page.url).find((f) => "SAMLResponse" in f.fields);
    assert.ok(post, `no SAMLResponse from the IdP: ${textOf(page.text).slice(0, 300)}`);
    const { identity } = await connector().finish(s, {
      callbackUrl: acsUrlFor(s),
      query: {},
      body: post.fields,
    });
    return { upstreamId: identity.upstreamId, askedPassword };
  }

  /** Our LogoutRequest to the IdP; the browser stops at our SLO route with the IdP's answer. */
  async function logoutAtIdp(browser: ScriptedBrowser, s: SourceRecord, upstreamId: string, state: string) {
    const url = await slo().logoutUrl(s, { state, upstreamId });
    assert.ok(url, "a LogoutRequest URL");
    const answer = await browser.go(url, { stopAt: sloUrlFor(s) });
    assert.ok(
      answer.url.startsWith(sloUrlFor(s)),
      `the IdP answered elsewhere: ${answer.url} ${textOf(answer.text).slice(0, 300)}`,
    );
    return { requestUrl: url, answerUrl: answer.url };
  }

  it("sends a signed LogoutRequest; the IdP's signed answer ends its session: the next sign-in asks the password", async () => {
    const browser = new ScriptedBrowser();
    const first = await signIn(browser, source);
    assert.equal(first.askedPassword, true);
    const sso = await signIn(browser, source);
    assert.equal(sso.askedPassword, false, "control: the IdP session is open before the logout");
    const { requestUrl, answerUrl } = await logoutAtIdp(browser, source, first.upstreamId, "state-ok");
    const request = new URL(requestUrl);
    assert.equal(`${request.origin}${request.pathname}`, samlPeer.sloUrl);
    assert.equal(request.searchParams.get("RelayState"), "state-ok");
    assert.match(request.searchParams.get("SigAlg") ?? "", /rsa-sha256$/);
    assert.ok(request.searchParams.get("Signature"));
    const xml = inflateRawSync(
      Buffer.from(request.searchParams.get("SAMLRequest") ?? "", "base64"),
    ).toString();
    assert.match(
      xml,
      new RegExp(
        `<saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"[^>]*>${first.upstreamId}<`,
      ),
    );
    assert.match(xml, /SessionIndex[^>]*>_[0-9a-f]+</);
    const answer = queryOf(answerUrl);
    assert.equal(answer.RelayState, "state-ok");
    assert.ok(answer.Signature, "SimpleSAMLphp signs its LogoutResponse");
    const done = await slo().finishLogout(source, answer, rawQueryOf(answerUrl));
    assert.deepEqual(done, { state: "state-ok", result: { ended: true } });
    assert.equal((await signIn(browser, source)).askedPassword, true, "the IdP asks the password again");
    // The same answer again: its RelayState was used.
    await rejectsWith(slo().finishLogout(source, answer, rawQueryOf(answerUrl)), "identity.state_lost");
  });

  it("refuses the IdP's answer without its signature, or with its RelayState on another source", async () => {
    const browser = new ScriptedBrowser();
    const { upstreamId } = await signIn(browser, source);
    const { answerUrl } = await logoutAtIdp(browser, source, upstreamId, "state-unsigned");
    const { Signature: _s, SigAlg: _a, ...unsigned } = queryOf(answerUrl);
    const raw = new URLSearchParams(unsigned).toString();
    // The library gap this closes: node-saml 5 alone accepts the unsigned answer.
    const bare = new SAML({
      entryPoint: samlPeer.sloUrl,
      issuer: spEntityIdFor(source),
      callbackUrl: sloUrlFor(source),
      idpCert: samlPeer.certPem(),
      idpIssuer: samlPeer.entityId,
      validateInResponseTo: ValidateInResponseTo.always,
      cacheProvider: {
        saveAsync: async () => null,
        getAsync: async () => "kept",
        removeAsync: async () => null,
      },
    });
    assert.deepEqual(await bare.validateRedirectAsync(unsigned, raw), { profile: null, loggedOut: true });
    await rejectsWith(slo().finishLogout(source, unsigned, raw), "identity.upstream_rejected");
    // Refused answers use up their state: no second try.
    await rejectsWith(
      slo().finishLogout(source, queryOf(answerUrl), rawQueryOf(answerUrl)),
      "identity.state_lost",
    );
    const again = await signIn(browser, source);
    const other = await logoutAtIdp(browser, source, again.upstreamId, "state-other-source");
    await rejectsWith(
      slo().finishLogout(trustingForger, queryOf(other.answerUrl), rawQueryOf(other.answerUrl)),
      "identity.state_lost",
    );
  });

  /** A LogoutResponse signed by `forger` (Redirect binding), answering `inResponseTo`. */
  async function forgedAnswer(s: SourceRecord, inResponseTo: string, state: string, success: boolean) {
    const idp = new SAML({
      entryPoint: sloUrlFor(s),
      logoutUrl: sloUrlFor(s),
      issuer: samlPeer.entityId,
      callbackUrl: sloUrlFor(s),
      idpCert: forger.cert,
      privateKey: forger.key,
      signatureAlgorithm: "sha256",
    });
    return idp.getLogoutResponseUrlAsync({ ID: inResponseTo } as never, state, {}, success);
  }

  async function pendingLogout(s: SourceRecord, state: string) {
    const browser = new ScriptedBrowser();
    const { upstreamId } = await signIn(browser, s);
    const url = (await slo().logoutUrl(s, { state, upstreamId })) ?? "";
    const xml = inflateRawSync(
      Buffer.from(new URL(url).searchParams.get("SAMLRequest") ?? "", "base64"),
    ).toString();
    return /\bID="([^"]+)"/.exec(xml)?.[1] ?? "";
  }

  it("refuses an answer signed by a key that is not the source's IdP's", async () => {
    const requestId = await pendingLogout(source, "state-forged");
    const url = await forgedAnswer(source, requestId, "state-forged", true);
    await rejectsWith(
      slo().finishLogout(source, queryOf(url), rawQueryOf(url)),
      "identity.upstream_rejected",
    );
  });

  it("with a trusted key: a wrong InResponseTo is refused, a failure Status reported, the right answer accepted", async () => {
    const requestId = await pendingLogout(trustingForger, "state-wrong-irt");
    const wrong = await forgedAnswer(trustingForger, `${requestId}0`, "state-wrong-irt", true);
    await rejectsWith(
      slo().finishLogout(trustingForger, queryOf(wrong), rawQueryOf(wrong)),
      "identity.upstream_rejected",
    );
    const failedId = await pendingLogout(trustingForger, "state-failed");
    const failed = await forgedAnswer(trustingForger, failedId, "state-failed", false);
    const result = await slo().finishLogout(trustingForger, queryOf(failed), rawQueryOf(failed));
    assert.deepEqual(result, {
      state: "state-failed",
      result: { ended: false, status: "urn:oasis:names:tc:SAML:2.0:status:Requester" },
    });
    const okId = await pendingLogout(trustingForger, "state-right");
    const ok = await forgedAnswer(trustingForger, okId, "state-right", true);
    assert.deepEqual(await slo().finishLogout(trustingForger, queryOf(ok), rawQueryOf(ok)), {
      state: "state-right",
      result: { ended: true },
    });
  });

  it("IdP-initiated: SimpleSAMLphp's signed LogoutRequest is accepted, names the person, and takes our signed answer", async () => {
    const browser = new ScriptedBrowser();
    const { upstreamId } = await signIn(browser, source);
    const returnTo = `${spBase}/after-idp-logout`;
    const start = `${samlPeer.sloUrl}?ReturnTo=${encodeURIComponent(returnTo)}`;
    const atUs = await browser.go(start, { stopAt: sloUrlFor(source) });
    assert.ok(
      atUs.url.startsWith(sloUrlFor(source)),
      `no LogoutRequest to us: ${atUs.url} ${textOf(atUs.text).slice(0, 300)}`,
    );
    const query = queryOf(atUs.url);
    assert.ok(query.SAMLRequest && query.Signature, "a signed LogoutRequest");
    // Unsigned, the same request is refused (node-saml alone would accept it).
    const { Signature: _s, SigAlg: _a, ...unsigned } = query;
    await rejectsWith(
      slo().acceptLogoutRequest(source, unsigned, new URLSearchParams(unsigned).toString()),
      "identity.upstream_rejected",
    );
    // From the right IdP but checked against another certificate only: refused.
    const strangers = {
      ...source,
      saml: { ...(source as SourceRecord & { kind: "saml" }).saml, idpCertificates: [forger.cert] },
    } as SourceRecord;
    await rejectsWith(
      slo().acceptLogoutRequest(strangers, query, rawQueryOf(atUs.url)),
      "identity.upstream_rejected",
    );
    const accepted = await slo().acceptLogoutRequest(source, query, rawQueryOf(atUs.url));
    assert.equal(accepted.upstreamId, upstreamId, "the NameID leads to the person's kept session");
    const answer = await accepted.respond(true);
    assert.ok(new URL(answer).searchParams.get("Signature"), "our LogoutResponse is signed");
    const back = await browser.go(answer, { stopAt: returnTo });
    assert.equal(
      back.url,
      returnTo,
      `SimpleSAMLphp took our answer: ${back.url} ${textOf(back.text).slice(0, 300)}`,
    );
    assert.equal((await signIn(browser, source)).askedPassword, true, "the IdP session is ended");
  });

  it("offers no logout without sloUrl, without an SP key, or without a kept session", async () => {
    const browser = new ScriptedBrowser();
    const { upstreamId } = await signIn(browser, source);
    const { sloUrl: _x, ...settings } = (source as SourceRecord & { kind: "saml" }).saml;
    const withoutSlo = { ...source, saml: settings } as SourceRecord;
    assert.equal(await slo().logoutUrl(withoutSlo, { state: "s1", upstreamId }), null);
    const keyless = createSamlLogout({
      transient,
      spEntityIdFor,
      sloReturnUrlFor: sloUrlFor,
      signing: null,
      ttlSeconds: 60,
    });
    assert.equal(await keyless.logoutUrl(source, { state: "s2", upstreamId }), null);
    assert.equal(await slo().logoutUrl(source, { state: "s3", upstreamId: "someone-else" }), null);
  });
});
