import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type ExactShares, lcm, memberIndex, reducedShare, sharePercentText } from "./exact-shares.ts";

const SEED: ExactShares = {
  members: ["metropole", "ville-lyon", "sitiv"],
  numerators: [530_000n, 306_000n, 164_000n],
  denominator: 1_000_000n,
};
const THIRDS: ExactShares = { members: ["a", "b", "c"], numerators: [1n, 1n, 1n], denominator: 3n };
const ZERO: ExactShares = { members: ["a", "b"], numerators: [4n, 0n], denominator: 4n };

describe("sharePercentText", () => {
  const cases: {
    name: string;
    shares: ExactShares;
    index: number;
    maxDecimals?: number;
    expected: string;
  }[] = [
    { name: "53 %", shares: SEED, index: 0, expected: "53" },
    { name: "30.6 %", shares: SEED, index: 1, expected: "30.6" },
    { name: "16.4 %", shares: SEED, index: 2, expected: "16.4" },
    { name: "a third is truncated and marked endless", shares: THIRDS, index: 0, expected: "33.3333…" },
    { name: "a third with 2 decimals", shares: THIRDS, index: 2, maxDecimals: 2, expected: "33.33…" },
    { name: "zero share", shares: ZERO, index: 1, expected: "0" },
    { name: "whole key", shares: ZERO, index: 0, expected: "100" },
    {
      name: "4 decimals exactly",
      shares: { members: ["a", "b"], numerators: [333_333n, 666_667n], denominator: 1_000_000n },
      index: 1,
      expected: "66.6667",
    },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.expected}`, () => {
      assert.equal(sharePercentText(c.shares, c.index, c.maxDecimals), c.expected);
    });
  }
});

describe("reducedShare", () => {
  const cases: { shares: ExactShares; index: number; expected: readonly [bigint, bigint] }[] = [
    { shares: SEED, index: 0, expected: [53n, 100n] },
    { shares: SEED, index: 1, expected: [153n, 500n] },
    { shares: SEED, index: 2, expected: [41n, 250n] },
    { shares: THIRDS, index: 1, expected: [1n, 3n] },
    { shares: ZERO, index: 0, expected: [1n, 1n] },
    { shares: ZERO, index: 1, expected: [0n, 1n] },
  ];
  for (const c of cases) {
    it(`${c.shares.members[c.index]} of ${c.shares.numerators.join("/")} → ${c.expected.join("/")}`, () => {
      assert.deepEqual(reducedShare(c.shares, c.index), c.expected);
    });
  }
});

describe("lcm and memberIndex", () => {
  it("lcm of criterion totals", () => {
    assert.equal(lcm(4n, 6n), 12n);
    assert.equal(lcm(1000n, 100n), 1000n);
    assert.equal(lcm(7n, 13n), 91n);
    assert.equal(lcm(1n, 10n ** 30n), 10n ** 30n);
  });

  it("memberIndex finds a member or returns -1", () => {
    assert.equal(memberIndex(SEED, "sitiv"), 2);
    assert.equal(memberIndex(SEED, "nobody"), -1);
  });
});
