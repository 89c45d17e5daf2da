import { requirePrincipal } from "../../../access/index.ts";
import { IdParam, YearParam } from "../../../shared/contract-primitives.ts";
import { recordRefund } from "../../app/record-refund.ts";
import { FundCall, RefundCreate } from "../../contracts/api.ts";
import { centsOf } from "../cents-of.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { fundCallJson } from "../to-contract.ts";

/**
 * `POST /api/ententes/:id/fund-calls/:year/:memberId/refunds`: record the refund of a trop-perçu
 * (mandat de remboursement) with its date and reference (201); the secretariat's only; at most
 * the trop-perçu (`refund.exceeds_overpayment`, 422 at `amount`).
 */
export const recordRefundRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/fund-calls/:year/:memberId/refunds",
    {
      schema: {
        summary: "Record the refund of a trop-perçu to a member (mandat de remboursement)",
        tags: ["fund calls"],
        params: EntenteParams.extend({ year: YearParam, memberId: IdParam }),
        body: RefundCreate,
        response: { 201: FundCall },
      },
    },
    async (request, reply) => {
      const amountCents = centsOf(request.body.amount, ["amount"]);
      const { id, year, memberId } = request.params;
      const call = await recordRefund(deps, requirePrincipal(request), id, year, memberId, {
        amountCents,
        refundedOn: request.body.refundedOn,
        reference: request.body.reference,
      });
      return reply.code(201).send(fundCallJson(call));
    },
  );
};
