import { EntenteError, localized, ValidationError } from "../errors.ts";
import type { Entente } from "./entente.ts";
import type { ExactShares } from "./exact-shares.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

/**
 * The exact shares of a key of `entente`, resolved once per computation (a key serves many
 * groups and advances).
 * @throws EntenteError `entente.unknown_reference` for an unknown key; ValidationError when the
 *   key cannot be resolved (see resolveKeyShares).
 */
export function createSharesLookup(entente: Entente): (keyId: string) => ExactShares {
  const cache = new Map<string, ExactShares>();
  const memberOrder = entente.members.map((m) => m.id);
  return (keyId) => {
    const cached = cache.get(keyId);
    if (cached !== undefined) return cached;
    const key = entente.keys.find((k) => k.id === keyId);
    if (key === undefined)
      throw new EntenteError("entente.unknown_reference", {
        what: localized("clé", "key"),
        id: keyId,
        known: "",
      });
    const result = resolveKeyShares(key, memberOrder);
    if (!result.ok) throw new ValidationError(result.issues);
    cache.set(keyId, result.shares);
    return result.shares;
  };
}
