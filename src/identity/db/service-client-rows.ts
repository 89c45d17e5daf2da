import { createHash } from "node:crypto";
import type { Selectable } from "kysely";
import type { PersonRole } from "../domain/person.ts";
import type { ServiceClientInput, ServiceClientRecord } from "../domain/service-client.ts";
import type { ServiceClientTable } from "./tables.ts";

/**
 * Hash a client secret is stored as: SHA-256, base64url. A fast hash is enough for 256 random
 * bits (RFC 6819 §5.1.4.1.3); the OpenID Provider compares the presented secret's hash
 * (src/identity/oidc: `Client.prototype.compareClientSecret`, the library's documented seam).
 */
export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("base64url");
}

/** A `service_client` row as the domain's record. */
export function toServiceClientRecord(row: Selectable<ServiceClientTable>): ServiceClientRecord {
  return {
    clientId: row.client_id,
    ententeId: row.entente_id,
    name: row.name,
    redirectUris: row.redirect_uris,
    postLogoutRedirectUris: row.post_logout_redirect_uris,
    backchannelLogoutUri: row.backchannel_logout_uri,
    grantTypes: row.grant_types as ServiceClientRecord["grantTypes"],
    tokenEndpointAuthMethod: row.token_endpoint_auth_method,
    scopes: row.scopes,
    policy: {
      memberIds: row.policy_member_ids,
      roles: row.policy_roles as PersonRole[] | null,
      groups: row.policy_groups,
    },
    requiredAcr: row.required_acr,
    pkceExempt: row.pkce_exempt,
    enabled: row.enabled,
    rowVersion: row.row_version,
  };
}

/** The columns of a registration (lists as JSON), as given: the registry validated it before. */
export function serviceClientColumns(input: ServiceClientInput) {
  return {
    name: input.name,
    redirect_uris: JSON.stringify(input.redirectUris),
    post_logout_redirect_uris: JSON.stringify(input.postLogoutRedirectUris),
    backchannel_logout_uri: input.backchannelLogoutUri,
    grant_types: JSON.stringify(input.grantTypes),
    token_endpoint_auth_method: input.tokenEndpointAuthMethod,
    scopes: JSON.stringify(input.scopes),
    policy_member_ids: input.policy.memberIds === null ? null : JSON.stringify(input.policy.memberIds),
    policy_roles: input.policy.roles === null ? null : JSON.stringify(input.policy.roles),
    policy_groups: input.policy.groups === null ? null : JSON.stringify(input.policy.groups),
    required_acr: input.requiredAcr,
    pkce_exempt: input.pkceExempt === true,
    enabled: input.enabled,
  };
}
