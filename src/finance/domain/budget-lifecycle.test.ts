import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError } from "../errors.ts";
import {
  assertBudgetEditable,
  assertYearFiguresOpen,
  planAmendingBudget,
  statusOnApproval,
  yearsAltered,
} from "./budget-lifecycle.ts";
import type { BudgetStatus } from "./budget-status.ts";
import type { Entente } from "./entente.ts";

const STATUSES: readonly BudgetStatus[] = ["draft", "approved", "ratifying", "adopted"];
const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof EntenteError) return error.code;
    throw error;
  }
};

describe("budget lifecycle: what each status of a budget version allows", () => {
  it("only a draft is edited", () => {
    assert.deepEqual(
      STATUSES.map((status) => [
        status,
        codeOf(() => assertBudgetEditable({ year: 2023, number: 1, status })),
      ]),
      [
        ["draft", null],
        ["approved", "budget.not_editable"],
        ["ratifying", "budget.not_editable"],
        ["adopted", "budget.not_editable"],
      ],
    );
  });

  it("an amending budget opens from the adopted version only, as the next number", () => {
    assert.deepEqual(planAmendingBudget({ year: 2023, number: 1, status: "adopted" }), {
      number: 2,
      label: "Décision modificative n° 1 2023",
    });
    assert.equal(
      planAmendingBudget({ year: 2024, number: 3, status: "adopted" }).label,
      "Décision modificative n° 3 2024",
    );
    for (const status of ["draft", "approved", "ratifying"] as const)
      assert.equal(
        codeOf(() => planAmendingBudget({ year: 2023, number: 1, status })),
        "budget.amend_not_adopted",
      );
  });

  it("the conference's approval opens the ratifications", () => {
    assert.equal(statusOnApproval(), "ratifying");
  });

  it("a change of an exercise alters its call year too; keys and missions alter every year", () => {
    const exercise = (year: number, calledIn: number) => ({
      year,
      calledIn,
      lines: [],
      advances: [],
      adjustments: [],
      path: [],
    });
    const entente = {
      exercises: [exercise(2023, 2023), exercise(2022, 2023), exercise(2024, 2026)],
    } as unknown as Entente;
    assert.deepEqual(yearsAltered(entente, [2022]), [2022, 2023]);
    assert.deepEqual(yearsAltered(entente, [2024]), [2024, 2026]);
    assert.deepEqual(yearsAltered(entente, "all"), [2022, 2023, 2024, 2026]);
    assert.deepEqual(yearsAltered(entente, [2030]), []);
  });

  it("a year's figures are frozen once its budget left the draft", () => {
    assert.equal(
      codeOf(() => assertYearFiguresOpen(2023, null)),
      null,
    );
    assert.deepEqual(
      STATUSES.map((status) => codeOf(() => assertYearFiguresOpen(2023, { status }))),
      [null, "budget.figures_frozen", "budget.figures_frozen", "budget.figures_frozen"],
    );
  });
});
