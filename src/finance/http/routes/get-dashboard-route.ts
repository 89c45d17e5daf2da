import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { negotiateLanguage } from "../../../platform/http/negotiate-language.ts";
import { precomputeJson, sendJsonText } from "../../../platform/http/precomputed-json.ts";
import { YearParam } from "../../../shared/contract-primitives.ts";
import { createDashboardCache } from "../../app/dashboard-cache.ts";
import { Dashboard } from "../../contracts/api.ts";
import { formatMessage } from "../../errors.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { dashboardJson } from "../to-contract.ts";

const ROUTE_URL = "/api/ententes/:id/dashboard";

/**
 * `GET /api/ententes/:id/dashboard?year=`: the year at a glance, problems in the reader's language.
 * The body is checked by the `Dashboard` schema and written once per stored version of the
 * entente, viewer and language (app/dashboard-cache.ts), then sent as is.
 */
export const getDashboardRoute: FinanceRoute = (app, deps) => {
  // Kept as bytes: 240 KB for 1 000 members, sent as they are (no UTF-8 encoding per request).
  const dashboardText = createDashboardCache<Buffer>();
  app.get(
    ROUTE_URL,
    {
      schema: {
        summary: "The year at a glance",
        tags: ["ententes"],
        params: EntenteParams,
        querystring: z.object({ year: YearParam.optional() }),
        response: { 200: Dashboard },
      },
    },
    async (request, reply) => {
      const lang = negotiateLanguage(request.headers["accept-language"]);
      const text = await dashboardText(
        deps,
        requirePrincipal(request),
        { ententeId: request.params.id, year: request.query.year, variant: lang },
        (view) =>
          Buffer.from(
            precomputeJson(
              Dashboard,
              dashboardJson(view, (issue) => formatMessage(issue.code, issue.details, lang)),
              { method: "GET", url: ROUTE_URL },
            ),
          ),
      );
      return sendJsonText(reply, text);
    },
  );
};
