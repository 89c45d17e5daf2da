import { requirePrincipal } from "../../../access/index.ts";
import { readEntente } from "../../app/read-entente.ts";
import { EntenteDetail } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";
import { ententeJson } from "../to-contract.ts";

/** `GET /api/ententes/:id`: members, keys, missions, exercises. */
export const getEntenteRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id",
    {
      schema: {
        summary: "An entente: members, keys, missions, exercises",
        tags: ["ententes"],
        params: EntenteParams,
        response: { 200: EntenteDetail },
      },
    },
    async (request) => ententeJson(await readEntente(deps, requirePrincipal(request), request.params.id)),
  );
};
