import { requirePrincipal } from "../../../access/index.ts";
import { listEntentes } from "../../app/list-ententes.ts";
import { EntenteList } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";

/** `GET /api/ententes`: the ententes the signed-in person belongs to. */
export const listEntentesRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes",
    {
      schema: {
        summary: "Ententes the signed-in person belongs to",
        tags: ["ententes"],
        response: { 200: EntenteList },
      },
    },
    async (request) =>
      (await listEntentes(deps, requirePrincipal(request))).map((e) => ({ ...e, years: [...e.years] })),
  );
};
