import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { listServicePlans } from "../../app/list-service-plans.ts";
import { ServicePlan } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";

/** `GET /api/ententes/:id/missions/:missionId/plan/versions`: every version, newest first. */
export const listPlanVersionsRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/missions/:missionId/plan/versions",
    {
      schema: {
        summary: "Every version of a mission's service plan, newest first",
        tags: ["missions"],
        params: EntenteParams.extend({ missionId: IdParam }),
        response: { 200: z.array(ServicePlan) },
      },
    },
    async (request) => {
      const plans = await listServicePlans(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.missionId,
      );
      return plans.map((p) => ({
        ...p,
        milestones: [...p.milestones],
        steeringCommittee: [...p.steeringCommittee],
        createdAt: p.createdAt.toISOString(),
      }));
    },
  );
};
