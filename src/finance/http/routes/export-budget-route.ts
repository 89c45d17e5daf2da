import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { negotiateLanguage } from "../../../platform/http/negotiate-language.ts";
import { readBudgetReport } from "../../app/read-budget-report.ts";
import { ExportFormat } from "../../contracts/api.ts";
import { EntenteError } from "../../errors.ts";
import { renderBudgetDocument } from "../../formats/render-budget-document.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";

/**
 * `GET /api/ententes/:id/budget/:year/export.:format`: the deliberation tables as a download
 * (CSV with a byte order mark, for spreadsheet programs), in `?lang=` or the browser's language.
 */
export const exportBudgetRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/budget/:year/export.:format",
    {
      schema: {
        summary: "Download the deliberation tables (XLSX, ODS, CSV, PDF, Markdown, JSON)",
        tags: ["budget"],
        params: ExerciseParams.extend({ format: ExportFormat }),
        querystring: z.object({ lang: z.enum(["fr", "en"]).optional() }),
      },
    },
    async (request, reply) => {
      const { id, year, format } = request.params;
      const report = await readBudgetReport(deps, requirePrincipal(request), id, year);
      const lang = request.query.lang ?? negotiateLanguage(request.headers["accept-language"]);
      const document = await renderBudgetDocument(report, format, lang, { bom: true });
      if (document === null) throw new EntenteError("resource.not_found", { what: "table", id: "" });
      return reply
        .type(document.mediaType)
        .header("content-disposition", `attachment; filename="budget-${id}-${year}.${format}"`)
        .send(document.body);
    },
  );
};
