import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { readDeliberationDraft } from "../../app/read-deliberation-draft.ts";
import { buildDeliberationBlocks } from "../../formats/deliberation-blocks.ts";
import { ODT_MEDIA_TYPE, renderOdt } from "../../formats/render-odt.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";

/**
 * `GET /api/ententes/:id/exercises/:year/members/:member/deliberation.odt`: the member's
 * deliberation draft (OpenDocument Text), for whoever may read the year's budget report.
 * `?operation=` prints the member's budget operation in the imputation.
 */
export const getDeliberationRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/exercises/:year/members/:member/deliberation.odt",
    {
      schema: {
        summary:
          "A member's deliberation draft (ODT): visas, missions, budget, its contribution and imputation",
        tags: ["budget"],
        params: ExerciseParams.extend({ member: IdParam }),
        querystring: z.object({
          operation: z
            .string()
            .regex(/^[\p{L}\p{N} ./-]{1,40}$/u, {
              message: "numéro d'opération (40 caractères au plus) attendu",
            })
            .optional(),
        }),
      },
    },
    async (request, reply) => {
      const { id, year, member } = request.params;
      const draft = await readDeliberationDraft(deps, requirePrincipal(request), {
        ententeId: id,
        year,
        member,
      });
      const { operation } = request.query;
      const body = renderOdt(
        buildDeliberationBlocks({
          ...draft,
          context: {
            conferenceDates: draft.conferenceDates,
            ...(operation === undefined ? {} : { operation }),
          },
        }),
        draft.report.roundingUnit,
      );
      return reply
        .type(ODT_MEDIA_TYPE)
        .header("content-disposition", `attachment; filename="deliberation-${id}-${year}-${member}.odt"`)
        .send(body);
    },
  );
};
