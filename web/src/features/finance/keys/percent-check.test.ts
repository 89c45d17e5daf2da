import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkPercentShares } from "./percent-check.ts";

describe("checkPercentShares", () => {
  it("accepts the seed's key 53 / 30.6 / 16.4", () => {
    assert.deepEqual(checkPercentShares(["53", "30,6", "16.4"]), {
      sum: 1_000_000n,
      gap: 0n,
      invalid: [],
      ok: true,
    });
  });

  it("adds thirds exactly where floats would not", () => {
    assert.equal(checkPercentShares(["33.3333", "33.3333", "33.3334"]).ok, true);
    assert.equal(checkPercentShares(["10", "70", "20"]).ok, true);
  });

  it("reports the gap when shares are missing or in excess", () => {
    assert.equal(checkPercentShares(["53", "30.6", "16.3"]).gap, 1000n);
    assert.equal(checkPercentShares(["53", "30.6", "16.5"]).gap, -1000n);
    assert.equal(checkPercentShares(["53", "30.6", "16.5"]).ok, false);
  });

  it("lists values that are not rates and never counts them", () => {
    const check = checkPercentShares(["53", "", "abc", "-1", "16.40001"]);
    assert.deepEqual(check.invalid, [1, 2, 3, 4]);
    assert.equal(check.sum, 530000n);
    assert.equal(check.ok, false);
  });

  it("an empty key is not 100 %", () => assert.equal(checkPercentShares([]).ok, false));
});
