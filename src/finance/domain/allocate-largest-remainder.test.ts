import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { allocateLargestRemainder } from "./allocate-largest-remainder.ts";
import type { AllocationKey } from "./entente.ts";
import type { ExactShares } from "./exact-shares.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

const SEED_KEY: ExactShares = {
  members: ["metropole", "ville-lyon", "sitiv"],
  numerators: [530n, 306n, 164n],
  denominator: 1000n,
};

function shares(...numerators: bigint[]): ExactShares {
  return {
    members: numerators.map((_, i) => `m${i}`),
    numerators,
    denominator: numerators.reduce((sum, n) => sum + n, 0n),
  };
}

describe("allocateLargestRemainder", () => {
  const cases: { name: string; total: bigint; shares: ExactShares; expected: bigint[] }[] = [
    {
      name: "seed 2023 operating budget 544 176 € → 288 413 / 166 518 / 89 245 (Ville and SITIV get the units, not the largest ratio)",
      total: 544176n,
      shares: SEED_KEY,
      expected: [288413n, 166518n, 89245n],
    },
    {
      name: "seed 2022 operating 95 000 € → 50 350 / 29 070 / 15 580 (exact, no leftover)",
      total: 95000n,
      shares: SEED_KEY,
      expected: [50350n, 29070n, 15580n],
    },
    {
      name: "seed experiment 70 140 € → 37 174 / 21 463 / 11 503",
      total: 70140n,
      shares: SEED_KEY,
      expected: [37174n, 21463n, 11503n],
    },
    {
      name: "three equal thirds of 100: the tie goes to the first member",
      total: 100n,
      shares: shares(1n, 1n, 1n),
      expected: [34n, 33n, 33n],
    },
    {
      name: "three equal thirds of 2: two leftovers go to the first two members",
      total: 2n,
      shares: shares(1n, 1n, 1n),
      expected: [1n, 1n, 0n],
    },
    {
      name: "tie between equal remainders is broken by member order, not by position of larger shares",
      total: 1n,
      shares: shares(1n, 2n, 1n, 2n),
      expected: [0n, 1n, 0n, 0n],
    },
    {
      name: "two halves of 1: the first member gets the unit",
      total: 1n,
      shares: shares(1n, 1n),
      expected: [1n, 0n],
    },
    {
      name: "a member with a zero share never gets a leftover unit",
      total: 3n,
      shares: shares(0n, 1n, 1n),
      expected: [0n, 2n, 1n],
    },
    {
      name: "up to n − 1 leftovers: 6 split in 7 sevenths",
      total: 6n,
      shares: shares(1n, 1n, 1n, 1n, 1n, 1n, 1n),
      expected: [1n, 1n, 1n, 1n, 1n, 1n, 0n],
    },
    {
      name: "negative total is the opposite of the split of its absolute value",
      total: -544176n,
      shares: SEED_KEY,
      expected: [-288413n, -166518n, -89245n],
    },
    {
      name: "negative thirds: the tie still goes to the first member, in magnitude",
      total: -1n,
      shares: shares(1n, 1n, 1n),
      expected: [-1n, 0n, 0n],
    },
    {
      name: "zero total gives zero to everyone",
      total: 0n,
      shares: SEED_KEY,
      expected: [0n, 0n, 0n],
    },
    {
      name: "single member takes everything",
      total: 305797n,
      shares: shares(1n),
      expected: [305797n],
    },
    {
      name: "single member, negative total",
      total: -32966n,
      shares: shares(7n),
      expected: [-32966n],
    },
    {
      name: "huge total beyond float precision stays exact",
      total: 10n ** 30n + 1n,
      shares: shares(1n, 1n, 1n),
      expected: [
        333333333333333333333333333334n,
        333333333333333333333333333334n,
        333333333333333333333333333333n,
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const parts = allocateLargestRemainder(c.total, c.shares);
      assert.deepEqual(parts, c.expected);
      assert.equal(
        parts.reduce((sum, part) => sum + part, 0n),
        c.total,
      );
    });
  }

  it("does not modify the shares it is given", () => {
    const given = shares(1n, 1n, 1n);
    const before = structuredClone(given);
    allocateLargestRemainder(100n, given);
    assert.deepEqual(given, before);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: for random keys (1 to 1,000 members) and random amounts (including huge ones), the
// parts sum exactly to the total, each part is within one unit of its exact share, the leftover
// units go to the largest remainders with ties broken by member order, and the result is
// deterministic.

const memberIds = (n: number) => Array.from({ length: n }, (_, i) => `m${String(i).padStart(4, "0")}`);

/** A percent key with up to 4 decimals summing to exactly 100 %: cuts of [0, 1 000 000]. */
const percentKey = fc
  .integer({ min: 1, max: 1000 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: n - 1, maxLength: n - 1 }),
      fc.boolean(),
    ),
  )
  .map(([n, cuts, reversed]): { key: AllocationKey; order: string[] } => {
    const points = [0, ...cuts.sort((a, b) => a - b), 1_000_000];
    const ids = memberIds(n);
    const entries = ids.map((member, i) => ({
      member,
      tenThousandths: BigInt((points[i + 1] ?? 0) - (points[i] ?? 0)),
    }));
    return {
      key: {
        id: "p",
        label: "percent",
        basis: { kind: "percent", shares: reversed ? entries.reverse() : entries },
      },
      order: ids,
    };
  });

/** Integer weights, at least one positive. */
const weightsKey = fc
  .integer({ min: 1, max: 1000 })
  .chain((n) => fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: n, maxLength: n }))
  .filter((weights) => weights.some((w) => w > 0n))
  .map((weights): { key: AllocationKey; order: string[] } => {
    const ids = memberIds(weights.length);
    return {
      key: {
        id: "w",
        label: "weights",
        basis: { kind: "weights", shares: ids.map((member, i) => ({ member, weight: weights[i] ?? 0n })) },
      },
      order: ids,
    };
  });

/** 1 to 3 weighted criteria (population, agents…) over the same members, each with a positive total. */
const criteriaKey = fc
  .integer({ min: 1, max: 300 })
  .chain((n) =>
    fc.array(
      fc.record({
        weight: fc.bigInt({ min: 1n, max: 1_000_000n }),
        values: fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 10n }), { minLength: n, maxLength: n })
          .filter((values) => values.some((v) => v > 0n)),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map((criteria): { key: AllocationKey; order: string[] } => {
    const ids = memberIds(criteria[0]?.values.length ?? 0);
    return {
      key: {
        id: "c",
        label: "criteria",
        basis: {
          kind: "criteria",
          criteria: criteria.map((c, ci) => ({
            id: `c${ci}`,
            weight: c.weight,
            values: ids.map((member, i) => ({ member, value: c.values[i] ?? 0n })),
          })),
        },
      },
      order: ids,
    };
  });

const amount = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
);

function checkAllocation(total: bigint, exact: ExactShares): void {
  const parts = allocateLargestRemainder(total, exact);
  const d = exact.denominator;
  assert.equal(parts.length, exact.members.length);
  assert.equal(
    parts.reduce((sum, part) => sum + part, 0n),
    total,
    "parts sum exactly to the total",
  );

  const magnitude = total < 0n ? -total : total;
  let worstGiven: { remainder: bigint; index: number } | undefined;
  let bestDenied: { remainder: bigint; index: number } | undefined;
  exact.numerators.forEach((n, index) => {
    const part = parts[index] ?? 0n;
    const gap = part * d - total * n;
    assert.ok(gap > -d && gap < d, `part ${index} (${part}) is within one unit of ${total}×${n}/${d}`);
    assert.ok(total >= 0n ? part >= 0n : part <= 0n, "parts carry the sign of the total");
    const floor = (magnitude * n) / d;
    const remainder = (magnitude * n) % d;
    const extra = (part < 0n ? -part : part) - floor;
    assert.ok(extra === 0n || extra === 1n);
    if (extra === 1n) {
      assert.ok(remainder > 0n, "a member whose share is exact gets no leftover");
      if (worstGiven === undefined || remainder <= worstGiven.remainder) worstGiven = { remainder, index };
    } else if (remainder > 0n && (bestDenied === undefined || remainder > bestDenied.remainder)) {
      bestDenied = { remainder, index };
    }
  });
  if (worstGiven !== undefined && bestDenied !== undefined) {
    assert.ok(
      worstGiven.remainder > bestDenied.remainder ||
        (worstGiven.remainder === bestDenied.remainder && worstGiven.index < bestDenied.index),
      "leftovers go to the largest remainders, ties to the first members",
    );
  }
  assert.deepEqual(allocateLargestRemainder(total, exact), parts, "deterministic");
}

describe("allocateLargestRemainder properties", () => {
  for (const [name, keys, numRuns] of [
    ["percent keys (4 decimals, sum exactly 100)", percentKey, 150],
    ["integer weights", weightsKey, 150],
    ["weighted criteria", criteriaKey, 100],
  ] as const) {
    it(`${name}: exact sum, within one unit, largest remainders, deterministic`, () => {
      fc.assert(
        fc.property(keys, amount, ({ key, order }, total) => {
          const result = resolveKeyShares(key, order);
          assert.ok(result.ok, JSON.stringify(result.ok ? [] : result.issues));
          const exact = result.shares;
          assert.deepEqual(exact.members, order, "members in the entente's fixed order");
          assert.equal(
            exact.numerators.reduce((sum, n) => sum + n, 0n),
            exact.denominator,
            "shares sum to 100 %",
          );
          checkAllocation(total, exact);
        }),
        { numRuns },
      );
    });
  }
});
