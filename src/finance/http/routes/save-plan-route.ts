import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { saveServicePlan } from "../../app/save-service-plan.ts";
import { Mission, ServicePlanInput } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { missionJson } from "../to-contract.ts";

/** `POST /api/ententes/:id/missions/:missionId/plan`: a new version of the mission's service plan. */
export const savePlanRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/missions/:missionId/plan",
    {
      schema: {
        summary: "Save a new version of a mission's service plan",
        tags: ["missions"],
        params: EntenteParams.extend({ missionId: IdParam }),
        body: ServicePlanInput,
        response: { 200: Mission },
      },
    },
    async (request) => {
      const { basedOnVersion, ...plan } = request.body;
      return missionJson(
        await saveServicePlan(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.missionId,
          plan,
          basedOnVersion,
        ),
      );
    },
  );
};
