import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { EntenteError, ValidationError } from "../errors.ts";
// A golden test reads the real example file: the reader is the way people feed the engine.
import { readEntenteFile } from "../formats/read-entente-file.ts";
import type { BudgetReport } from "./budget-report.ts";
import { computeBudgetReport } from "./compute-budget-report.ts";
import type { AllocationKey, BudgetLine, Entente, Exercise } from "./entente.ts";

const LYON = fileURLToPath(new URL("../../../examples/lyon-2023/entente.yaml", import.meta.url));
const euros = (amount: number) => BigInt(amount) * 100n;

describe("golden: examples/lyon-2023 (deliberation n° 2022-1356), year 2023", () => {
  let report: BudgetReport;
  before(async () => {
    report = computeBudgetReport(await readEntenteFile(LYON), 2023);
  });

  it("members in the file's order, which breaks ties", () => {
    assert.deepEqual(report.memberOrder, ["metropole", "ville-lyon", "sitiv"]);
    assert.equal(report.roundingUnit, "euro");
    assert.equal(report.year, 2023);
  });

  it("annex totals 975 000 € investissement and 544 176 € fonctionnement, balanced", () => {
    const { totalExpenses, totalReceipts, balance } = report.annex;
    assert.deepEqual(totalExpenses, { investissement: 97500000n, fonctionnement: 54417600n });
    assert.deepEqual(totalReceipts, { investissement: 97500000n, fonctionnement: 54417600n });
    assert.deepEqual(balance, { investissement: 0n, fonctionnement: 0n });
  });

  it("annex groups: general lines first, then missions in the file's order; subtotals add up", () => {
    const ids = report.annex.expenses.map((g) => g.mission?.id ?? null);
    assert.deepEqual(ids, [null, "hebergement", "identite", "messagerie", "collaboratif"]);
    const collaboratif = report.annex.expenses.find((g) => g.mission?.id === "collaboratif");
    assert.deepEqual(collaboratif?.subtotal, {
      investissement: euros(180000),
      fonctionnement: euros(174176),
    });
    const receipts = new Map(
      report.annex.receipts.flatMap((g) => g.rows).map((r) => [r.receiptKind, r.amounts]),
    );
    assert.deepEqual(receipts.get("carry-over"), { investissement: euros(350000), fonctionnement: 0n });
    assert.deepEqual(receipts.get("depreciation"), { investissement: euros(125000), fonctionnement: 0n });
    assert.deepEqual(receipts.get("grant"), { investissement: euros(500000), fonctionnement: 0n });
    assert.deepEqual(receipts.get("contribution"), { investissement: 0n, fonctionnement: euros(544176) });
  });

  it("2022 is recalled in 2023: contributions 50 350 / 29 070 / 15 580 (95 000)", () => {
    assert.deepEqual(
      report.settlements.map((s) => [s.year, s.calledIn]),
      [
        [2022, 2023],
        [2023, 2023],
      ],
    );
    const y2022 = report.settlements[0];
    assert.ok(y2022);
    assert.deepEqual(
      y2022.rows.map((r) => [r.member, r.rate, r.contributionTotal]),
      [
        ["metropole", "53", euros(50350)],
        ["ville-lyon", "30.6", euros(29070)],
        ["sitiv", "16.4", euros(15580)],
      ],
    );
    assert.equal(y2022.totals.contributionTotal, euros(95000));
  });

  it("2022 advance of 70 140 € by the Métropole: adjustments −32 966 / +21 463 / +11 503, sum 0", () => {
    const y2022 = report.settlements[0];
    assert.ok(y2022);
    assert.equal(y2022.adjustments.length, 1);
    const advance = y2022.adjustments[0];
    assert.equal(advance?.kind, "advance");
    assert.deepEqual(advance?.advance, {
      member: "metropole",
      amount: euros(70140),
      key: "socle",
      keyLabel: "Clé des missions socles",
    });
    assert.deepEqual(
      y2022.rows.map((r) => r.adjustments),
      [[euros(-32966)], [euros(21463)], [euros(11503)]],
    );
    assert.deepEqual(y2022.totals.adjustments, [0n]);
  });

  it("adjusted 2022: 17 384 / 50 533 / 27 083 (95 000)", () => {
    const y2022 = report.settlements[0];
    assert.ok(y2022);
    assert.deepEqual(
      y2022.rows.map((r) => r.adjusted),
      [euros(17384), euros(50533), euros(27083)],
    );
    assert.equal(y2022.totals.adjusted, euros(95000));
  });

  it("2023 current shares of 544 176 €: 288 413 / 166 518 / 89 245", () => {
    const { allocations, rows } = report.allocation;
    assert.equal(allocations.length, 1);
    const socle = allocations[0];
    assert.equal(socle?.key, "socle");
    assert.equal(socle?.section, "fonctionnement");
    assert.equal(socle?.total, euros(544176));
    assert.deepEqual(
      socle?.rows.map((r) => [r.member, r.percent, r.exactEuros, r.amount]),
      [
        ["metropole", "53", "288413.28", euros(288413)],
        ["ville-lyon", "30.6", "166517.856", euros(166518)],
        ["sitiv", "16.4", "89244.864", euros(89245)],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.contribution),
      [
        { investissement: 0n, fonctionnement: euros(288413) },
        { investissement: 0n, fonctionnement: euros(166518) },
        { investissement: 0n, fonctionnement: euros(89245) },
      ],
    );
  });

  it("fund calls: Métropole 305 797, Ville 217 051, SITIV 116 328, total 639 176", () => {
    assert.deepEqual(
      report.fundCalls.map((f) => [f.member, f.current.fonctionnement, f.recall, f.adjustments, f.total]),
      [
        ["metropole", euros(288413), euros(50350), euros(-32966), euros(305797)],
        ["ville-lyon", euros(166518), euros(29070), euros(21463), euros(217051)],
        ["sitiv", euros(89245), euros(15580), euros(11503), euros(116328)],
      ],
    );
    assert.equal(report.fundCallTotals.total, euros(639176));
    assert.equal(report.fundCallTotals.recall, euros(95000));
    assert.equal(report.fundCallTotals.adjustments, 0n);
    assert.deepEqual(report.fundCallTotals.current, { investissement: 0n, fonctionnement: euros(544176) });
  });

  it("is deterministic", async () => {
    const again = computeBudgetReport(await readEntenteFile(LYON), 2023);
    assert.deepEqual(again, report);
  });
});

// ---------------------------------------------------------------------------------------------
// Small ententes built in code.

const percentKey = (id: string, shares: Record<string, bigint>): AllocationKey => ({
  id,
  label: id,
  basis: {
    kind: "percent",
    shares: Object.entries(shares).map(([member, tenThousandths]) => ({ member, tenThousandths })),
  },
});

function line(
  section: BudgetLine["section"],
  direction: BudgetLine["direction"],
  amount: bigint,
  extra: Partial<BudgetLine> = {},
): BudgetLine {
  return { label: `${direction} ${section}`, section, direction, amount, path: [], ...extra };
}

function entente(overrides: Partial<Entente> = {}): Entente {
  return {
    name: "Test",
    legalBasis: [],
    rounding: { unit: "euro" },
    defaultKey: "socle",
    members: [
      { id: "a", name: "A", kind: "commune" },
      { id: "b", name: "B", kind: "commune" },
      { id: "c", name: "C", kind: "syndicat" },
    ],
    keys: [percentKey("socle", { a: 530_000n, b: 306_000n, c: 164_000n })],
    missions: [],
    exercises: [],
    ...overrides,
  };
}

function exercise(year: number, lines: BudgetLine[], extra: Partial<Exercise> = {}): Exercise {
  return { year, calledIn: year, lines, advances: [], adjustments: [], path: [], ...extra };
}

describe("computeBudgetReport", () => {
  it("a mission with its own key is financed by its own contributions", () => {
    const e = entente({
      keys: [
        percentKey("socle", { a: 530_000n, b: 306_000n, c: 164_000n }),
        {
          id: "usage",
          label: "usage",
          basis: {
            kind: "weights",
            shares: [
              { member: "a", weight: 1n },
              { member: "b", weight: 3n },
            ],
          },
        },
      ],
      missions: [
        {
          id: "spec",
          name: "Spec",
          kind: "specifique",
          members: ["a", "b"],
          keys: { investissement: "usage", fonctionnement: "usage" },
        },
      ],
      exercises: [
        exercise(2024, [
          line("fonctionnement", "expense", euros(1001), { mission: "spec" }),
          line("fonctionnement", "receipt", euros(1001), { mission: "spec", receiptKind: "contribution" }),
          line("fonctionnement", "expense", euros(100)),
          line("fonctionnement", "receipt", euros(100), { receiptKind: "contribution" }),
        ]),
      ],
    });
    const report = computeBudgetReport(e, 2024);
    assert.deepEqual(
      report.allocation.allocations.map((a) => [a.key, a.total, a.rows.map((r) => r.amount)]),
      [
        ["usage", euros(1001), [euros(250), euros(751)]],
        ["socle", euros(100), [euros(53), euros(31), euros(16)]],
      ],
    );
    assert.deepEqual(
      report.fundCalls.map((f) => f.total),
      [euros(303), euros(782), euros(16)],
    );
    assert.equal(report.fundCallTotals.total, euros(1101));
  });

  it("rounds to the cent when the entente says so", () => {
    const e = entente({
      rounding: { unit: "cent" },
      exercises: [
        exercise(2024, [
          line("fonctionnement", "expense", 4527650n),
          line("fonctionnement", "receipt", 4527650n, { receiptKind: "contribution" }),
        ]),
      ],
    });
    const report = computeBudgetReport(e, 2024);
    // 45 276.50 € × 53 % = 23 996.545, × 30.6 % = 13 854.609, × 16.4 % = 7 425.346
    assert.deepEqual(
      report.fundCalls.map((f) => f.total),
      [2399654n, 1385461n, 742535n],
    );
    assert.equal(report.fundCallTotals.total, 4527650n);
  });

  it("a year with nothing called gives zero fund calls", () => {
    const e = entente({
      exercises: [
        exercise(
          2022,
          [
            line("fonctionnement", "expense", euros(95000)),
            line("fonctionnement", "receipt", euros(95000), { receiptKind: "contribution" }),
          ],
          {
            calledIn: 2023,
          },
        ),
      ],
    });
    const report = computeBudgetReport(e, 2022);
    assert.deepEqual(report.settlements, []);
    assert.equal(report.fundCallTotals.total, 0n);
    assert.equal(report.allocation.totals.contributionTotal, euros(95000));
  });

  it("a call year without a budget of its own gathers the recall (empty annex)", () => {
    const e = entente({
      exercises: [
        exercise(
          2022,
          [
            line("fonctionnement", "expense", euros(95000)),
            line("fonctionnement", "receipt", euros(95000), { receiptKind: "contribution" }),
          ],
          { calledIn: 2023 },
        ),
      ],
    });
    const report = computeBudgetReport(e, 2023);
    assert.deepEqual(report.annex.totalExpenses, { investissement: 0n, fonctionnement: 0n });
    assert.deepEqual(
      report.settlements.map((s) => s.year),
      [2022],
    );
    assert.equal(report.fundCallTotals.recall, euros(95000));
    assert.equal(report.fundCallTotals.total, euros(95000));
  });

  it("an explicit adjustment is passed through member by member", () => {
    const e = entente({
      exercises: [
        exercise(2024, [], {
          adjustments: [
            {
              id: "regul",
              label: "Régularisation",
              amounts: [
                { member: "a", amount: euros(-100) },
                { member: "c", amount: euros(100) },
              ],
              path: [],
            },
          ],
        }),
      ],
    });
    const report = computeBudgetReport(e, 2024);
    assert.deepEqual(
      report.fundCalls.map((f) => f.adjustments),
      [euros(-100), 0n, euros(100)],
    );
    assert.deepEqual(report.allocation.totals.adjustments, [0n]);
  });

  it("throws exercise.not_found listing the known years", () => {
    const e = entente({ exercises: [exercise(2022, []), exercise(2023, [])] });
    assert.throws(
      () => computeBudgetReport(e, 2030),
      (error: unknown) =>
        error instanceof EntenteError &&
        error.code === "exercise.not_found" &&
        error.details.year === 2030 &&
        error.details.known === "2022, 2023",
    );
  });

  it("throws a ValidationError with every issue for an invalid entente", () => {
    const e = entente({
      keys: [percentKey("socle", { a: 529_000n, b: 306_000n, c: 164_000n })],
      exercises: [exercise(2024, [line("fonctionnement", "expense", euros(10))])],
    });
    assert.throws(
      () => computeBudgetReport(e, 2024),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.issues.some((i) => i.code === "key.shares_not_100") &&
        error.issues.some((i) => i.code === "budget.unbalanced"),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Property: an advance, spread by a random key, gives adjustments that sum to zero; every member
// pays its part and the advancing member is credited with the whole advance. Contributions of the
// year sum exactly to the amount to finance.

const percentShares = fc
  .integer({ min: 1, max: 200 })
  .chain((n) => fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: n - 1, maxLength: n - 1 }))
  .map((cuts) => {
    const points = [0, ...cuts.sort((x, y) => x - y), 1_000_000];
    return points.slice(1).map((point, i) => BigInt(point - (points[i] ?? 0)));
  });

describe("computeBudgetReport properties", () => {
  it("advances → adjustments sum to zero; contributions sum to the total", () => {
    fc.assert(
      fc.property(
        percentShares,
        fc.nat(),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        (rates, pick, advanceEuros, contributionEuros) => {
          const members = rates.map((_, i) => ({ id: `m${i}`, name: `M${i}`, kind: "commune" as const }));
          const shares = Object.fromEntries(rates.map((rate, i) => [`m${i}`, rate]));
          // The advancing member must have a share in the key; take one with a positive rate.
          const positive = rates.flatMap((rate, i) => (rate > 0n ? [i] : []));
          const payer = `m${positive[pick % positive.length]}`;
          const e = entente({
            members,
            keys: [percentKey("socle", shares)],
            exercises: [
              exercise(
                2023,
                [
                  line("fonctionnement", "expense", euros(1) * contributionEuros),
                  line("fonctionnement", "receipt", euros(1) * contributionEuros, {
                    receiptKind: "contribution",
                  }),
                ],
                {
                  advances: [
                    {
                      id: "adv",
                      label: "Avance",
                      member: payer,
                      amount: euros(1) * advanceEuros,
                      key: "socle",
                      path: [],
                    },
                  ],
                },
              ),
            ],
          });
          const report = computeBudgetReport(e, 2023);
          const column = report.allocation.adjustments[0];
          assert.ok(column);
          const amounts = [...column.amounts.values()];
          assert.equal(
            amounts.reduce((s, a) => s + a, 0n),
            0n,
            "advance adjustments sum to zero",
          );
          assert.deepEqual(report.allocation.totals.adjustments, [0n]);
          assert.equal(report.fundCallTotals.adjustments, 0n);
          for (const [member, amount] of column.amounts) {
            if (member !== payer) assert.ok(amount >= 0n, "members other than the payer owe their part");
          }
          assert.ok((column.amounts.get(payer) ?? 0n) <= 0n, "the payer is credited");
          assert.equal(report.allocation.totals.contributionTotal, euros(1) * contributionEuros);
          assert.equal(report.fundCallTotals.total, euros(1) * contributionEuros);
          for (const f of report.fundCalls) assert.equal(f.total % 100n, 0n, "whole euros");
        },
      ),
      { numRuns: 100 },
    );
  });
});
