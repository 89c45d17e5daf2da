import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { inflateRawSync } from "node:zlib";
import type { SourceRecord } from "../../src/identity/domain/identity-source.ts";
import { createSamlConnector } from "../../src/identity/upstream/saml-connector.ts";
import { EntenteError, type Localized } from "../../src/shared/errors.ts";
import {
  createMemoryTransientStore,
  type HtmlForm,
  parseForms,
  registerSamlServiceProvider,
  ScriptedBrowser,
  samlPeer,
  samlSource,
  textOf,
} from "../helpers/upstream-peers.ts";

/**
 * Integration: the SAML connector against the real SimpleSAMLphp of ci/identity/saml-idp. The
 * browser is scripted (cookie jar + form parser); what the IdP's auto-submit form would POST to
 * our ACS is handed to `finish` as the ACS route does, without any cookie of ours.
 * Clock: node-saml reads `new Date()` and takes no clock, so the skew tests move the process'
 * Date with node:test's `mock.timers` (Date only) around `finish`.
 */

/** The reason an error gives the person (node-saml's English never reaches them). */
function reasonOf(error: EntenteError, lang: "fr" | "en" = "en"): string {
  const reason = error.details.reason;
  assert.ok(typeof reason === "object", `a translated reason, got ${String(reason)}`);
  return (reason as Localized)[lang];
}

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

const decode = (b64: string) => Buffer.from(b64, "base64").toString("utf8");
const encode = (xml: string) => Buffer.from(xml, "utf8").toString("base64");

describe("SAML connector against SimpleSAMLphp", () => {
  const transient = createMemoryTransientStore();
  let spServer: Server;
  let spBase = "";
  let unregister: () => void = () => undefined;
  let otherCertPem = "";
  let source: SourceRecord;

  const spEntityIdFor = (s: SourceRecord) => `${spBase}/saml/${s.id}/metadata`;
  const acsUrlFor = (s: SourceRecord) => `${spBase}/saml/${s.id}/acs`;
  const saml = () => createSamlConnector({ transient, spEntityIdFor, acsUrlFor, now: () => new Date() });

  before(async () => {
    // The SP's port is whatever the system gives (port 0), as in every test of the suite.
    spServer = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => spServer.listen(0, "127.0.0.1", resolve));
    spBase = `http://127.0.0.1:${(spServer.address() as { port: number }).port}`;
    source = samlSource();
    unregister = registerSamlServiceProvider({ entityId: spEntityIdFor(source), acsUrl: acsUrlFor(source) });
    const dir = mkdtempSync(join(tmpdir(), "entente-saml-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=not-the-idp",
        "-keyout",
        join(dir, "k.pem"),
        "-out",
        join(dir, "c.pem"),
      ],
      { stdio: "ignore" },
    );
    otherCertPem = readFileSync(join(dir, "c.pem"), "utf8");
    rmSync(dir, { recursive: true, force: true });
  });

  after(async () => {
    unregister();
    await new Promise<void>((resolve) => spServer.close(() => resolve()));
  });

  /** begin → IdP login page → credentials → the auto-submit form the IdP returns. */
  async function signInAtIdp(username: string, password: string, interactionId = `int-${username}`) {
    const { redirectUrl } = await saml().begin(source, {
      interactionId,
      callbackUrl: acsUrlFor(source),
      loginHint: null,
    });
    const browser = new ScriptedBrowser();
    const page = await browser.go(redirectUrl);
    const login = parseForms(page.text, page.url).find((f) => "password" in f.fields);
    assert.ok(login, `no login form at the IdP: ${textOf(page.text).slice(0, 300)}`);
    const answer = await browser.go(login.action, {
      method: login.method,
      form: { ...login.fields, username, password },
    });
    const post = parseForms(answer.text, answer.url).find((f) => "SAMLResponse" in f.fields);
    return { redirectUrl, post, answer };
  }

  async function signedInForm(username: string, password: string): Promise<HtmlForm> {
    const { post, answer } = await signInAtIdp(username, password);
    assert.ok(post, `no SAMLResponse from the IdP: ${textOf(answer.text).slice(0, 300)}`);
    assert.equal(post.action, acsUrlFor(source));
    return post;
  }

  const finish = (form: HtmlForm, s: SourceRecord = source, connector = saml()) =>
    connector.finish(s, { callbackUrl: acsUrlFor(s), query: {}, body: { ...form.fields } });

  it("sends an HTTP-Redirect AuthnRequest with our entityID, ACS, persistent NameID and a random RelayState", async () => {
    const { redirectUrl } = await saml().begin(source, {
      interactionId: "int-probe",
      callbackUrl: acsUrlFor(source),
      loginHint: null,
    });
    const url = new URL(redirectUrl);
    assert.equal(`${url.origin}${url.pathname}`, samlPeer.ssoUrl);
    const relay = url.searchParams.get("RelayState") ?? "";
    assert.ok(relay.length >= 40 && !relay.includes("int-probe"), relay);
    const xml = inflateRawSync(Buffer.from(url.searchParams.get("SAMLRequest") ?? "", "base64")).toString(
      "utf8",
    );
    assert.match(xml, new RegExp(`AssertionConsumerServiceURL="${acsUrlFor(source)}"`));
    assert.match(xml, /ProtocolBinding="urn:oasis:names:tc:SAML:2\.0:bindings:HTTP-POST"/);
    assert.match(xml, new RegExp(`<saml:Issuer[^>]*>${spEntityIdFor(source)}</saml:Issuer>`));
    assert.match(xml, /Format="urn:oasis:names:tc:SAML:2\.0:nameid-format:persistent"/);
  });

  it("signs alice (Métropole agent) in: persistent NameID as id, attributes, groups as a list", async () => {
    const form = await signedInForm("alice.martin", "alice-secret");
    const xml = decode(form.fields.SAMLResponse ?? "");
    assert.equal((xml.match(/<ds:Signature\b/g) ?? []).length, 2, "Response and Assertion both signed");
    const { interactionId, identity } = await finish(form);
    assert.equal(interactionId, "int-alice.martin");
    assert.equal(identity.sourceId, source.id);
    assert.equal(identity.upstreamId, "5a1c7e52-0001-4c1e-9a51-6d6574726f31");
    assert.deepEqual(identity.attributes.mail, ["alice.martin@metropole.entente.test"]);
    assert.deepEqual(identity.attributes.role, ["agent"]);
    assert.deepEqual(identity.attributes.groups, ["agents-metropole", "admins-metropole", "referents"]);
    assert.deepEqual(identity.amr, ["pwd"]);
    assert.match(identity.acr ?? "", /^urn:oasis:names:tc:SAML:2\.0:ac:classes:/);
  });

  it("signs emma (Ville agent) in; a single group stays a list", async () => {
    const { identity } = await finish(await signedInForm("emma.petit", "emma-secret"));
    assert.equal(identity.upstreamId, "5a1c7e52-0002-4c1e-9a51-76696c6c6531");
    assert.deepEqual(identity.attributes.uid, ["emma.petit"]);
    assert.deepEqual(identity.attributes.groups, ["agents-ville", "referents"]);
  });

  it("signs the élu gabriel.roux in with his personal address; multi-valued mandates kept", async () => {
    const { identity } = await finish(await signedInForm("gabriel.roux", "gabriel-secret"));
    assert.deepEqual(identity.attributes.mail, ["gabriel.roux@perso.test"]);
    assert.deepEqual(identity.attributes.role, ["elu"]);
    assert.deepEqual(identity.attributes.mandat, ["adjoint au maire", "conseiller communautaire"]);
    assert.deepEqual(identity.attributes.groups, ["elus-ville", "commission-numerique"]);
  });

  it("a wrong password gets no SAMLResponse from the IdP", async () => {
    const { post, answer } = await signInAtIdp("gabriel.roux", "not-his-password");
    assert.equal(post, undefined);
    assert.ok(parseForms(answer.text, answer.url).some((f) => "password" in f.fields));
  });

  describe("replay and lost state", () => {
    it("refuses the same SAMLResponse a second time", async () => {
      const form = await signedInForm("emma.petit", "emma-secret");
      await finish(form);
      await rejectsWith(finish(form), "identity.state_lost");
    });

    it("refuses a replayed SAMLResponse even with a fresh RelayState of another sign-in", async () => {
      const form = await signedInForm("emma.petit", "emma-secret");
      await finish(form);
      const { redirectUrl } = await saml().begin(source, {
        interactionId: "int-attacker",
        callbackUrl: acsUrlFor(source),
        loginHint: null,
      });
      const freshRelay = new URL(redirectUrl).searchParams.get("RelayState") ?? "";
      await rejectsWith(
        finish({ ...form, fields: { ...form.fields, RelayState: freshRelay } }),
        "identity.state_lost",
      );
    });

    it("a cross-site POST without RelayState is state_lost", async () => {
      const form = await signedInForm("alice.martin", "alice-secret");
      const { RelayState: _dropped, ...withoutRelay } = form.fields;
      await rejectsWith(finish({ ...form, fields: withoutRelay }), "identity.state_lost");
    });

    it("an unknown RelayState is state_lost", async () => {
      const form = await signedInForm("alice.martin", "alice-secret");
      await rejectsWith(
        finish({ ...form, fields: { ...form.fields, RelayState: "forged" } }),
        "identity.state_lost",
      );
    });

    it("a response answering another sign-in's request is state_lost (RelayState and InResponseTo must match)", async () => {
      const first = await signedInForm("alice.martin", "alice-secret");
      const second = await signedInForm("emma.petit", "emma-secret");
      await rejectsWith(
        finish({ ...second, fields: { ...second.fields, RelayState: first.fields.RelayState ?? "" } }),
        "identity.state_lost",
      );
    });

    it("a response posted to another source's ACS is state_lost", async () => {
      const form = await signedInForm("alice.martin", "alice-secret");
      const other = { ...source, id: "src-saml-other" } as SourceRecord;
      await rejectsWith(finish(form, other), "identity.state_lost");
    });
  });

  describe("forged responses", () => {
    it("refuses a tampered assertion (an extra group)", async () => {
      const form = await signedInForm("emma.petit", "emma-secret");
      const xml = decode(form.fields.SAMLResponse ?? "");
      assert.ok(xml.includes(">agents-ville<"));
      const forged = xml.replace(">agents-ville<", ">admins-ville<");
      const error = await rejectsWith(
        finish({ ...form, fields: { ...form.fields, SAMLResponse: encode(forged) } }),
        "identity.upstream_rejected",
      );
      assert.match(reasonOf(error), /invalid signature/);
    });

    /** The signed assertion of a response (its XML text). */
    function splitAssertion(xml: string) {
      const match = xml.match(/<saml:Assertion\b[\s\S]*<\/saml:Assertion>/);
      assert.ok(match, "no assertion in the response");
      return match[0];
    }

    /** An unsigned copy of an assertion claiming to be someone else (the attacker's forgery). */
    function forgeAssertion(signed: string): string {
      return signed
        .replace(/<ds:Signature\b[\s\S]*?<\/ds:Signature>/, "")
        .replace(/ ID="[^"]+"/, ' ID="_evil_assertion"')
        .replace(/>5a1c7e52-0002-4c1e-9a51-76696c6c6531</, ">5a1c7e52-0001-4c1e-9a51-6d6574726f31<")
        .replace(/>emma\.petit@ville\.entente\.test</g, ">alice.martin@metropole.entente.test<");
    }

    it("refuses signature wrapping: a forged assertion wrapped around the signed one (XSW)", async () => {
      const form = await signedInForm("emma.petit", "emma-secret");
      const xml = decode(form.fields.SAMLResponse ?? "");
      const signed = splitAssertion(xml);
      const forged = forgeAssertion(signed);
      // The signed assertion hidden inside the forged one (its signature still verifies by ID).
      const wrapped = forged.replace(/<\/saml:Assertion>$/, `${signed}</saml:Assertion>`);
      const attack = xml.replace(signed, wrapped);
      const error = await rejectsWith(
        finish({ ...form, fields: { ...form.fields, SAMLResponse: encode(attack) } }),
        "identity.upstream_rejected",
      );
      assert.match(reasonOf(error), /invalid signature/);
    });

    it("refuses signature wrapping: a forged assertion placed before the signed one", async () => {
      const form = await signedInForm("emma.petit", "emma-secret");
      const xml = decode(form.fields.SAMLResponse ?? "");
      const signed = splitAssertion(xml);
      const attack = xml.replace(signed, `${forgeAssertion(signed)}${signed}`);
      await rejectsWith(
        finish({ ...form, fields: { ...form.fields, SAMLResponse: encode(attack) } }),
        "identity.upstream_rejected",
      );
    });

    it("refuses a response signed by a certificate the source does not trust", async () => {
      const form = await signedInForm("emma.petit", "emma-secret");
      const untrusting = samlSource({ idpCertificates: [otherCertPem] });
      const error = await rejectsWith(finish(form, untrusting), "identity.upstream_rejected");
      assert.match(reasonOf(error), /invalid signature/);
    });

    it("accepts either certificate during an IdP certificate rotation", async () => {
      const rotating = samlSource({ idpCertificates: [otherCertPem, samlPeer.certPem()] });
      const { identity } = await finish(await signedInForm("emma.petit", "emma-secret"), rotating);
      assert.deepEqual(identity.attributes.uid, ["emma.petit"]);
    });

    it("refuses an assertion for another audience", async () => {
      const form = await signedInForm("alice.martin", "alice-secret");
      const elsewhere = createSamlConnector({
        transient,
        spEntityIdFor: () => "http://127.0.0.1:9/saml/another-sp",
        acsUrlFor,
        now: () => new Date(),
      });
      const error = await rejectsWith(finish(form, source, elsewhere), "identity.upstream_rejected");
      assert.match(reasonOf(error), /another service/);
    });

    it("refuses an assertion from another issuer than the source's IdP", async () => {
      const form = await signedInForm("alice.martin", "alice-secret");
      const otherIdp = samlSource({ idpEntityId: "https://idp.other.example/saml" });
      const error = await rejectsWith(finish(form, otherIdp), "identity.upstream_rejected");
      assert.match(reasonOf(error), /unexpected issuer/);
    });

    it("identifies by an attribute when told so; refuses a transient NameID when told NameID", async () => {
      // This registration answers with a transient NameID whenever the request names no format,
      // which node-saml does when the source identifies people by an attribute.
      const byUid = { ...samlSource({ idAttribute: "uid" }), id: "src-saml-by-uid" } as SourceRecord;
      const unregisterByUid = registerSamlServiceProvider({
        entityId: spEntityIdFor(byUid),
        acsUrl: acsUrlFor(byUid),
        nameIdFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
      });
      try {
        const loginThrough = async () => {
          const { redirectUrl } = await saml().begin(byUid, {
            interactionId: "int-by-uid",
            callbackUrl: acsUrlFor(byUid),
            loginHint: null,
          });
          const browser = new ScriptedBrowser();
          const page = await browser.go(redirectUrl);
          const login = parseForms(page.text, page.url).find((f) => "password" in f.fields);
          assert.ok(login, textOf(page.text).slice(0, 300));
          const answer = await browser.go(login.action, {
            method: login.method,
            form: { ...login.fields, username: "alice.martin", password: "alice-secret" },
          });
          const post = parseForms(answer.text, answer.url).find((f) => "SAMLResponse" in f.fields);
          assert.ok(post, textOf(answer.text).slice(0, 300));
          return post;
        };
        const first = await loginThrough();
        assert.match(decode(first.fields.SAMLResponse ?? ""), /nameid-format:transient/);
        const { identity } = await finish(first, byUid);
        assert.equal(identity.upstreamId, "alice.martin");

        const second = await loginThrough();
        const byNameId = { ...samlSource({ idAttribute: "nameID" }), id: byUid.id } as SourceRecord;
        const error = await rejectsWith(finish(second, byNameId), "identity.upstream_rejected");
        assert.match(reasonOf(error), /persistent/);
        assert.match(reasonOf(error, "fr"), /NameID persistant/);
      } finally {
        unregisterByUid();
      }
    });
  });

  describe("clock skew (source tolerance 30 s)", () => {
    /** The earliest NotOnOrAfter of the assertion (Conditions or SubjectConfirmationData), in ms. */
    function notOnOrAfterMs(form: HtmlForm): number {
      const xml = decode(form.fields.SAMLResponse ?? "");
      const all = [...xml.matchAll(/NotOnOrAfter="([^"]+)"/g)].map((m) => Date.parse(m[1] ?? ""));
      assert.ok(all.length > 0 && all.every(Number.isFinite), "no NotOnOrAfter in the assertion");
      return Math.min(...all);
    }

    it("refuses an assertion 1 s beyond NotOnOrAfter + the tolerance", async (t) => {
      const form = await signedInForm("emma.petit", "emma-secret");
      t.mock.timers.enable({ apis: ["Date"], now: notOnOrAfterMs(form) + 30_000 + 1_000 });
      const error = await rejectsWith(finish(form), "identity.upstream_rejected");
      t.mock.timers.reset();
      assert.match(reasonOf(error), /expired/);
      assert.match(reasonOf(error, "fr"), /réponse expirée/);
    });

    it("accepts an assertion 1 s before NotOnOrAfter + the tolerance", async (t) => {
      const form = await signedInForm("emma.petit", "emma-secret");
      t.mock.timers.enable({ apis: ["Date"], now: notOnOrAfterMs(form) + 30_000 - 1_000 });
      const { identity } = await finish(form);
      t.mock.timers.reset();
      assert.deepEqual(identity.attributes.uid, ["emma.petit"]);
    });
  });
});
