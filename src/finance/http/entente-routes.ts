import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import type { FinanceDeps } from "../app/finance-deps.ts";
import { registerFinanceRoutes } from "./register-finance-routes.ts";
import { addMemberRoute } from "./routes/add-member-route.ts";
import {
  applyEntenteFileRoute,
  getEntenteFileRoute,
  previewEntenteFileRoute,
} from "./routes/entente-file-routes.ts";
import { getDashboardRoute } from "./routes/get-dashboard-route.ts";
import { getEntenteRoute } from "./routes/get-entente-route.ts";
import { getMemberStatementDocumentRoute } from "./routes/get-member-statement-document-route.ts";
import { getMemberStatementRoute } from "./routes/get-member-statement-route.ts";
import { getMissionRoute } from "./routes/get-mission-route.ts";
import { listEntentesRoute } from "./routes/list-ententes-route.ts";
import { listPlanVersionsRoute } from "./routes/list-plan-versions-route.ts";
import { savePlanRoute } from "./routes/save-plan-route.ts";
import { setKeyPeriodRoute } from "./routes/set-key-period-route.ts";
import { simulateKeysRoute } from "./routes/simulate-keys-route.ts";
import { updateKeyRoute } from "./routes/update-key-route.ts";
import { updateMemberRoute } from "./routes/update-member-route.ts";
import { updateMissionRoute } from "./routes/update-mission-route.ts";
import { usageKeyRoute } from "./routes/usage-key-route.ts";

/** Ententes, dashboard, members, keys, missions, service plans and the entente file (one function per route). */
export function createEntenteRoutes(deps: FinanceDeps): RouteRegistrar {
  return registerFinanceRoutes(
    [
      listEntentesRoute,
      getEntenteRoute,
      getDashboardRoute,
      addMemberRoute,
      updateMemberRoute,
      getMemberStatementRoute,
      getMemberStatementDocumentRoute,
      updateKeyRoute,
      setKeyPeriodRoute,
      simulateKeysRoute,
      getMissionRoute,
      updateMissionRoute,
      listPlanVersionsRoute,
      savePlanRoute,
      getEntenteFileRoute,
      previewEntenteFileRoute,
      applyEntenteFileRoute,
      usageKeyRoute,
    ],
    deps,
  );
}
