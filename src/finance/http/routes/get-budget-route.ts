import { requirePrincipal } from "../../../access/index.ts";
import { readBudget } from "../../app/read-budget.ts";
import { BudgetVersion } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";
import { budgetJson } from "../to-contract.ts";

/** `GET /api/ententes/:id/exercises/:year/budget`: the year's latest budget version. */
export const getBudgetRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/exercises/:year/budget",
    {
      schema: {
        summary: "The year's latest budget version",
        tags: ["budget"],
        params: ExerciseParams,
        response: { 200: BudgetVersion },
      },
    },
    async (request) =>
      budgetJson(await readBudget(deps, requirePrincipal(request), request.params.id, request.params.year)),
  );
};
