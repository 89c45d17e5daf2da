import { requirePrincipal } from "../../../access/index.ts";
import { readSettlement } from "../../app/read-settlement.ts";
import { Settlement } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";
import { settlementJson } from "../to-contract.ts";

/** `GET /api/ententes/:id/exercises/:year/settlement`: the exercise's advances and adjustments. */
export const getSettlementRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/exercises/:year/settlement",
    {
      schema: {
        summary: "Advances and adjustments of an exercise",
        tags: ["budget"],
        params: ExerciseParams,
        response: { 200: Settlement },
      },
    },
    async (request) =>
      settlementJson(
        await readSettlement(deps, requirePrincipal(request), request.params.id, request.params.year),
      ),
  );
};
