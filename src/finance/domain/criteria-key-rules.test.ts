import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { formatMessage, ValidationError } from "../errors.ts";
import { allocateLargestRemainder } from "./allocate-largest-remainder.ts";
import { type CriterionInput, parseCriteriaKey } from "./criteria-key-rules.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

const KEY = { id: "socle", label: "Clé des missions socles" };
const PERIOD = { year: 2025, members: ["metropole", "ville-lyon", "sitiv"] };

const criterion = (
  id: string,
  weight: string,
  values: Record<string, string>,
  source: string | null = null,
): CriterionInput => ({
  id,
  label: null,
  source,
  weight,
  values: Object.entries(values).map(([memberId, value]) => ({ memberId, value })),
});

/** The problems `parseCriteriaKey` throws, as [code, path] pairs. */
function problems(criteria: CriterionInput[], period = PERIOD): [string, string][] {
  try {
    parseCriteriaKey(KEY, criteria, period);
  } catch (error) {
    assert.ok(error instanceof ValidationError, String(error));
    return error.issues.map((i) => [i.code, i.path.join(".")]);
  }
  assert.fail("expected the criteria to be refused");
}

/** The exact shares of the parsed basis, in the period's member order. */
function shares(criteria: CriterionInput[], period = PERIOD) {
  const basis = parseCriteriaKey(KEY, criteria, period);
  const result = resolveKeyShares({ ...KEY, basis }, period.members);
  assert.ok(result.ok);
  return result.shares;
}

describe("parseCriteriaKey: a weighted criteria key from the API", () => {
  it("population 50 %, agents 30 %, budget 20 %: exact shares, each criterion normalised over its total", () => {
    const s = shares([
      criterion("population", "50", { metropole: "1400000", "ville-lyon": "500000", sitiv: "100000" }),
      criterion("agents", "30", { metropole: "600", "ville-lyon": "300", sitiv: "100" }),
      criterion("budget", "20", { metropole: "750000.50", "ville-lyon": "200000.25", sitiv: "49999.25" }),
    ]);
    // metropole: .5 × .7 + .3 × .6 + .2 × 750000.5/1000000 = .35 + .18 + .1500001 = .6800001
    const metropole = (s.numerators[0] ?? 0n) * 10_000_000n;
    assert.equal(metropole, 6_800_001n * s.denominator);
    assert.equal(
      s.numerators.reduce((a, b) => a + b, 0n),
      s.denominator,
    );
  });

  it("keeps each criterion's source and label (INSEE year), weights and values scaled by 10^4", () => {
    const basis = parseCriteriaKey(
      KEY,
      [
        {
          ...criterion("population", "100", { metropole: "1", "ville-lyon": "1", sitiv: "2" }),
          label: "Population",
          source: "INSEE 2022",
        },
      ],
      PERIOD,
    );
    const [population] = basis.criteria;
    assert.deepEqual(
      [population?.label, population?.source, population?.weight, population?.values[2]?.value],
      ["Population", "INSEE 2022", 1_000_000n, 20_000n],
    );
  });

  it("thirds that never terminate: 33.3333 + 33.3333 + 33.3334 %, and 100 001 € split to the euro without losing one", () => {
    const s = shares([
      criterion("a", "33.3333", { metropole: "1", "ville-lyon": "0", sitiv: "0" }),
      criterion("b", "33.3333", { metropole: "0", "ville-lyon": "1", sitiv: "0" }),
      criterion("c", "33.3334", { metropole: "0", "ville-lyon": "0", sitiv: "1" }),
    ]);
    // 33 333.633333 / 33 333.633333 / 33 333.733334: the SITIV's remainder first, then the tie
    // between the Métropole and the Ville broken by the member order.
    const euros = allocateLargestRemainder(100_001n, s);
    assert.deepEqual(euros, [33_334n, 33_333n, 33_334n]);
  });

  it("weights summing to 99.9999 %: key.criteria_weights_not_100 at criteria, with the sum in the message", () => {
    const criteria = [
      criterion("population", "59.9999", { metropole: "3", "ville-lyon": "2", sitiv: "1" }),
      criterion("agents", "40", { metropole: "3", "ville-lyon": "2", sitiv: "1" }),
    ];
    assert.deepEqual(problems(criteria), [["key.criteria_weights_not_100", "criteria"]]);
    try {
      parseCriteriaKey(KEY, criteria, PERIOD);
    } catch (error) {
      const issue = (error as ValidationError).issues[0];
      assert.ok(issue !== undefined);
      assert.match(formatMessage(issue.code, issue.details, "fr"), /99,9999 % au lieu de 100 %/);
    }
  });

  it("a duplicate member (not a 500, not counted twice), a missing one, one outside the period: each at its field, all at once", () => {
    const duplicated: CriterionInput = {
      id: "population",
      label: null,
      source: null,
      weight: "60",
      values: [
        { memberId: "metropole", value: "3" },
        { memberId: "metropole", value: "4" },
        { memberId: "sitiv", value: "1" },
      ],
    };
    const outsider = criterion("agents", "40", {
      metropole: "3",
      "ville-lyon": "2",
      sitiv: "1",
      villeurbanne: "5",
    });
    assert.deepEqual(problems([duplicated, outsider]), [
      ["entente.duplicate_id", "criteria.0.values.1.memberId"],
      ["key.criteria_value_missing", "criteria.0.values"],
      ["entente.unknown_reference", "criteria.1.values.3.memberId"],
    ]);
  });

  it("a member joining in 2025 must have a value from 2025 on; one leaving after 2024 must not", () => {
    const period = { year: 2025, members: ["metropole", "ville-lyon", "villeurbanne"] };
    assert.deepEqual(
      problems([criterion("population", "100", { metropole: "3", "ville-lyon": "2", sitiv: "1" })], period),
      [
        ["entente.unknown_reference", "criteria.0.values.2.memberId"],
        ["key.criteria_value_missing", "criteria.0.values"],
      ],
    );
  });

  it("a criterion whose values are all zero gives no share: key.empty at its values", () => {
    assert.deepEqual(
      problems([
        criterion("population", "70", { metropole: "3", "ville-lyon": "2", sitiv: "1" }),
        criterion("agents", "30", { metropole: "0", "ville-lyon": "0", sitiv: "0" }),
      ]),
      [["key.empty", "criteria.1.values"]],
    );
  });

  it("a duplicate criterion, a value with 5 decimals and a negative value: each at its field", () => {
    assert.deepEqual(
      problems([
        criterion("population", "50", { metropole: "3.12345", "ville-lyon": "2", sitiv: "1" }),
        criterion("population", "50", { metropole: "-1", "ville-lyon": "2", sitiv: "1" }),
      ]),
      [
        ["key.too_many_decimals", "criteria.0.values.0.value"],
        ["entente.duplicate_id", "criteria.1.id"],
        ["file.invalid_field", "criteria.1.values.0.value"],
      ],
    );
  });

  it("property: any criteria with weights summing to 100 % give shares summing to 100 %, and euros that add up", () => {
    const members = ["a", "b", "c", "d"];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 4, maxLength: 4 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.bigInt({ min: 0n, max: 10n ** 11n }),
        (rows, total) => {
          const usable = rows.map((row) => (row.every((v) => v === 0) ? [1, ...row.slice(1)] : row));
          const base = 100n / BigInt(usable.length);
          const criteria = usable.map((row, c) =>
            criterion(
              `c${c}`,
              String(c === 0 ? 100n - base * BigInt(usable.length - 1) : base),
              Object.fromEntries(members.map((m, i) => [m, String(row[i])])),
            ),
          );
          const s = shares(criteria, { year: 2025, members });
          assert.equal(
            s.numerators.reduce((x, y) => x + y, 0n),
            s.denominator,
          );
          const euros = allocateLargestRemainder(total, s);
          assert.equal(
            euros.reduce((x, y) => x + y, 0n),
            total,
          );
        },
      ),
    );
  });
});
