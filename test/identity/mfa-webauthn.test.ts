import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { describe, it } from "node:test";
import { createMfaService } from "../../src/identity/mfa/create-mfa-service.ts";
import { memoryMfaStore } from "./sign-in-fakes.ts";
import { createSoftwareAuthenticator } from "./software-authenticator.ts";

const PUBLIC_URL = "https://identite.entente.example";
const ORIGIN = "https://identite.entente.example";
const RP_ID = "identite.entente.example";

function setup() {
  const store = memoryMfaStore();
  const mfa = createMfaService({
    store,
    publicUrl: PUBLIC_URL,
    issuer: "Entente",
    now: () => new Date("2026-03-02T09:00:00Z"),
  });
  return { store, mfa };
}

async function registered() {
  const { store, mfa } = setup();
  const key = createSoftwareAuthenticator();
  const { options, challenge } = await mfa.webauthnRegistrationOptions(
    "sub-1",
    "jean@grandlyon.fr",
    "Jean Martin",
  );
  assert.equal((options as { rp: { id: string } }).rp.id, RP_ID);
  assert.ok(
    await mfa.verifyWebauthnRegistration(
      "sub-1",
      challenge,
      key.register({ challenge }, ORIGIN, RP_ID),
      "Clé bleue",
    ),
  );
  return { store, mfa, key };
}

describe("WebAuthn with a software authenticator (node:crypto, ES256, no attestation)", () => {
  it("registers a key: rpID and origin come from the public URL; the challenge must be the one kept", async () => {
    const { mfa } = await registered();
    const credentials = await mfa.listCredentials("sub-1");
    assert.deepEqual(
      credentials.map((c) => [c.kind, c.label]),
      [["webauthn", "Clé bleue"]],
    );
    const other = createSoftwareAuthenticator();
    const { challenge } = await mfa.webauthnRegistrationOptions("sub-2", "x", "X");
    assert.equal(
      await mfa.verifyWebauthnRegistration(
        "sub-2",
        challenge,
        other.register({ challenge: "b3RoZXI" }, ORIGIN, RP_ID),
        "",
      ),
      false,
    );
    assert.equal(
      await mfa.verifyWebauthnRegistration(
        "sub-2",
        challenge,
        other.register({ challenge }, "https://evil.example", RP_ID),
        "",
      ),
      false,
    );
    assert.equal(
      await mfa.verifyWebauthnRegistration(
        "sub-2",
        challenge,
        other.register({ challenge }, ORIGIN, "evil.example"),
        "",
      ),
      false,
    );
    assert.equal(await mfa.verifyWebauthnRegistration("sub-2", challenge, { nonsense: true }, ""), false);
    assert.deepEqual(await mfa.listCredentials("sub-2"), []);
  });

  it("authenticates with the key; a counter that does not grow (cloned key, replayed assertion) is refused", async () => {
    const { mfa, key } = await registered();
    const first = await mfa.webauthnAuthenticationOptions("sub-1");
    assert.deepEqual(
      (first.options as { allowCredentials: { id: string }[] }).allowCredentials.map((c) => c.id),
      [key.credentialId],
    );
    const assertion = key.authenticate({ challenge: first.challenge }, ORIGIN, RP_ID);
    assert.ok(await mfa.verifyWebauthnAuthentication("sub-1", first.challenge, assertion));
    assert.equal(
      await mfa.verifyWebauthnAuthentication("sub-1", first.challenge, assertion),
      false,
      "same assertion again",
    );
    const second = await mfa.webauthnAuthenticationOptions("sub-1");
    key.counter -= 1; // a clone that lags behind
    assert.equal(
      await mfa.verifyWebauthnAuthentication(
        "sub-1",
        second.challenge,
        key.authenticate({ challenge: second.challenge }, ORIGIN, RP_ID),
      ),
      false,
    );
    assert.ok(
      await mfa.verifyWebauthnAuthentication(
        "sub-1",
        second.challenge,
        key.authenticate({ challenge: second.challenge }, ORIGIN, RP_ID),
      ),
    );
  });

  it("refuses a wrong challenge, origin, a signature of another key, and another person's key", async () => {
    const { mfa, key } = await registered();
    const { challenge } = await mfa.webauthnAuthenticationOptions("sub-1");
    assert.equal(
      await mfa.verifyWebauthnAuthentication(
        "sub-1",
        challenge,
        key.authenticate({ challenge: "d3Jvbmc" }, ORIGIN, RP_ID),
      ),
      false,
    );
    assert.equal(
      await mfa.verifyWebauthnAuthentication(
        "sub-1",
        challenge,
        key.authenticate({ challenge }, "https://evil.example", RP_ID),
      ),
      false,
    );
    assert.equal(
      await mfa.verifyWebauthnAuthentication(
        "sub-2",
        challenge,
        key.authenticate({ challenge }, ORIGIN, RP_ID),
      ),
      false,
    );
    const forger = createSoftwareAuthenticator(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
    Object.assign(forger, { credentialId: key.credentialId });
    const forged = key.authenticate({ challenge }, ORIGIN, RP_ID) as { response: { signature: string } };
    const other = forger.authenticate({ challenge }, ORIGIN, RP_ID) as { response: { signature: string } };
    forged.response.signature = other.response.signature;
    assert.equal(await mfa.verifyWebauthnAuthentication("sub-1", challenge, forged), false);
  });
});
