import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { readMemberStatementDocument } from "../../app/read-member-statement-document.ts";
import { ODT_MEDIA_TYPE, renderOdt } from "../../formats/render-odt.ts";
import { renderPdf } from "../../formats/render-pdf.ts";
import { buildStatementBlocks, statementTable } from "../../formats/statement-blocks.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";

/**
 * `GET /api/ententes/:id/members/:memberId/statement.odt` and `.pdf`: the member's multi-year
 * statement (called, paid, due by call year, totals, what it still owes) as a document — ODT
 * (render-odt.ts, opened by LibreOffice) or PDF (pdfmake, render-pdf.ts). Same access as the
 * statement.
 */
export const getMemberStatementDocumentRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/members/:memberId/statement.:format",
    {
      schema: {
        summary: "A member's multi-year statement as ODT or PDF",
        tags: ["members"],
        params: EntenteParams.extend({ memberId: IdParam, format: z.enum(["odt", "pdf"]) }),
      },
    },
    async (request, reply) => {
      const { id, memberId, format } = request.params;
      const input = await readMemberStatementDocument(deps, requirePrincipal(request), id, memberId);
      const unit = input.entente.rounding.unit;
      const name = input.entente.members.find((m) => m.id === memberId)?.name ?? memberId;
      const body =
        format === "odt"
          ? renderOdt(buildStatementBlocks(input), unit)
          : await renderPdf([statementTable(input.statement)], {
              lang: "fr",
              unit,
              heading: `Relevé de compte pluriannuel — ${name} — ${input.entente.name}`,
            });
      return reply
        .type(format === "odt" ? ODT_MEDIA_TYPE : "application/pdf")
        .header("content-disposition", `attachment; filename="releve-${id}-${memberId}.${format}"`)
        .send(body);
    },
  );
};
