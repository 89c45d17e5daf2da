import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { readFundCallDocument } from "../../app/read-fund-call-document.ts";
import { buildFundCallBlocks } from "../../formats/fund-call-blocks.ts";
import { ODT_MEDIA_TYPE, renderOdt } from "../../formats/render-odt.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";

/**
 * `GET /api/ententes/:id/fund-calls/:year/:member/fund-call.odt`: an issued fund call as an
 * OpenDocument Text file (amounts by section, recall, adjustments, due date, reference; the complementary calls and
 * reductions of amending budgets, referring to the original call).
 */
export const getFundCallDocumentRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/fund-calls/:year/:member/fund-call.odt",
    {
      schema: {
        summary: "A member's issued fund call as ODT",
        tags: ["fund calls"],
        params: ExerciseParams.extend({ member: IdParam }),
      },
    },
    async (request, reply) => {
      const { id, year, member } = request.params;
      const data = await readFundCallDocument(deps, requirePrincipal(request), {
        ententeId: id,
        year,
        member,
      });
      const { dueOn, reference, amountCents, corrections, payments, refunds } = data.issued;
      const issued = {
        year: data.issued.year,
        reference,
        amountCents,
        corrections,
        paidCents: payments.reduce((s, p) => s + p.amountCents, 0n),
        refunds,
      };
      const context = {
        ...(dueOn === null ? {} : { dueOn }),
        ...(reference === null ? {} : { reference }),
        issued,
      };
      const body = renderOdt(buildFundCallBlocks({ ...data, context }), data.report.roundingUnit);
      return reply
        .type(ODT_MEDIA_TYPE)
        .header("content-disposition", `attachment; filename="appel-de-fonds-${id}-${year}-${member}.odt"`)
        .send(body);
    },
  );
};
