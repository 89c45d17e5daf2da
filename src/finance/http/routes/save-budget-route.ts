import { requirePrincipal } from "../../../access/index.ts";
import { saveBudget } from "../../app/save-budget.ts";
import { BudgetUpdate, BudgetVersion } from "../../contracts/api.ts";
import { centsOf } from "../cents-of.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";
import { budgetJson } from "../to-contract.ts";

/** `PUT /api/ententes/:id/exercises/:year/budget`: replace the lines of the year's draft budget. */
export const saveBudgetRoute: FinanceRoute = (app, deps) => {
  app.put(
    "/api/ententes/:id/exercises/:year/budget",
    {
      schema: {
        summary: "Replace the lines of the year's draft budget (one transaction)",
        tags: ["budget"],
        params: ExerciseParams,
        body: BudgetUpdate,
        response: { 200: BudgetVersion },
      },
    },
    async (request) => {
      const lines = request.body.lines.map((line, index) => ({
        missionId: line.missionId,
        label: line.label,
        section: line.section,
        direction: line.direction,
        receiptKind: line.receiptKind,
        amountCents: centsOf(line.amount, ["lines", index, "amount"]),
        nature: line.nature,
      }));
      const { id, year } = request.params;
      return budgetJson(
        await saveBudget(deps, requirePrincipal(request), id, year, lines, request.body.rowVersion),
      );
    },
  );
};
