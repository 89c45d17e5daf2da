/**
 * Claims released per scope (OIDC Core §5.4 for the standard ones; the pivot's own for
 * `organization` and `groups`). `acr`, `amr`, `auth_time`, `sid` come from the session.
 */
export const CLAIMS_BY_SCOPE = {
  openid: ["sub"],
  profile: ["given_name", "family_name", "usual_name", "uid"],
  email: ["email", "email_verified"],
  organization: ["organization_id", "organization_name", "siren", "siret", "entente_id", "role"],
  groups: ["groups"],
} as const satisfies Record<string, readonly string[]>;

/** Scopes Entente knows: the claim scopes plus `offline_access` (refresh tokens outliving the session). */
export const SUPPORTED_SCOPES = [...Object.keys(CLAIMS_BY_SCOPE), "offline_access"];
