import type { ServiceClientRecord } from "../domain/service-client.ts";

/** Extra client metadata Entente adds to oidc-provider's (`extraClientMetadata.properties`). */
export const EXTRA_CLIENT_PROPERTIES = ["entente_id", "entente_required_acr", "entente_pkce_exempt"] as const;

/**
 * oidc-provider client metadata (RFC 7591 / OIDC Registration names) of a registered service.
 * `secretHash`: the stored SHA-256 of the secret, compared by the provider's
 * `compareClientSecret` override; null for public clients (`none`, PKCE only).
 */
export function toClientMetadata(
  record: ServiceClientRecord,
  secretHash: string | null,
): Record<string, unknown> {
  const signsIn = record.grantTypes.includes("authorization_code");
  return {
    client_id: record.clientId,
    client_name: record.name,
    application_type: "web",
    redirect_uris: [...record.redirectUris],
    post_logout_redirect_uris: [...record.postLogoutRedirectUris],
    grant_types: [...record.grantTypes],
    response_types: signsIn ? ["code"] : [],
    token_endpoint_auth_method: record.tokenEndpointAuthMethod,
    ...(record.tokenEndpointAuthMethod === "none" || secretHash === null
      ? {}
      : { client_secret: secretHash }),
    // The scopes it may ask for; none registered (service to service): no scope at all.
    ...(record.scopes.length === 0 ? {} : { scope: record.scopes.join(" ") }),
    id_token_signed_response_alg: "RS256",
    ...(record.backchannelLogoutUri === null
      ? {}
      : { backchannel_logout_uri: record.backchannelLogoutUri, backchannel_logout_session_required: true }),
    entente_id: record.ententeId,
    entente_required_acr: record.requiredAcr,
    // Read by `pkceRequired`; a public client is never exempted (the registry refuses it too).
    entente_pkce_exempt: record.pkceExempt === true && record.tokenEndpointAuthMethod !== "none",
  };
}

/**
 * oidc-provider's `pkce.required`: PKCE S256 for every client (RFC 7636; RFC 9700 §2.1.1), except
 * a confidential client (secret at the token endpoint) registered with `pkceExempt`, such as
 * Roundcube 1.6 which sends no `code_challenge`. An exempted client that sends one is checked
 * as any other.
 */
export function pkceRequired(_ctx: unknown, client: { clientAuthMethod?: string | undefined }): boolean {
  const exempt = (client as { entente_pkce_exempt?: unknown }).entente_pkce_exempt === true;
  return !(exempt && client.clientAuthMethod !== undefined && client.clientAuthMethod !== "none");
}
