import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { updateMission } from "../../app/update-mission.ts";
import { Mission, MissionUpdate } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { missionJson } from "../to-contract.ts";

/** `PUT /api/ententes/:id/missions/:missionId`: edit a mission's name, lead, members and keys. */
export const updateMissionRoute: FinanceRoute = (app, deps) => {
  app.put(
    "/api/ententes/:id/missions/:missionId",
    {
      schema: {
        summary: "Edit a mission: name, lead, members, key per section",
        tags: ["missions"],
        params: EntenteParams.extend({ missionId: IdParam }),
        body: MissionUpdate,
        response: { 200: Mission },
      },
    },
    async (request) => {
      const { rowVersion, ...change } = request.body;
      return missionJson(
        await updateMission(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.missionId,
          change,
          rowVersion,
        ),
      );
    },
  );
};
