import { requirePrincipal } from "../../../access/index.ts";
import { readBudgetReport } from "../../app/read-budget-report.ts";
import { renderJson } from "../../formats/render-json.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";

/** `GET /api/ententes/:id/budget/:year/report`: the deliberation tables as JSON (the CLI's `--format json`). */
export const getBudgetReportRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/budget/:year/report",
    {
      schema: {
        summary: "Deliberation tables (annex, split, recalls, fund calls) as JSON — the CLI's --format json",
        tags: ["budget"],
        params: ExerciseParams,
      },
    },
    async (request, reply) => {
      const report = await readBudgetReport(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.year,
      );
      return reply.type("application/json; charset=utf-8").send(renderJson(report));
    },
  );
};
