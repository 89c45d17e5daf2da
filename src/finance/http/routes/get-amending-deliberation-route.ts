import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { CalendarDate } from "../../../shared/calendar-date.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { readAmendingDeliberation } from "../../app/read-amending-deliberation.ts";
import { buildAmendingDeliberationBlocks } from "../../formats/amending-deliberation-blocks.ts";
import { renderBlocksPdf } from "../../formats/render-blocks-pdf.ts";
import { ODT_MEDIA_TYPE, renderOdt } from "../../formats/render-odt.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";

/**
 * `GET /api/ententes/:id/exercises/:year/amending-budget/members/:member/deliberation.odt` (and
 * `.pdf`): the member's deliberation draft on the year's latest amending budget — what changes
 * (before / DM / after), its complementary contribution or credit, "approuve …" and the chapter
 * to charge. The secretariat's (as the comparison). `?operation=` prints the member's budget
 * operation in the imputation, `?conventionDate=` the convention's date in the visas.
 */
export const getAmendingDeliberationRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/exercises/:year/amending-budget/members/:member/deliberation.:format",
    {
      schema: {
        summary: "A member's deliberation draft on the amending budget (ODT or PDF)",
        tags: ["budget"],
        params: ExerciseParams.extend({ member: IdParam, format: z.enum(["odt", "pdf"]) }),
        querystring: z.object({
          operation: z
            .string()
            .regex(/^[\p{L}\p{N} ./-]{1,40}$/u, {
              message: "numéro d'opération (40 caractères au plus) attendu",
            })
            .optional(),
          conventionDate: CalendarDate.optional(),
        }),
      },
    },
    async (request, reply) => {
      const { id, year, member, format } = request.params;
      const data = await readAmendingDeliberation(deps, requirePrincipal(request), {
        ententeId: id,
        year,
        member,
      });
      const { operation, conventionDate } = request.query;
      const blocks = buildAmendingDeliberationBlocks({
        data,
        context: {
          ...(operation === undefined ? {} : { operation }),
          ...(conventionDate === undefined ? {} : { conventionSignedOn: conventionDate }),
        },
      });
      const unit = data.entente.rounding.unit;
      const name = `deliberation-${id}-${year}-dm${data.dmNumber}-${member}.${format}`;
      const body =
        format === "odt"
          ? renderOdt(blocks, unit)
          : await renderBlocksPdf(blocks, {
              unit,
              title: `Décision modificative n° ${data.dmNumber} au budget ${year}`,
            });
      return reply
        .type(format === "odt" ? ODT_MEDIA_TYPE : "application/pdf")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(body);
    },
  );
};
