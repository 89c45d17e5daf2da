import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatMessage, type Issue } from "../errors.ts";
import { allocateLargestRemainder } from "./allocate-largest-remainder.ts";
import type { AllocationKey, KeyBasis } from "./entente.ts";
import { HUNDRED_PERCENT, resolveKeyShares } from "./resolve-key-shares.ts";

const ORDER = ["metropole", "ville-lyon", "sitiv"];

function key(basis: KeyBasis, id = "k"): AllocationKey {
  return { id, label: id, basis };
}

/** Percent key from decimal rates in ten-thousandths of a percent (53 % → 530 000). */
function percent(shares: Record<string, bigint>): KeyBasis {
  return {
    kind: "percent",
    shares: Object.entries(shares).map(([member, tenThousandths]) => ({ member, tenThousandths })),
  };
}

function weights(shares: Record<string, bigint>): KeyBasis {
  return { kind: "weights", shares: Object.entries(shares).map(([member, weight]) => ({ member, weight })) };
}

function criteria(...list: { id: string; weight: bigint; values: Record<string, bigint> }[]): KeyBasis {
  return {
    kind: "criteria",
    criteria: list.map((c) => ({
      id: c.id,
      weight: c.weight,
      values: Object.entries(c.values).map(([member, value]) => ({ member, value })),
    })),
  };
}

/** Asserts numerator_i / denominator equals the expected fraction n / d, by cross-multiplication. */
function assertFractions(numerators: readonly bigint[], denominator: bigint, expected: [bigint, bigint][]) {
  assert.equal(numerators.length, expected.length);
  expected.forEach(([n, d], i) => {
    assert.equal((numerators[i] ?? 0n) * d, n * denominator, `share ${i} is ${n}/${d}`);
  });
}

describe("resolveKeyShares: valid keys", () => {
  const cases: {
    name: string;
    basis: KeyBasis;
    order?: string[];
    members: string[];
    fractions: [bigint, bigint][];
    split?: { total: bigint; parts: bigint[] };
  }[] = [
    {
      name: "seed percent key 53 / 30.6 / 16.4",
      basis: percent({ metropole: 530_000n, "ville-lyon": 306_000n, sitiv: 164_000n }),
      members: ORDER,
      fractions: [
        [53n, 100n],
        [306n, 1000n],
        [164n, 1000n],
      ],
      split: { total: 544176n, parts: [288413n, 166518n, 89245n] },
    },
    {
      name: "percent with 4 decimals 33.3333 / 33.3333 / 33.3334",
      basis: percent({ metropole: 333_333n, "ville-lyon": 333_333n, sitiv: 333_334n }),
      members: ORDER,
      fractions: [
        [333_333n, 1_000_000n],
        [333_333n, 1_000_000n],
        [333_334n, 1_000_000n],
      ],
    },
    {
      name: "percent listed out of order is put in the entente's member order",
      basis: percent({ sitiv: 164_000n, metropole: 530_000n, "ville-lyon": 306_000n }),
      members: ORDER,
      fractions: [
        [53n, 100n],
        [306n, 1000n],
        [164n, 1000n],
      ],
    },
    {
      name: "percent with a 0 % member keeps the member with a zero share",
      basis: percent({ metropole: 1_000_000n, "ville-lyon": 0n }),
      members: ["metropole", "ville-lyon"],
      fractions: [
        [1n, 1n],
        [0n, 1n],
      ],
    },
    {
      name: "integer weights 1 / 3",
      basis: weights({ "ville-lyon": 3n, metropole: 1n }),
      members: ["metropole", "ville-lyon"],
      fractions: [
        [1n, 4n],
        [3n, 4n],
      ],
      split: { total: 1001n, parts: [250n, 751n] },
    },
    {
      name: "weights of equal size, ties in rounding go to the first member",
      basis: weights({ metropole: 5n, "ville-lyon": 5n, sitiv: 5n }),
      members: ORDER,
      fractions: [
        [1n, 3n],
        [1n, 3n],
        [1n, 3n],
      ],
      split: { total: 100n, parts: [34n, 33n, 33n] },
    },
    {
      name: "weighted criteria: population 70 % + agents 30 % (0.7×0.6 + 0.3×0.2 = 48 %, 0.7×0.4 + 0.3×0.8 = 52 %)",
      basis: criteria(
        { id: "population", weight: 70n, values: { metropole: 600n, "ville-lyon": 400n } },
        { id: "agents", weight: 30n, values: { metropole: 20n, "ville-lyon": 80n } },
      ),
      members: ["metropole", "ville-lyon"],
      fractions: [
        [48n, 100n],
        [52n, 100n],
      ],
      split: { total: 1000n, parts: [480n, 520n] },
    },
    {
      name: "weighted criteria with non-terminating shares (7/30 + 3/10 = 8/15, 7/30, 7/30)",
      basis: criteria(
        { id: "population", weight: 70n, values: { metropole: 1n, "ville-lyon": 1n, sitiv: 1n } },
        { id: "agents", weight: 30n, values: { metropole: 1n, "ville-lyon": 0n, sitiv: 0n } },
      ),
      members: ORDER,
      fractions: [
        [8n, 15n],
        [7n, 30n],
        [7n, 30n],
      ],
      split: { total: 100n, parts: [54n, 23n, 23n] },
    },
    {
      name: "a single criterion is its own normalised values",
      basis: criteria({ id: "population", weight: 1n, values: { sitiv: 250n, metropole: 750n } }),
      members: ["metropole", "sitiv"],
      fractions: [
        [3n, 4n],
        [1n, 4n],
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = resolveKeyShares(key(c.basis), c.order ?? ORDER);
      assert.ok(result.ok, JSON.stringify(result.ok ? "" : result.issues));
      const { members, numerators, denominator } = result.shares;
      assert.deepEqual(members, c.members);
      assert.equal(
        numerators.reduce((sum, n) => sum + n, 0n),
        denominator,
        "numerators sum to the denominator (100 %)",
      );
      assertFractions(numerators, denominator, c.fractions);
      if (c.split !== undefined) {
        assert.deepEqual(allocateLargestRemainder(c.split.total, result.shares), c.split.parts);
      }
    });
  }

  it("HUNDRED_PERCENT is 100 % in ten-thousandths of a percent", () => {
    assert.equal(HUNDRED_PERCENT, 1_000_000n);
  });
});

describe("resolveKeyShares: errors", () => {
  const cases: { name: string; basis: KeyBasis; issues: Pick<Issue, "code" | "path" | "details">[] }[] = [
    {
      name: "percent summing to 99.9 → key.shares_not_100 with the sum and the gap",
      basis: percent({ metropole: 529_000n, "ville-lyon": 306_000n, sitiv: 164_000n }),
      issues: [
        {
          code: "key.shares_not_100",
          path: ["percent"],
          details: { key: "k", sum: { fr: "99,9", en: "99.9" }, difference: { fr: "-0,1", en: "-0.1" } },
        },
      ],
    },
    {
      name: "percent summing to 100.0001 → key.shares_not_100",
      basis: percent({ metropole: 530_001n, "ville-lyon": 306_000n, sitiv: 164_000n }),
      issues: [
        {
          code: "key.shares_not_100",
          path: ["percent"],
          details: {
            key: "k",
            sum: { fr: "100,0001", en: "100.0001" },
            difference: { fr: "0,0001", en: "0.0001" },
          },
        },
      ],
    },
    {
      name: "percent with no member at all → key.shares_not_100 (sum 0)",
      basis: percent({}),
      issues: [
        {
          code: "key.shares_not_100",
          path: ["percent"],
          details: { key: "k", sum: { fr: "0", en: "0" }, difference: { fr: "-100", en: "-100" } },
        },
      ],
    },
    {
      name: "weights all zero → key.empty",
      basis: weights({ metropole: 0n, "ville-lyon": 0n }),
      issues: [
        {
          code: "key.empty",
          path: ["weights"],
          details: { key: "k", what: { fr: "des poids", en: "of weights" } },
        },
      ],
    },
    {
      name: "criterion whose values are all zero → key.empty on that criterion",
      basis: criteria(
        { id: "population", weight: 70n, values: { metropole: 1n, "ville-lyon": 1n } },
        { id: "agents", weight: 30n, values: { metropole: 0n, "ville-lyon": 0n } },
      ),
      issues: [
        {
          code: "key.empty",
          path: ["criteria", 1, "values"],
          details: { key: "k", what: { fr: "du critère « agents »", en: 'of criterion "agents"' } },
        },
      ],
    },
    {
      name: "criteria weights all zero → key.empty",
      basis: criteria({ id: "population", weight: 0n, values: { metropole: 1n } }),
      issues: [
        {
          code: "key.empty",
          path: ["criteria"],
          details: { key: "k", what: { fr: "des poids des critères", en: "of criteria weights" } },
        },
      ],
    },
    {
      name: "second criterion misses a member → key.criteria_members_differ naming it",
      basis: criteria(
        { id: "population", weight: 70n, values: { metropole: 600n, "ville-lyon": 400n, sitiv: 100n } },
        { id: "agents", weight: 30n, values: { metropole: 20n, "ville-lyon": 80n } },
      ),
      issues: [
        {
          code: "key.criteria_members_differ",
          path: ["criteria", 1, "values"],
          details: { key: "k", criterion: "agents", missing: "sitiv" },
        },
      ],
    },
    {
      name: "second criterion has an extra member → key.criteria_members_differ naming it",
      basis: criteria(
        { id: "population", weight: 70n, values: { metropole: 600n } },
        { id: "agents", weight: 30n, values: { metropole: 20n, sitiv: 80n } },
      ),
      issues: [
        {
          code: "key.criteria_members_differ",
          path: ["criteria", 1, "values"],
          details: { key: "k", criterion: "agents", missing: "sitiv" },
        },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = resolveKeyShares(key(c.basis), ORDER);
      assert.equal(result.ok, false);
      assert.deepEqual(result.ok ? [] : result.issues, c.issues);
    });
  }

  it("the message of key.shares_not_100 shows the sum, e.g. 99.9 %", () => {
    const result = resolveKeyShares(
      key(percent({ metropole: 529_000n, "ville-lyon": 306_000n, sitiv: 164_000n }), "socle"),
      ORDER,
    );
    assert.equal(result.ok, false);
    const issue = result.ok ? undefined : result.issues[0];
    assert.ok(issue);
    assert.match(
      formatMessage(issue.code, issue.details, "fr"),
      /« socle » totalisent 99,9 % au lieu de 100 %/,
    );
    assert.match(
      formatMessage(issue.code, issue.details, "en"),
      /add up to 99\.9 % instead of 100 % \(off by -0\.1/,
    );
  });
});
