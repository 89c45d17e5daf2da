import * as client from "openid-client";
import type { OidcSourceSettings, SourceRecord } from "../domain/identity-source.ts";
import { EntenteError } from "../errors.ts";

/**
 * The openid-client configuration of an OIDC source: discovery
 * (`<issuer>/.well-known/openid-configuration`), cached per source and per `rowVersion` (an edited
 * source is rediscovered) for `ttlMs`. ID token signatures are checked by `oidc-id-token.ts`
 * (a JWKS downloaded again at once on an unknown `kid`, which openid-client does only for a copy
 * at least 60 s old). A failed discovery is not kept.
 * @throws EntenteError `identity.source_unreachable`.
 */
export function createOidcDiscovery(deps: {
  readonly now: () => Date;
  readonly ttlMs: number;
  /** HTTP timeout of each request to the IdP, in seconds. */
  readonly timeoutSeconds: number;
  readonly allowInsecureRequests: boolean;
}): (source: SourceRecord, settings: OidcSourceSettings) => Promise<client.Configuration> {
  const cache = new Map<
    string,
    { readonly config: Promise<client.Configuration>; readonly expiresAt: number }
  >();
  return async (source, settings) => {
    const key = `${source.id}@${source.rowVersion}`;
    const nowMs = deps.now().getTime();
    const cached = cache.get(key);
    if (cached !== undefined && cached.expiresAt > nowMs) return cached.config;
    const auth = source.secret === null ? client.None() : client.ClientSecretBasic(source.secret);
    const config = client.discovery(new URL(settings.issuer), settings.clientId, undefined, auth, {
      timeout: deps.timeoutSeconds,
      ...(deps.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : {}),
    });
    cache.set(key, { config, expiresAt: nowMs + deps.ttlMs });
    try {
      return await config;
    } catch (error) {
      cache.delete(key);
      throw new EntenteError("identity.source_unreachable", { source: source.label }, { cause: error });
    }
  };
}
