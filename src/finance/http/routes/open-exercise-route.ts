import { requirePrincipal } from "../../../access/index.ts";
import { openExercise } from "../../app/open-exercise.ts";
import { BudgetVersion, ExerciseOpening } from "../../contracts/api.ts";
import type { Section } from "../../domain/entente.ts";
import { centsOf } from "../cents-of.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { budgetJson } from "../to-contract.ts";

/** The carry-over of the body in cents (signed: a deficit is negative), by section. */
function carryOverCents(
  carryOver: { readonly [S in Section]?: string | undefined } = {},
): Partial<Record<Section, bigint>> {
  const cents: Partial<Record<Section, bigint>> = {};
  for (const section of ["investissement", "fonctionnement"] as const) {
    const amount = carryOver[section];
    if (amount !== undefined) cents[section] = centsOf(amount, ["carryOver", section], true);
  }
  return cents;
}

/** `POST /api/ententes/:id/exercises`: open exercise N+1 from N as a draft budget (201). */
export const openExerciseRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/exercises",
    {
      schema: {
        summary: "Open exercise N+1 from N: N's lines as a draft, N's result carried over",
        tags: ["budget"],
        params: EntenteParams,
        body: ExerciseOpening,
        response: { 201: BudgetVersion },
      },
    },
    async (request, reply) => {
      const { from, calledIn, carryOver } = request.body;
      const budget = await openExercise(deps, requirePrincipal(request), request.params.id, from, {
        ...(calledIn === undefined ? {} : { calledIn }),
        carryOver: carryOverCents(carryOver),
      });
      return reply.code(201).send(budgetJson(budget));
    },
  );
};
