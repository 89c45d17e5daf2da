import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import type { FinanceDeps } from "../app/finance-deps.ts";
import { registerFinanceRoutes } from "./register-finance-routes.ts";
import { cancelPaymentRoute } from "./routes/cancel-payment-route.ts";
import { createDecisionRoute } from "./routes/create-decision-route.ts";
import { getFundCallDocumentRoute } from "./routes/get-fund-call-document-route.ts";
import { issueFundCallsRoute } from "./routes/issue-fund-calls-route.ts";
import { listAuditRoute } from "./routes/list-audit-route.ts";
import { listDecisionsRoute } from "./routes/list-decisions-route.ts";
import { listFundCallsRoute } from "./routes/list-fund-calls-route.ts";
import { recordPaymentRoute } from "./routes/record-payment-route.ts";
import { recordRatificationRoute } from "./routes/record-ratification-route.ts";
import { recordRefundRoute } from "./routes/record-refund-route.ts";

/** Conference decisions and ratifications, fund calls and payments, the audit trail. */
export function createActivityRoutes(deps: FinanceDeps): RouteRegistrar {
  return registerFinanceRoutes(
    [
      listDecisionsRoute,
      createDecisionRoute,
      recordRatificationRoute,
      listFundCallsRoute,
      issueFundCallsRoute,
      getFundCallDocumentRoute,
      recordPaymentRoute,
      cancelPaymentRoute,
      recordRefundRoute,
      listAuditRoute,
    ],
    deps,
  );
}
