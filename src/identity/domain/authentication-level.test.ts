import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  ACR_ONE_FACTOR,
  ACR_TWO_FACTORS,
  acrOfMethods,
  addMethods,
  hasTwoFactors,
  neededAcrOf,
  needsStrongerAuthentication,
  requiredAcrOf,
} from "./authentication-level.ts";

describe("authentication level: acr and amr", () => {
  it("requiredAcrOf: the registered acr, else the strongest known one asked, else one factor", () => {
    assert.equal(requiredAcrOf(ACR_ONE_FACTOR, ACR_TWO_FACTORS), ACR_ONE_FACTOR);
    assert.equal(requiredAcrOf(null, `urn:other ${ACR_ONE_FACTOR} ${ACR_TWO_FACTORS}`), ACR_TWO_FACTORS);
    assert.equal(requiredAcrOf(null, "urn:other"), ACR_ONE_FACTOR);
    assert.equal(requiredAcrOf(null, undefined), ACR_ONE_FACTOR);
  });

  it("hasTwoFactors: mfa, or methods of two kinds of factor", () => {
    const cases: [string[], boolean][] = [
      [["pwd"], false],
      [["pwd", "otp"], true],
      [["otp", "hwk"], false],
      [["mfa"], true],
      [["pwd", "fpt"], true],
      [[], false],
    ];
    for (const [amr, expected] of cases) assert.equal(hasTwoFactors(amr), expected, amr.join(" "));
    assert.equal(acrOfMethods(["pwd", "hwk"]), ACR_TWO_FACTORS);
    assert.equal(acrOfMethods(["pwd"]), ACR_ONE_FACTOR);
    assert.deepEqual(addMethods(["pwd", "otp"], "otp", "mfa"), ["pwd", "otp", "mfa"]);
  });

  it("needsStrongerAuthentication: a proven acr below the needed one, unknown needed = one factor", () => {
    assert.equal(needsStrongerAuthentication(ACR_TWO_FACTORS, ACR_ONE_FACTOR), true);
    assert.equal(needsStrongerAuthentication(ACR_TWO_FACTORS, ACR_TWO_FACTORS), false);
    assert.equal(needsStrongerAuthentication(ACR_ONE_FACTOR, ACR_ONE_FACTOR), false);
    assert.equal(needsStrongerAuthentication(ACR_ONE_FACTOR, null), true, "a session without acr");
    assert.equal(needsStrongerAuthentication("urn:other", ACR_ONE_FACTOR), false);
  });

  it("the sign-in's second factor: needed when the request or the service asks two and the methods prove one", () => {
    const acr = fc.constantFrom(ACR_ONE_FACTOR, ACR_TWO_FACTORS, "urn:other");
    const methods = fc.array(fc.constantFrom("pwd", "otp", "hwk", "mfa", "sc", "fpt", "x"), { maxLength: 4 });
    fc.assert(
      fc.property(acr, fc.option(acr, { nil: null }), methods, (requested, registered, amr) => {
        const wantsTwo = requested === ACR_TWO_FACTORS || registered === ACR_TWO_FACTORS;
        const needed = needsStrongerAuthentication(neededAcrOf(requested, registered), acrOfMethods(amr));
        assert.equal(needed, wantsTwo && !hasTwoFactors(amr));
      }),
    );
  });
});
