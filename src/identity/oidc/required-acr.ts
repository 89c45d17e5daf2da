import { ACR_ONE_FACTOR, ACR_TWO_FACTORS } from "../app/ports.ts";

/** Strength of each acr of Entente (higher is stronger); unknown values rank 0. */
export const ACR_RANK: Readonly<Record<string, number>> = { [ACR_ONE_FACTOR]: 1, [ACR_TWO_FACTORS]: 2 };

/**
 * The acr a request needs (OIDC Core §3.1.2.1 `acr_values`): the service's registered
 * `requiredAcr`, else the strongest known value of `acr_values`, else one factor.
 */
export function requiredAcrOf(registered: string | null, acrValues: string | undefined): string {
  if (registered !== null) return registered;
  const asked = (acrValues ?? "").split(" ").filter((v) => ACR_RANK[v] !== undefined);
  return asked.sort((a, b) => (ACR_RANK[b] ?? 0) - (ACR_RANK[a] ?? 0))[0] ?? ACR_ONE_FACTOR;
}
