/**
 * Bounds of a resource server's access token lifetime, in seconds. The upper bound is also the
 * longest life of a JWT access token, which src/identity/oidc/token-lifetimes.ts adds to the
 * time a retired signing key stays published.
 */
export const ACCESS_TOKEN_TTL_BOUNDS = { min: 60, max: 600 } as const;
