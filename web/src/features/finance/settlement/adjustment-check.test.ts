import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkAdjustment } from "./adjustment-check.ts";

describe("checkAdjustment", () => {
  it("accepts the seed's experimentation split, which sums to exactly 0", () => {
    const check = checkAdjustment(["-32 966", "21463", "11 503,00"]);
    assert.deepEqual(check, { sum: 0n, invalid: [], filled: 3, status: "ok" });
  });

  it("reads −100 / +100 as typed (Unicode minus, plus sign) and leaves an empty member out", () => {
    assert.equal(checkAdjustment(["−100", "", "+100"]).status, "ok");
    assert.equal(checkAdjustment(["−100", "", "+100"]).filled, 2);
  });

  it("gives the gap of an adjustment that does not sum to zero, to the cent", () => {
    const check = checkAdjustment(["-100", "90,00", ""]);
    assert.equal(check.status, "off");
    assert.equal(check.sum, -1000n);
  });

  it("is exact where floats are not: -0.10 - 0.20 + 0.30 is 0", () => {
    assert.equal(checkAdjustment(["-0,10", "-0.2", "0,30"]).status, "ok");
    // and 20-digit amounts stay exact
    assert.equal(checkAdjustment(["99999999999999999999.99", "-99999999999999999999.98"]).sum, 1n);
  });

  it("lists unreadable amounts and does not call the adjustment balanced", () => {
    const check = checkAdjustment(["-100", "1,005", "abc", "100"]);
    assert.deepEqual(check.invalid, [1, 2]);
    assert.equal(check.status, "invalid");
  });

  it("says so when nothing is typed yet", () => {
    assert.equal(checkAdjustment(["", " ", ""]).status, "empty");
    assert.equal(checkAdjustment([]).status, "empty");
  });
});
