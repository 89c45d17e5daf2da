import { assertCan, type Principal } from "../../access/index.ts";
import type { KeyBasis } from "../domain/entente.ts";
import { keyAt } from "../domain/key-at-year.ts";
import { type KeyAlternative, type KeySimulation, simulateKeys } from "../domain/simulate-keys.ts";
import { EntenteError, localized } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";

/** An alternative as the API gives it: another key of the entente, or a basis of its own. */
export type AlternativeInput = Omit<KeyAlternative, "basis"> & ({ basedOn: string } | { basis: KeyBasis });

/**
 * The key simulator on the stored entente (secretariat: it shows the figures of drafts): each
 * member's contribution to `year` under `keyId` and each alternative, side by side. Nothing is
 * saved.
 * @throws EntenteError `access.forbidden`, `entente.unknown_reference`; ValidationError when an
 *   alternative breaks a rule.
 */
export async function simulateEntenteKeys(
  deps: Pick<FinanceDeps, "ententes">,
  principal: Principal,
  ententeId: string,
  request: { year: number; keyId: string; alternatives: readonly AlternativeInput[] },
): Promise<KeySimulation> {
  assertCan(principal, { kind: "read-drafts", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  const alternatives = request.alternatives.map((a): KeyAlternative => {
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
