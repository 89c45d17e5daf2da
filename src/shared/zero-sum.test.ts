import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { checkZeroSum } from "./zero-sum.ts";

describe("checkZeroSum", () => {
  it("accepts the seed's experimentation adjustment (-32 966 / 21 463 / 11 503)", () => {
    assert.deepEqual(checkZeroSum([-3296600n, 2146300n, 1150300n]), { sum: 0n, zero: true });
  });

  it("gives the gap of amounts that do not cancel out", () => {
    assert.deepEqual(checkZeroSum([-10000n, 9000n]), { sum: -1000n, zero: false });
  });

  it("holds for nothing at all (no member concerned)", () => {
    assert.deepEqual(checkZeroSum([]), { sum: 0n, zero: true });
  });

  it("any amounts plus their opposite sum to zero (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n })), (amounts) => {
        assert.equal(checkZeroSum([...amounts, ...amounts.map((a) => -a)]).zero, true);
      }),
    );
  });
});
