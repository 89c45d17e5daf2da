import { requirePrincipal } from "../../../access/index.ts";
import { createDecision } from "../../app/create-decision.ts";
import { Decision, DecisionCreate } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { decisionJson } from "../to-contract.ts";

/** `POST /api/ententes/:id/decisions`: record a decision (201); a budget's approval opens its ratifications. */
export const createDecisionRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/decisions",
    {
      schema: {
        summary: "Record a conference decision (a budget's approval opens its ratifications)",
        tags: ["decisions"],
        params: EntenteParams,
        body: DecisionCreate,
        response: { 201: Decision },
      },
    },
    async (request, reply) => {
      const decision = await createDecision(deps, requirePrincipal(request), request.params.id, request.body);
      return reply.code(201).send(decisionJson(decision));
    },
  );
};
