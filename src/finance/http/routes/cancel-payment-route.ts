import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { cancelPayment } from "../../app/cancel-payment.ts";
import { FundCall, PaymentCancel } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { fundCallJson } from "../to-contract.ts";

/** `DELETE /api/ententes/:id/payments/:paymentId`: cancel a payment recorded by mistake, with a reason. */
export const cancelPaymentRoute: FinanceRoute = (app, deps) => {
  app.delete(
    "/api/ententes/:id/payments/:paymentId",
    {
      schema: {
        summary: "Cancel a payment recorded by mistake (kept in the audit trail with the reason)",
        tags: ["fund calls"],
        params: EntenteParams.extend({ paymentId: z.string().regex(/^\d+$/) }),
        body: PaymentCancel,
        response: { 200: FundCall },
      },
    },
    async (request) =>
      fundCallJson(
        await cancelPayment(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.paymentId,
          request.body.reason,
        ),
      ),
  );
};
