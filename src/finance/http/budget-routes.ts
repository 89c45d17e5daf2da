import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import type { FinanceDeps } from "../app/finance-deps.ts";
import { registerFinanceRoutes } from "./register-finance-routes.ts";
import { createAmendingBudgetRoute } from "./routes/create-amending-budget-route.ts";
import { exportBudgetRoute } from "./routes/export-budget-route.ts";
import { getBudgetReportRoute } from "./routes/get-budget-report-route.ts";
import { getBudgetRoute } from "./routes/get-budget-route.ts";
import { getDeliberationRoute } from "./routes/get-deliberation-route.ts";
import { getSettlementRoute } from "./routes/get-settlement-route.ts";
import { openExerciseRoute } from "./routes/open-exercise-route.ts";
import { saveBudgetRoute } from "./routes/save-budget-route.ts";
import { saveSettlementRoute } from "./routes/save-settlement-route.ts";

/** Opening an exercise; the year's budget (lines, edit), its settlement, its deliberation tables and their downloads, each member's deliberation draft. */
export function createBudgetRoutes(deps: FinanceDeps): RouteRegistrar {
  return registerFinanceRoutes(
    [
      openExerciseRoute,
      getBudgetRoute,
      saveBudgetRoute,
      getSettlementRoute,
      saveSettlementRoute,
      createAmendingBudgetRoute,
      getBudgetReportRoute,
      exportBudgetRoute,
      getDeliberationRoute,
    ],
    deps,
  );
}
