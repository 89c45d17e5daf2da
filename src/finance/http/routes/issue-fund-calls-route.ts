import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { YearParam } from "../../../shared/contract-primitives.ts";
import { issueFundCalls } from "../../app/issue-fund-calls.ts";
import { FundCall, FundCallIssue } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { fundCallJson } from "../to-contract.ts";

/** `POST /api/ententes/:id/fund-calls/:year`: issue the year's fund calls (201). */
export const issueFundCallsRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/fund-calls/:year",
    {
      schema: {
        summary: "Issue the year's fund calls (the budget must be adopted)",
        tags: ["fund calls"],
        params: EntenteParams.extend({ year: YearParam }),
        body: FundCallIssue,
        response: { 201: z.array(FundCall) },
      },
    },
    async (request, reply) => {
      const { id, year } = request.params;
      const calls = await issueFundCalls(deps, requirePrincipal(request), id, year, request.body.dueOn);
      return reply.code(201).send(calls.map(fundCallJson));
    },
  );
};
