import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { recordRatification } from "../../app/record-ratification.ts";
import { Decision, RatificationUpdate } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { decisionJson } from "../to-contract.ts";

/** `PUT /api/ententes/:id/decisions/:decisionId/ratifications/:memberId`: a member's deliberation. */
export const recordRatificationRoute: FinanceRoute = (app, deps) => {
  app.put(
    "/api/ententes/:id/decisions/:decisionId/ratifications/:memberId",
    {
      schema: {
        summary: "Record a member's deliberation (délibération concordante)",
        tags: ["decisions"],
        params: EntenteParams.extend({ decisionId: z.string().regex(/^\d+$/), memberId: IdParam }),
        body: RatificationUpdate,
        response: { 200: Decision },
      },
    },
    async (request) => {
      const { rowVersion, ...change } = request.body;
      const { id, decisionId, memberId } = request.params;
      return decisionJson(
        await recordRatification(
          deps,
          requirePrincipal(request),
          id,
          decisionId,
          memberId,
          change,
          rowVersion,
        ),
      );
    },
  );
};
