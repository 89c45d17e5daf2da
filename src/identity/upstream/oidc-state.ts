/**
 * What an OIDC source's sign-in keeps between `begin` and `finish`, in the TransientStore under
 * its `state` value (random, single use): any node can finish a sign-in another node began.
 */
export interface OidcState {
  readonly interactionId: string;
  readonly verifier: string;
  readonly nonce: string;
  readonly sourceId: string;
  readonly callbackUrl: string;
}

/** The TransientStore key of a `state` value. */
export const stateKeyOf = (state: string) => `oidc-state:${state}`;

/** The kept state, or null when it is not one (expired, used, tampered with). */
export function asOidcState(value: unknown): OidcState | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const fields = ["interactionId", "verifier", "nonce", "sourceId", "callbackUrl"] as const;
  if (!fields.every((f) => typeof v[f] === "string")) return null;
  return v as unknown as OidcState;
}
