import { requirePrincipal } from "../../../access/index.ts";
import { IdParam, YearParam } from "../../../shared/contract-primitives.ts";
import { recordPayment } from "../../app/record-payment.ts";
import { FundCall, PaymentCreate } from "../../contracts/api.ts";
import { centsOf } from "../cents-of.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { fundCallJson } from "../to-contract.ts";

/** `POST /api/ententes/:id/fund-calls/:year/:memberId/payments`: record a payment (201). */
export const recordPaymentRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/fund-calls/:year/:memberId/payments",
    {
      schema: {
        summary: "Record a payment against a member's fund call",
        tags: ["fund calls"],
        params: EntenteParams.extend({ year: YearParam, memberId: IdParam }),
        body: PaymentCreate,
        response: { 201: FundCall },
      },
    },
    async (request, reply) => {
      const amountCents = centsOf(request.body.amount, ["amount"]);
      const { id, year, memberId } = request.params;
      const call = await recordPayment(deps, requirePrincipal(request), id, year, memberId, {
        amountCents,
        paidOn: request.body.paidOn,
        reference: request.body.reference,
      });
      return reply.code(201).send(fundCallJson(call));
    },
  );
};
