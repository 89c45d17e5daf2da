import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_THROTTLE_LIMITS as L, secondsToWait, type ThrottleCounts } from "./sign-in-throttle-rule.ts";

const NOW = new Date("2026-03-02T09:15:00Z");
const times = (n: number, secondsAgo = 60) =>
  Array.from({ length: n }, () => new Date(NOW.getTime() - secondsAgo * 1000));
const none: ThrottleCounts = { byAddress: [], byLoginAddress: [], byLogin: [], knownAddress: false };

describe("secondsToWait (the sign-in throttle's rule)", () => {
  const CASES: [string, ThrottleCounts, number][] = [
    ["nothing counted", none, 0],
    ["4 failures of the login from this address", { ...none, byLoginAddress: times(4) }, 0],
    [
      "5 failures of the login from this address",
      { ...none, byLoginAddress: times(5) },
      L.windowSeconds - 60,
    ],
    ["49 failures from the address", { ...none, byAddress: times(49) }, 0],
    ["50 failures from the address", { ...none, byAddress: times(50, 300) }, L.windowSeconds - 300],
    ["19 failures of the login everywhere", { ...none, byLogin: times(19) }, 0],
    [
      "20 failures of the login everywhere, new address",
      { ...none, byLogin: times(20) },
      L.windowSeconds - 60,
    ],
    [
      "20 failures of the login everywhere, known address",
      { ...none, byLogin: times(20), knownAddress: true },
      0,
    ],
    [
      "a known address still obeys its own counts",
      { ...none, byLogin: times(20), byLoginAddress: times(5, 120), knownAddress: true },
      L.windowSeconds - 120,
    ],
    [
      "the longest wait wins",
      { ...none, byAddress: times(50, 600), byLoginAddress: times(5, 100) },
      L.windowSeconds - 100,
    ],
  ];
  for (const [name, counts, expected] of CASES) {
    it(name, () => assert.equal(secondsToWait(counts, L, NOW), expected));
  }

  it("stays under NIST SP 800-63B §5.2.2's 100 consecutive failures on one account", () => {
    assert.ok(L.perLoginSoft <= 100 && L.perLoginAddress <= 100);
  });
});
