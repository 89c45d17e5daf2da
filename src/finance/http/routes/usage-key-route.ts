import { requirePrincipal } from "../../../access/index.ts";
import { computeUsageKey, type UsageKeyResult } from "../../app/compute-usage-key.ts";
import { UsageKey, UsageKeyRequest } from "../../contracts/usage-key-api.ts";
import { sharePercentText } from "../../domain/exact-shares.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";

/** The usage key as the API answers it (integers and exact shares as text). */
export function usageKeyJson(result: UsageKeyResult) {
  const { values: _values, ...figures } = result.figures;
  return {
    keyId: result.keyId,
    year: result.year,
    ...figures,
    source: result.source,
    frozen: result.frozen,
    members: result.shares.map((s) => ({
      memberId: s.member,
      seats: String(s.seats),
      measured: String(s.measured),
      weight: String(s.weight),
      share: `${s.share[0]}/${s.share[1]}`,
      percent: sharePercentText(
        { members: [s.member], numerators: [s.share[0]], denominator: s.share[1] },
        0,
      ),
    })),
  };
}

/**
 * `POST /api/ententes/:id/usage-keys`: compute (and with `freeze`, store from `year`) a mission's
 * usage key from a workplace service's seats or measured usage. Reading: `read-drafts`; freezing:
 * the secretariat (`edit-key`).
 */
export const usageKeyRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/usage-keys",
    {
      schema: {
        summary: "Compute a mission's usage key from a workplace service's usage; freeze it from a year",
        tags: ["keys"],
        params: EntenteParams,
        body: UsageKeyRequest,
        response: { 200: UsageKey },
      },
    },
    async (request) => {
      const result = await computeUsageKey(deps, requirePrincipal(request), request.params.id, request.body);
      return usageKeyJson(result);
    },
  );
};
