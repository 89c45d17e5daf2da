import { requirePrincipal } from "../../../access/index.ts";
import { createAmendingBudget } from "../../app/create-amending-budget.ts";
import { BudgetVersion } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";
import { budgetJson } from "../to-contract.ts";

/** `POST /api/ententes/:id/exercises/:year/budget/versions`: open a décision modificative (201). */
export const createAmendingBudgetRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/exercises/:year/budget/versions",
    {
      schema: {
        summary: "Open an amending budget (décision modificative) from the adopted one",
        tags: ["budget"],
        params: ExerciseParams,
        response: { 201: BudgetVersion },
      },
    },
    async (request, reply) => {
      const budget = await createAmendingBudget(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.year,
      );
      return reply.code(201).send(budgetJson(budget));
    },
  );
};
