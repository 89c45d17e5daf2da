import type { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { centsToEuroText } from "../../../shared/money.ts";
import { parsePercentUnits } from "../../../shared/money-input.ts";
import { type AlternativeInput, simulateEntenteKeys } from "../../app/simulate-keys.ts";
import { KeySimulation, KeySimulationRequest } from "../../contracts/api.ts";
import type { KeyBasis } from "../../domain/entente.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";

type Alternative = z.infer<typeof KeySimulationRequest>["alternatives"][number];

/** The basis an alternative gives (percent rates or integer weights), or null for `basedOn`. */
function basisOf(a: Alternative): KeyBasis | null {
  if (a.percent !== undefined)
    return {
      kind: "percent",
      shares: a.percent.map((s) => ({
        member: s.memberId,
        tenThousandths: parsePercentUnits(s.value) ?? 0n,
      })),
    };
  if (a.weights !== undefined)
    return {
      kind: "weights",
      shares: a.weights.map((s) => ({ member: s.memberId, weight: BigInt(s.value) })),
    };
  return null;
}

/** The request's alternative as the use case reads it. */
function toAlternative(a: Alternative): AlternativeInput {
  const people = {
    label: a.label,
    ...(a.joining === undefined ? {} : { joining: a.joining }),
    ...(a.leaving === undefined ? {} : { leaving: a.leaving }),
    ...(a.newcomers === undefined ? {} : { newcomers: a.newcomers }),
  };
  if (a.usage !== undefined) return { ...people, usage: a.usage };
  const basis = basisOf(a);
  return basis === null ? { ...people, basedOn: a.basedOn ?? "" } : { ...people, basis };
}

/** `POST /api/ententes/:id/key-simulations`: the key simulator; nothing is saved. */
export const simulateKeysRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/key-simulations",
    {
      schema: {
        summary: "Simulate each member's contribution under alternative keys (nothing is saved)",
        tags: ["keys"],
        params: EntenteParams,
        body: KeySimulationRequest,
        response: { 200: KeySimulation },
      },
    },
    async (request) => {
      const { year, keyId, alternatives } = request.body;
      const simulation = await simulateEntenteKeys(deps, requirePrincipal(request), request.params.id, {
        year,
        keyId,
        alternatives: alternatives.map(toAlternative),
      });
      return {
        year: simulation.year,
        keyId: simulation.key,
        columns: [...simulation.columns],
        rows: simulation.rows.map((r) => ({
          memberId: r.member,
          name: r.name,
          amounts: r.amounts.map((a) => centsToEuroText(a)),
        })),
        totals: simulation.totals.map((a) => centsToEuroText(a)),
      };
    },
  );
};
