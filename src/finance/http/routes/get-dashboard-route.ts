import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { negotiateLanguage } from "../../../platform/http/negotiate-language.ts";
import { YearParam } from "../../../shared/contract-primitives.ts";
import { getDashboard } from "../../app/get-dashboard.ts";
import { Dashboard } from "../../contracts/api.ts";
import { formatMessage } from "../../errors.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { dashboardJson } from "../to-contract.ts";

/** `GET /api/ententes/:id/dashboard?year=`: the year at a glance, problems in the reader's language. */
export const getDashboardRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/dashboard",
    {
      schema: {
        summary: "The year at a glance",
        tags: ["ententes"],
        params: EntenteParams,
        querystring: z.object({ year: YearParam.optional() }),
        response: { 200: Dashboard },
      },
    },
    async (request) => {
      const view = await getDashboard(deps, requirePrincipal(request), request.params.id, request.query.year);
      const lang = negotiateLanguage(request.headers["accept-language"]);
      return dashboardJson(view, (issue) => formatMessage(issue.code, issue.details, lang));
    },
  );
};
