import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { listDecisions } from "../../app/list-decisions.ts";
import { Decision } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { decisionJson } from "../to-contract.ts";

/** `GET /api/ententes/:id/decisions`: the conference's decisions with each member's ratification. */
export const listDecisionsRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/decisions",
    {
      schema: {
        summary: "Decisions of the conference with each member's ratification",
        tags: ["decisions"],
        params: EntenteParams,
        response: { 200: z.array(Decision) },
      },
    },
    async (request) =>
      (await listDecisions(deps, requirePrincipal(request), request.params.id)).map(decisionJson),
  );
};
