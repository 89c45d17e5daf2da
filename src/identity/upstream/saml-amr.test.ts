import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { amrOfAuthnContext } from "./saml-amr.ts";

describe("amrOfAuthnContext (SAML AuthnContextClassRef → RFC 8176 amr)", () => {
  const cases: Array<[string | null, string[]]> = [
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:Password", ["pwd"]],
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport", ["pwd"]],
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken", ["otp"]],
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI", ["sc"]],
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", ["mfa"]],
    ["urn:oasis:names:tc:SAML:2.0:ac:classes:Kerberos", []],
    [null, []],
  ];
  for (const [classRef, amr] of cases) {
    it(`${classRef ?? "no class"} → [${amr.join(", ")}]`, () =>
      assert.deepEqual(amrOfAuthnContext(classRef), amr));
  }
});
