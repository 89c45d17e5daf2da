import type { ResourceServerRecord } from "./resource-server.ts";

/**
 * Who may get tokens for a resource server, and what a token of a person carries for it
 * (issue 10, "Tokens that resource servers can check themselves"; docs/resource-servers.md).
 */

/**
 * A resource server is open to the services of its own entente only, and only while enabled:
 * otherwise the request is refused with `invalid_target` (RFC 8707 §2).
 * @param server the registered server of the requested audience, null when none.
 * @param clientEntenteId the entente of the requesting service.
 */
export function isResourceServerOpenTo(
  server: ResourceServerRecord | null,
  clientEntenteId: string | null,
): server is ResourceServerRecord {
  return server?.enabled === true && clientEntenteId !== null && server.ententeId === clientEntenteId;
}

/**
 * The pivot claims a person's access token for a resource server carries (in the JWT, and in
 * the introspection answer of an opaque one): the claims the service was granted through its
 * OIDC scopes (`claimsByScope`, as in the ID token), never `sub` (the token's own) nor names
 * beyond them. A resource server thus reads the person's `email`, `uid`, organisation or groups
 * only when the service was allowed to.
 * @param claims every pivot claim of the person acting for the grant's organisation.
 * @param grantedScopes the OIDC scopes of the grant (`openid email organization`…).
 * @example accessTokenClaims({ sub: "s", email: "a@lyon.fr", uid: "a" }, ["openid", "email"], { email: ["email"] })
 * // { email: "a@lyon.fr" }
 */
export function accessTokenClaims(
  claims: Readonly<Record<string, unknown>>,
  grantedScopes: readonly string[],
  claimsByScope: Readonly<Record<string, readonly string[]>>,
): Record<string, unknown> {
  const allowed = new Set(grantedScopes.flatMap((scope) => claimsByScope[scope] ?? []));
  allowed.delete("sub");
  return Object.fromEntries(Object.entries(claims).filter(([name]) => allowed.has(name)));
}
