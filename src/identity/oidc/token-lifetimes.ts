import { ACCESS_TOKEN_TTL_BOUNDS } from "../domain/resource-server-limits.ts";

/**
 * Lifetimes of the OpenID Provider's artefacts, in seconds (issue 4). Short for what travels
 * (codes, access tokens), a working day for what keeps a person signed in.
 */

/** Authorization code: redeemed by the service's back end right after the redirect (RFC 6749 §4.1.2 recommends ≤ 10 min). */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;
/** Access token (opaque, checked by introspection or userinfo): 10 minutes, then the service refreshes. */
export const ACCESS_TOKEN_TTL_SECONDS = 600;
/** ID token: 10 minutes; also the longest life of a JWT signed by a key, so it bounds key retirement. */
export const ID_TOKEN_TTL_SECONDS = 600;
/** Sign-in interaction (the pages between the service and the code): 10 minutes to sign in. */
export const INTERACTION_TTL_SECONDS = 600;
/** Session at the provider (single sign-on between services): 8 hours, a working day. */
export const SESSION_TTL_SECONDS = 8 * 3600;
/** Refresh token: 8 hours like the session; rotated at every use. */
export const REFRESH_TOKEN_TTL_SECONDS = 8 * 3600;
/** Client-credentials token (service to service): 10 minutes. */
export const CLIENT_CREDENTIALS_TTL_SECONDS = 600;
/** Grant (what a person allowed a service): as long as the refresh token it backs. */
export const GRANT_TTL_SECONDS = REFRESH_TOKEN_TTL_SECONDS;
/** Back-channel logout tokens are JWTs too; oidc-provider gives them 5 minutes. */
export const LOGOUT_TOKEN_TTL_SECONDS = 300;
/** Clock skew a relying party may tolerate when it checks a JWT, added to key retirement. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * How long a retired signing key stays published: the longest life of a JWT it signed (ID token,
 * logout token, the JWT access tokens of resource servers; refresh tokens are opaque) plus clock skew. After that no valid token
 * can name it, and the next rotation step deletes it.
 */
export const RETIRED_KEY_RETENTION_SECONDS =
  Math.max(ID_TOKEN_TTL_SECONDS, LOGOUT_TOKEN_TTL_SECONDS, ACCESS_TOKEN_TTL_BOUNDS.max) + CLOCK_SKEW_SECONDS;
