import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { readEntente } from "../../app/read-entente.ts";
import { updatePercentKey } from "../../app/update-percent-key.ts";
import { AllocationKey, PercentKeyUpdate } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { ententeJson } from "../to-contract.ts";

/** `PUT /api/ententes/:id/keys/:keyId`: edit a percent key; answers the key with its resolved shares. */
export const updateKeyRoute: FinanceRoute = (app, deps) => {
  app.put(
    "/api/ententes/:id/keys/:keyId",
    {
      schema: {
        summary: "Edit a percent allocation key (rates sum to exactly 100)",
        tags: ["keys"],
        params: EntenteParams.extend({ keyId: IdParam }),
        body: PercentKeyUpdate,
        response: { 200: AllocationKey },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const { rowVersion, ...change } = request.body;
      await updatePercentKey(deps, principal, request.params.id, request.params.keyId, change, rowVersion);
      const view = ententeJson(await readEntente(deps, principal, request.params.id));
      return view.keys.find((k) => k.id === request.params.keyId) ?? view.keys[0];
    },
  );
};
