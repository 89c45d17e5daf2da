import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { YearParam } from "../../../shared/contract-primitives.ts";
import { listFundCalls } from "../../app/list-fund-calls.ts";
import { FundCall } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { fundCallJson } from "../to-contract.ts";

/** `GET /api/ententes/:id/fund-calls?year=`: fund calls with payments and what is due. */
export const listFundCallsRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/fund-calls",
    {
      schema: {
        summary: "Fund calls with payments and what is due",
        tags: ["fund calls"],
        params: EntenteParams,
        querystring: z.object({ year: YearParam.optional() }),
        response: { 200: z.array(FundCall) },
      },
    },
    async (request) =>
      (
        await listFundCalls(deps, requirePrincipal(request), request.params.id, request.query.year ?? null)
      ).map(fundCallJson),
  );
};
