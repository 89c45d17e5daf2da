import { assertCan, type Principal } from "../../access/index.ts";
import type { Entente, KeyBasis } from "../domain/entente.ts";
import { keyAt } from "../domain/key-at-year.ts";
import { belongsIn } from "../domain/membership.ts";
import { type KeyAlternative, type KeySimulation, simulateKeys } from "../domain/simulate-keys.ts";
import { EntenteError, localized } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/** An alternative as the API gives it: another key of the entente, a basis of its own, or a service's usage. */
export type AlternativeInput = Omit<KeyAlternative, "basis"> &
  ({ basedOn: string } | { basis: KeyBasis } | { usage: { service: string; metric: string } });

/**
 * A usage basis for the simulator: the service's figures over the year for the members the key
 * would share among (participants of its missions belonging that year, with those joining).
 * @throws EntenteError `entente.unknown_reference` (service).
 */
async function usageBasis(
  deps: Pick<FinanceDeps, "usage" | "clock">,
  ententeId: string,
  entente: Entente,
  request: { year: number; keyId: string },
  alternative: Omit<KeyAlternative, "basis"> & { usage: { service: string; metric: string } },
): Promise<KeyBasis> {
  const joining = new Set(alternative.joining ?? []);
  const leaving = new Set(alternative.leaving ?? []);
  const participants = new Set(
    entente.missions
      .filter((m) => m.keys.investissement === request.keyId || m.keys.fonctionnement === request.keyId)
      .flatMap((m) => m.members),
  );
  const members = entente.members
    .filter((m) => joining.has(m.id) || (participants.has(m.id) && belongsIn(m, request.year)))
    .filter((m) => !leaving.has(m.id))
    .map((m) => m.id);
  const answer = await deps.usage.figures({
    ententeId,
    ...alternative.usage,
    periodStart: `${request.year}-01-01`,
    periodEnd: `${request.year}-12-31`,
    members,
    snapshotAt: deps.clock.now(),
  });
  if ("unknownService" in answer)
    throw new EntenteError("entente.unknown_reference", {
      what: localized("service du catalogue", "catalogue service"),
      id: alternative.usage.service,
      known: answer.unknownService.join(", ") || "—",
    });
  return { kind: "usage", usage: answer };
}

/**
 * The key simulator on the stored entente (secretariat: it shows the figures of drafts): each
 * member's contribution to `year` under `keyId` and each alternative, side by side. Nothing is
 * saved.
 * @throws EntenteError `access.forbidden`, `entente.unknown_reference`; ValidationError when an
 *   alternative breaks a rule.
 */
export async function simulateEntenteKeys(
  deps: Pick<FinanceDeps, "ententes" | "usage" | "clock">,
  principal: Principal,
  ententeId: string,
  request: { year: number; keyId: string; alternatives: readonly AlternativeInput[] },
): Promise<KeySimulation> {
  assertCan(principal, { kind: "read-drafts", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  const usageBases = await Promise.all(
    request.alternatives.map((a) =>
      "usage" in a ? usageBasis(deps, ententeId, entente, request, a) : Promise.resolve(null),
    ),
  );
  const alternatives = request.alternatives.map((a, index): KeyAlternative => {
    if ("usage" in a) {
      const { usage: _usage, ...rest } = a;
      return { ...rest, basis: usageBases[index] as KeyBasis };
    }
    if ("basis" in a) return a;
    const key = entente.keys.find((k) => k.id === a.basedOn);
    if (key === undefined)
      throw new EntenteError("entente.unknown_reference", {
        what: localized("clé", "key"),
        id: a.basedOn,
        known: entente.keys.map((k) => k.id).join(", "),
      });
    const { basedOn: _basedOn, ...rest } = a;
    return { ...rest, basis: keyAt(key, request.year).basis };
  });
  return simulateKeys(entente, request.year, request.keyId, alternatives);
}
