import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { readEntente } from "../../app/read-entente.ts";
import { Mission } from "../../contracts/api.ts";
import { EntenteError, localized } from "../../errors.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { missionJson } from "../to-contract.ts";

/** `GET /api/ententes/:id/missions/:missionId/plan`: a mission and its current service plan. */
export const getMissionRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/missions/:missionId/plan",
    {
      schema: {
        summary: "A mission and its current service plan",
        tags: ["missions"],
        params: EntenteParams.extend({ missionId: IdParam }),
        response: { 200: Mission },
      },
    },
    async (request) => {
      const view = await readEntente(deps, requirePrincipal(request), request.params.id);
      const mission = view.missions.find((m) => m.id === request.params.missionId);
      if (mission === undefined)
        throw new EntenteError("resource.not_found", {
          what: localized("mission", "mission"),
          id: request.params.missionId,
        });
      return missionJson(mission);
    },
  );
};
