import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { SamlSourceSettings } from "../../src/identity/contracts.ts";
import { loadSamlSpSigning } from "../../src/identity/saml-sp-signing.ts";
import { generateSamlSpMetadata } from "../../src/identity/upstream/saml-sp-metadata.ts";
import { loadConfig } from "../../src/platform/config/load-config.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { makeSigningPair } from "../helpers/upstream-peers.ts";

/** `sloUrl` and our SAML SP's signing pair: the settings, the files read at start, the metadata that publishes it. */
describe("SAML SP signing key (SAML_SP_KEY_FILE, SAML_SP_CERT_FILE)", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-sp-key-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const pair = makeSigningPair("entente-sp");
  const other = makeSigningPair("another");
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const keyFile = file("sp.key", pair.key);
  const certFile = file("sp.crt", pair.cert);

  async function refusedWith(files: { keyFile: string; certFile: string }, variable: string, reason: RegExp) {
    await assert.rejects(loadSamlSpSigning(files), (error) => {
      assert.ok(error instanceof EntenteError);
      assert.equal(error.code, "identity.saml_sp_key_invalid");
      assert.equal(error.details.variable, variable);
      assert.match(String(error.details.reason), reason);
      assert.doesNotMatch(error.message, /PRIVATE KEY/, "the key never appears in the message");
      return true;
    });
  }

  it("a source's sloUrl is optional, https:// (http:// to localhost only), checked like ssoUrl", () => {
    const settings = {
      idpEntityId: "https://idp.ville.test/saml",
      ssoUrl: "https://idp.ville.test/sso",
      idpCertificates: ["-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"],
      clockSkewSeconds: 60,
      idAttribute: "nameID",
    };
    assert.ok(SamlSourceSettings.safeParse(settings).success, "without sloUrl");
    assert.ok(SamlSourceSettings.safeParse({ ...settings, sloUrl: "https://idp.ville.test/slo" }).success);
    assert.ok(SamlSourceSettings.safeParse({ ...settings, sloUrl: "http://127.0.0.1:8089/slo" }).success);
    for (const sloUrl of ["http://idp.ville.test/slo", "javascript:alert(1)", "slo", ""]) {
      const parsed = SamlSourceSettings.safeParse({ ...settings, sloUrl });
      assert.equal(parsed.success, false, sloUrl);
      assert.deepEqual(parsed.error?.issues[0]?.path, ["sloUrl"], sloUrl);
    }
  });

  it("needs both variables, and names the missing one", () => {
    assert.equal(loadConfig({ NODE_ENV: "test" }).oidc.samlSpSigningFiles, null);
    assert.deepEqual(
      loadConfig({ NODE_ENV: "test", SAML_SP_KEY_FILE: keyFile, SAML_SP_CERT_FILE: certFile }).oidc
        .samlSpSigningFiles,
      { keyFile, certFile },
    );
    assert.throws(() => loadConfig({ NODE_ENV: "test", SAML_SP_KEY_FILE: keyFile }), /SAML_SP_CERT_FILE/);
    assert.throws(() => loadConfig({ NODE_ENV: "test", SAML_SP_CERT_FILE: certFile }), /SAML_SP_KEY_FILE/);
  });

  it("reads a key and its certificate; none without files", async () => {
    assert.deepEqual(await loadSamlSpSigning({ keyFile, certFile }), {
      privateKeyPem: pair.key,
      certificatePem: pair.cert,
    });
    assert.equal(await loadSamlSpSigning(null), null);
  });

  it("refuses a missing file, a key that is not one, a certificate of another key, naming the variable", async () => {
    await refusedWith({ keyFile: join(dir, "absent.key"), certFile }, "SAML_SP_KEY_FILE", /ENOENT/);
    await refusedWith({ keyFile: certFile, certFile }, "SAML_SP_KEY_FILE", /not a PEM private key/);
    await refusedWith({ keyFile, certFile: keyFile }, "SAML_SP_CERT_FILE", /not a PEM certificate/);
    await refusedWith(
      { keyFile, certFile: file("other.crt", other.cert) },
      "SAML_SP_CERT_FILE",
      /not the certificate/,
    );
  });

  it("the SP metadata publishes the certificate and a SingleLogoutService with the Redirect binding", () => {
    const xml = generateSamlSpMetadata({
      entityId: "https://entente.example/interaction/saml/src-1/metadata",
      acsUrl: "https://entente.example/interaction/saml/src-1/acs",
      nameIdFormat: "persistent",
      sloUrl: "https://entente.example/interaction/saml/src-1/slo",
      signing: { privateKeyPem: pair.key, certificatePem: pair.cert },
    });
    assert.match(
      xml,
      /<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2\.0:bindings:HTTP-Redirect" Location="https:\/\/entente\.example\/interaction\/saml\/src-1\/slo"\/>/,
    );
    const body = pair.cert.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");
    assert.ok(xml.replace(/\s+/g, "").includes(body), "the signing certificate is published");
    assert.match(xml, /<KeyDescriptor use="signing">/);
    assert.match(xml, /AuthnRequestsSigned="true"/);
    assert.doesNotMatch(xml, /PRIVATE KEY|HTTP-POST" Location="[^"]*slo/);
    const keyless = generateSamlSpMetadata({
      entityId: "urn:x",
      acsUrl: "https://e.example/acs",
      nameIdFormat: "persistent",
      sloUrl: "https://e.example/slo",
    });
    assert.doesNotMatch(keyless, /SingleLogoutService|KeyDescriptor/, "no SLO without a key to sign with");
  });
});
