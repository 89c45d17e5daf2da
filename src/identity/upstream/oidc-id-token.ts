import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from "jose";
import type { SourceRecord } from "../domain/identity-source.ts";
import { EntenteError, localized } from "../errors.ts";

/** How far in the future an upstream ID token's `iat` may be, in seconds (clocks that drift). */
export const UPSTREAM_CLOCK_SKEW_SECONDS = 60;

/** An upstream ID token older than this (by its `iat`) is refused, in seconds (as openid-client does). */
const MAX_ID_TOKEN_AGE_SECONDS = 3600;

/** Asymmetric JWS algorithms an upstream may sign its ID tokens with (never `none`, never a MAC). */
const ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

/**
 * Checks an upstream ID token's signature with the IdP's JWKS, and its `iat` (jose's `jwtVerify`).
 * openid-client has already checked `iss`, `aud`, `exp`, `nonce`; it does not bound `iat` in the
 * future and only re-downloads a JWKS at least 60 s old, so these two checks are done here.
 *
 * - `iat` more than `UPSTREAM_CLOCK_SKEW_SECONDS` in the future, or older than an hour, is
 *   refused (RFC 7519 §4.1.6; OIDC Core §3.1.3.7 item 10 lets the client bound `iat`).
 * - The JWKS (`jwks_uri` of the discovery) is cached per URL for 10 minutes. A `kid` it does not
 *   hold — the IdP has just rotated its keys (OIDC Core §10.1.1) — makes it download the JWKS
 *   again at once; such forced downloads are rate-limited to one per `refetchIntervalSeconds` per
 *   IdP (sign-ins arriving meanwhile wait for the download in flight), so an IdP that signs with
 *   unknown keys cannot make Entente hammer it.
 *
 * @throws EntenteError `identity.upstream_rejected` (bad signature, unknown key, `iat` out of
 *   bounds, no ID token); `identity.source_unreachable` (the JWKS could not be downloaded).
 */
export function createIdTokenVerifier(deps: {
  readonly now: () => Date;
  /** Minimum time between two downloads forced by an unknown `kid`, per IdP, in seconds (default 30). */
  readonly refetchIntervalSeconds?: number;
  /** HTTP timeout of a JWKS download, in seconds (default 10). */
  readonly timeoutSeconds?: number;
}): (source: SourceRecord, jwksUri: string | undefined, idToken: string | undefined) => Promise<void> {
  const keySets = new Map<string, JWTVerifyGetKey>();
  const keysOf = (jwksUri: string): JWTVerifyGetKey => {
    let keys = keySets.get(jwksUri);
    if (keys === undefined) {
      keys = rateLimitedKeySet(
        jwksUri,
        deps.now,
        (deps.refetchIntervalSeconds ?? 30) * 1000,
        deps.timeoutSeconds ?? 10,
      );
      keySets.set(jwksUri, keys);
    }
    return keys;
  };
  return async (source, jwksUri, idToken) => {
    if (jwksUri === undefined || idToken === undefined) {
      throw new EntenteError("identity.upstream_rejected", {
        source: source.label,
        reason: localized("pas de jeton d'identité signé (jwks_uri)", "no signed ID token (jwks_uri)"),
      });
    }
    try {
      await jwtVerify(idToken, keysOf(jwksUri), {
        algorithms: ALGORITHMS,
        currentDate: deps.now(),
        clockTolerance: UPSTREAM_CLOCK_SKEW_SECONDS,
        maxTokenAge: MAX_ID_TOKEN_AGE_SECONDS,
      });
    } catch (error) {
      throw idTokenError(error, source);
    }
  };
}

/**
 * jose's remote key set, whose own download on an unknown `kid` is switched off
 * (`cooldownDuration: Infinity`) and replaced by one that `now` rate-limits.
 */
function rateLimitedKeySet(
  jwksUri: string,
  now: () => Date,
  intervalMs: number,
  timeoutSeconds: number,
): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUri), {
    cooldownDuration: Number.POSITIVE_INFINITY,
    cacheMaxAge: 600_000,
    timeoutDuration: timeoutSeconds * 1000,
  });
  let lastForced = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
      if (inFlight === undefined) {
        const at = now().getTime();
        if (at - lastForced < intervalMs) throw error;
        lastForced = at;
        inFlight = remote.reload().finally(() => {
          inFlight = undefined;
        });
      }
      await inFlight;
      return remote(header, token);
    }
  };
}

function idTokenError(error: unknown, source: SourceRecord): EntenteError {
  if (error instanceof EntenteError) return error;
  if (error instanceof errors.JWKSTimeout || (error instanceof TypeError && /fetch/i.test(error.message))) {
    return new EntenteError("identity.source_unreachable", { source: source.label }, { cause: error });
  }
  const reason =
    error instanceof errors.JWKSNoMatchingKey
      ? localized("jeton signé d'une clé inconnue (kid)", "ID token signed with an unknown key (kid)")
      : error instanceof errors.JWTClaimValidationFailed && error.claim === "iat"
        ? localized(
            "jeton d'identité émis dans le futur ou trop ancien (iat)",
            "ID token issued in the future or too long ago (iat)",
          )
        : `ID token: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200);
  return new EntenteError("identity.upstream_rejected", { source: source.label, reason }, { cause: error });
}
