/** What a SAML sign-in keeps under its RelayState (a random single-use key of the TransientStore). */
export interface RelayRecord {
  readonly interactionId: string;
  readonly requestId: string;
  readonly sourceId: string;
}

/** The TransientStore key of a RelayState. */
export const relayKeyOf = (relayState: string) => `saml-relay:${relayState}`;
/** The TransientStore key of an AuthnRequest ID (node-saml's InResponseTo cache). */
export const requestKeyOf = (requestId: string) => `saml-request:${requestId}`;

/** The kept record, or null when it is not one. */
export function asRelayRecord(value: unknown): RelayRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  return typeof v.interactionId === "string" &&
    typeof v.requestId === "string" &&
    typeof v.sourceId === "string"
    ? { interactionId: v.interactionId, requestId: v.requestId, sourceId: v.sourceId }
    : null;
}
