import { requirePrincipal } from "../../../access/index.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { setKeyPeriod } from "../../app/set-key-period.ts";
import { KeyPeriodInput } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";

/** `PUT /api/ententes/:id/keys/:keyId/periods`: change a key (rates, weights or criteria) from a named exercise on (204). */
export const setKeyPeriodRoute: FinanceRoute = (app, deps) => {
  app.put(
    "/api/ententes/:id/keys/:keyId/periods",
    {
      schema: {
        summary:
          "Change a key (rates, weights or criteria) from a named exercise on; earlier years keep theirs",
        tags: ["keys"],
        params: EntenteParams.extend({ keyId: IdParam }),
        body: KeyPeriodInput,
      },
    },
    async (request, reply) => {
      await setKeyPeriod(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.keyId,
        request.body,
      );
      return reply.code(204).send();
    },
  );
};
