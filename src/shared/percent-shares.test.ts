import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HUNDRED_PERCENT, percentSharesGap } from "./percent-shares.ts";

describe("percentSharesGap", () => {
  const cases: [string, bigint[], bigint][] = [
    ["the seed's key 53 / 30.6 / 16.4 holds", [530000n, 306000n, 164000n], 0n],
    ["three thirds to four decimals hold", [333333n, 333333n, 333334n], 0n],
    ["0.1 % missing", [530000n, 306000n, 163000n], 1000n],
    ["0.1 % in excess", [530000n, 306000n, 165000n], -1000n],
    ["an empty key misses everything", [], HUNDRED_PERCENT],
  ];
  for (const [name, shares, gap] of cases) {
    it(name, () => assert.equal(percentSharesGap(shares), gap));
  }
});
