import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generate } from "otplib";
import { createMfaCredentialStore } from "../../src/identity/db/mfa-credential-store.ts";
import { createMfaService } from "../../src/identity/mfa/create-mfa-service.ts";
import { checkTotp, createTotpSecret, totpUri } from "../../src/identity/mfa/totp.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { createSoftwareAuthenticator } from "./software-authenticator.ts";

const T0 = new Date("2026-03-02T09:00:10Z");
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);
const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

describe("TOTP (otplib, RFC 6238)", () => {
  it("accepts the code of the current step and of the steps next to it, not two steps away", async () => {
    const secret = createTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/, "160 bits in base32");
    const code = await generate({ secret, epoch: epoch(T0) });
    const step = Math.floor(epoch(T0) / 30);
    assert.equal(await checkTotp(secret, code, T0, null), step);
    assert.equal(await checkTotp(secret, code, plus(T0, 30), null), step);
    assert.equal(await checkTotp(secret, code, plus(T0, -30), null), step);
    assert.equal(await checkTotp(secret, code, plus(T0, 60), null), null);
    assert.equal(await checkTotp(secret, code, plus(T0, -60), null), null);
    assert.equal(await checkTotp(secret, "12345", T0, null), null);
    assert.equal(await checkTotp(secret, "abcdef", T0, null), null);
    assert.equal(await checkTotp("not base32!", code, T0, null), null);
  });

  it("refuses a step at or before the last one accepted (replay)", async () => {
    const secret = createTotpSecret();
    const code = await generate({ secret, epoch: epoch(T0) });
    const step = Math.floor(epoch(T0) / 30);
    assert.equal(await checkTotp(secret, code, T0, step), null);
    assert.equal(await checkTotp(secret, code, T0, step - 1), step);
  });

  it("the otpauth URI carries issuer, account and the 30 s period", () => {
    const uri = new URL(totpUri("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "Entente Lyon", "jean@grandlyon.fr"));
    assert.equal(uri.protocol, "otpauth:");
    assert.equal(uri.searchParams.get("issuer"), "Entente Lyon");
    assert.ok([null, "30"].includes(uri.searchParams.get("period")), "30 s, the default apps assume");
    assert.match(uri.pathname, /Entente%20Lyon:jean(%40|@)grandlyon\.fr/);
    assert.equal(uri.searchParams.get("secret"), "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  });
});

describeOnDatabases("second factors and throttling in the database", (get) => {
  const person = async (sub: string) => {
    await get()
      .db.insertInto("person")
      .values({ sub, given_name: "Jean", family_name: "Martin", usual_name: "Martin" })
      .execute();
  };

  it("TOTP: inactive until a first valid code, then each step once (across instances, no lost update)", async () => {
    await person("sub-totp");
    const store = createMfaCredentialStore(get().db);
    const mfa = createMfaService({
      store,
      publicUrl: "http://127.0.0.1:3000",
      issuer: "Entente",
      now: () => T0,
    });
    const first = await mfa.beginTotpEnrolment("sub-totp", "jean@grandlyon.fr");
    const second = await mfa.beginTotpEnrolment("sub-totp", "jean@grandlyon.fr");
    assert.deepEqual(await mfa.listCredentials("sub-totp"), [], "inactive secrets are not factors");
    const stale = await generate({ secret: first.secret, epoch: epoch(T0) });
    assert.equal(
      await mfa.confirmTotpEnrolment("sub-totp", first.credentialId, stale, T0),
      false,
      "replaced by the second",
    );
    const code = await generate({ secret: second.secret, epoch: epoch(T0) });
    assert.equal(await mfa.confirmTotpEnrolment("sub-totp", second.credentialId, "000000", T0), false);
    assert.equal(await mfa.confirmTotpEnrolment("sub-totp", second.credentialId, code, T0), true);
    assert.deepEqual(
      (await mfa.listCredentials("sub-totp")).map((c) => c.kind),
      ["totp"],
    );
    assert.equal(await mfa.verifyTotp("sub-totp", code, T0), false, "the enrolment code is used");
    const next = await generate({ secret: second.secret, epoch: epoch(T0) + 30 });
    // two nodes checking the same code at once: one wins
    const other = createMfaService({
      store: createMfaCredentialStore(get().db),
      publicUrl: "http://127.0.0.1:3000",
      issuer: "Entente",
      now: () => T0,
    });
    const results = await Promise.all([
      mfa.verifyTotp("sub-totp", next, plus(T0, 30)),
      other.verifyTotp("sub-totp", next, plus(T0, 30)),
    ]);
    assert.deepEqual(results.sort(), [false, true]);
    assert.equal(await mfa.verifyTotp("nobody", next, plus(T0, 30)), false);
  });

  it("WebAuthn: the public key and counter are stored; the counter only grows", async () => {
    await person("sub-key");
    const store = createMfaCredentialStore(get().db);
    const mfa = createMfaService({
      store,
      publicUrl: "http://localhost:3000",
      issuer: "Entente",
      now: () => T0,
    });
    const key = createSoftwareAuthenticator();
    const { challenge } = await mfa.webauthnRegistrationOptions("sub-key", "jean", "Jean");
    assert.ok(
      await mfa.verifyWebauthnRegistration(
        "sub-key",
        challenge,
        key.register({ challenge }, "http://localhost:3000", "localhost"),
        "clé",
      ),
    );
    const options = await mfa.webauthnAuthenticationOptions("sub-key");
    assert.ok(
      await mfa.verifyWebauthnAuthentication(
        "sub-key",
        options.challenge,
        key.authenticate({ challenge: options.challenge }, "http://localhost:3000", "localhost"),
      ),
    );
    const [stored] = await store.listCredentials("sub-key", { includeInactive: false });
    assert.equal(stored?.counter, 1);
    assert.ok(stored?.publicKey instanceof Uint8Array);
    assert.equal(await store.advanceWebauthnCounter("sub-key", stored.id, 1, T0), false);
    assert.equal(
      await store.advanceWebauthnCounter("sub-other", stored.id, 5, T0),
      false,
      "another person's id",
    );
    assert.equal(await store.advanceWebauthnCounter("sub-key", stored.id, 2, T0), true);
  });
});
