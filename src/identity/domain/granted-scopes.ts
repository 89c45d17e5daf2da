/**
 * The scopes a sign-in grants a service: what it asked for (`scope`, space-separated) among
 * those it is registered for, and `openid` always (OIDC Core §3.1.2.1). In the order asked.
 * @example grantedScopes("openid email admin", ["openid", "email"]) // ["openid", "email"]
 */
export function grantedScopes(asked: string, registered: readonly string[]): string[] {
  const wanted = asked.split(" ").filter((s) => s !== "" && registered.includes(s));
  return [...new Set(["openid", ...wanted])];
}

/**
 * The scopes a sign-in grants a service for one resource server (RFC 8707): what it asked for
 * among those the server is registered with; none is implied. In the order asked.
 * @example grantedResourceScopes("openid email mail", ["mail", "mail:admin"]) // ["mail"]
 */
export function grantedResourceScopes(asked: string, registered: readonly string[]): string[] {
  return [...new Set(asked.split(" ").filter((s) => s !== "" && registered.includes(s)))];
}
