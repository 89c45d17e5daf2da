import type { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { saveSettlement } from "../../app/save-settlement.ts";
import { Settlement, SettlementUpdate } from "../../contracts/api.ts";
import type { SettlementChange } from "../../domain/settlement-change.ts";
import { centsOf } from "../cents-of.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { ExerciseParams } from "../route-params.ts";
import { settlementJson } from "../to-contract.ts";

/** The request's advances and adjustments with their amounts in cents (adjustments signed). */
function settlementOf(body: z.infer<typeof SettlementUpdate>): SettlementChange {
  return {
    advances: body.advances.map((a, i) => ({
      id: a.id,
      label: a.label,
      memberId: a.memberId,
      keyId: a.keyId,
      amountCents: centsOf(a.amount, ["advances", i, "amount"]),
    })),
    adjustments: body.adjustments.map((a, i) => ({
      id: a.id,
      label: a.label,
      amounts: a.amounts.map((x, j) => ({
        memberId: x.memberId,
        amountCents: centsOf(x.amount, ["adjustments", i, "amounts", j, "amount"], true),
      })),
    })),
  };
}

/** `PUT /api/ententes/:id/exercises/:year/settlement`: replace the advances and adjustments. */
export const saveSettlementRoute: FinanceRoute = (app, deps) => {
  app.put(
    "/api/ententes/:id/exercises/:year/settlement",
    {
      schema: {
        summary: "Replace the advances and adjustments of an exercise (one transaction)",
        tags: ["budget"],
        params: ExerciseParams,
        body: SettlementUpdate,
        response: { 200: Settlement },
      },
    },
    async (request) => {
      const { id, year } = request.params;
      const settlement = settlementOf(request.body);
      return settlementJson(
        await saveSettlement(deps, requirePrincipal(request), id, year, settlement, request.body.rowVersion),
      );
    },
  );
};
