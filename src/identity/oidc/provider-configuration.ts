import type { IncomingMessage } from "node:http";
import type { AdapterFactory, Configuration } from "oidc-provider";
import type { PersonDirectory, ServiceClientRegistry } from "../app/ports.ts";
import type { ResourceServerDirectory } from "../app/resource-server-ports.ts";
import { ACR_VALUES } from "../domain/authentication-level.ts";
import { createInteractionPolicy } from "./acr-policy.ts";
import { CLAIMS_BY_SCOPE, SUPPORTED_SCOPES } from "./claims-by-scope.ts";
import { EXTRA_CLIENT_PROPERTIES, pkceRequired } from "./client-metadata.ts";
import { createFindAccount } from "./find-account.ts";
import { createLoadExistingGrant, type ExistingGrantCheck } from "./load-existing-grant.ts";
import { pageLangOf } from "./page-lang.ts";
import { providerFeatures } from "./provider-features.ts";
import type { ProviderPages } from "./provider-pages.ts";
import { createExtraTokenClaims, customizeJwt } from "./resource-indicators.ts";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  AUTHORIZATION_CODE_TTL_SECONDS,
  CLIENT_CREDENTIALS_TTL_SECONDS,
  GRANT_TTL_SECONDS,
  ID_TOKEN_TTL_SECONDS,
  INTERACTION_TTL_SECONDS,
  REFRESH_TOKEN_TTL_SECONDS,
  SESSION_TTL_SECONDS,
} from "./token-lifetimes.ts";

/** What the provider's configuration is made of (see `OpenIdProviderOptions`). */
export interface ProviderConfigurationParts {
  /** Storage of every model, the `Client` one included (`createClientAdapter`). */
  readonly adapter: AdapterFactory;
  readonly clients: ServiceClientRegistry;
  readonly people: PersonDirectory;
  readonly resourceServers: ResourceServerDirectory;
  readonly cookieKeys: readonly string[];
  readonly secureCookies: boolean;
  readonly interactionUrl: (uid: string) => string;
  readonly pages: ProviderPages;
  readonly authorizeExistingGrant: ExistingGrantCheck | undefined;
  readonly allowPrivateNetworkBackchannel: boolean;
  readonly requestIdOf: (req: IncomingMessage) => string;
}

/** The lifetimes of src/identity/oidc/token-lifetimes.ts, by oidc-provider model. */
const TTL = {
  AuthorizationCode: AUTHORIZATION_CODE_TTL_SECONDS,
  // A token for a resource server lives as long as that server was registered with.
  AccessToken: (
    _ctx: unknown,
    token: { resourceServer?: { accessTokenTTL?: number | undefined } | undefined },
  ) => token.resourceServer?.accessTokenTTL ?? ACCESS_TOKEN_TTL_SECONDS,
  IdToken: ID_TOKEN_TTL_SECONDS,
  Interaction: INTERACTION_TTL_SECONDS,
  Session: SESSION_TTL_SECONDS,
  RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
  ClientCredentials: (
    _ctx: unknown,
    token: { resourceServer?: { accessTokenTTL?: number | undefined } | undefined },
  ) => token.resourceServer?.accessTokenTTL ?? CLIENT_CREDENTIALS_TTL_SECONDS,
  Grant: GRANT_TTL_SECONDS,
};

/**
 * oidc-provider's configuration for the signing keys `jwks` (see `createOpenIdProvider`): code
 * flow only with PKCE required (but for a confidential service registered `pkceExempt`:
 * `pkceRequired`), Entente's acr values, scopes and claims, cookies signed with
 * `cookieKeys`, the interaction policy with the acr check, the features, the lifetimes, refresh
 * tokens rotated at each use and issued to confidential services or with `offline_access`;
 * access tokens for the registered resource servers (`resourceIndicatorsFeature`): their
 * lifetime, their format (RFC 9068 JWT or opaque) and the pivot claims granted.
 */
export function providerConfiguration(
  parts: ProviderConfigurationParts,
  jwks: { keys: Record<string, unknown>[] },
): Configuration {
  const findAccount = createFindAccount(parts.people, parts.authorizeExistingGrant);
  const cookie = { httpOnly: true, sameSite: "lax", secure: parts.secureCookies, signed: true } as const;
  return {
    adapter: parts.adapter,
    clients: [],
    jwks: jwks as Configuration["jwks"],
    acrValues: [...ACR_VALUES],
    scopes: SUPPORTED_SCOPES,
    claims: {
      ...CLAIMS_BY_SCOPE,
      // acr and amr in every ID token: services decide on them (OIDC Core §2).
      openid: [...CLAIMS_BY_SCOPE.openid, "acr", "amr", "auth_time"],
      sid: null,
    } as unknown as Configuration["claims"],
    responseTypes: ["code"],
    pkce: { required: pkceRequired },
    // redirect_uri is REQUIRED in the authorization request (OIDC Core §3.1.2.1) and, then, in the
    // token request (RFC 6749 §4.1.3): never defaulted to the single registered one (the library's default).
    allowOmittingSingleRegisteredRedirectUri: false,
    cookies: { keys: [...parts.cookieKeys], long: { ...cookie }, short: { ...cookie } },
    extraClientMetadata: { properties: [...EXTRA_CLIENT_PROPERTIES] },
    interactions: {
      policy: createInteractionPolicy(),
      url: (_ctx, interaction) => parts.interactionUrl(interaction.uid),
    },
    features: providerFeatures(parts.clients, parts.pages, parts.resourceServers),
    findAccount,
    extraTokenClaims: createExtraTokenClaims(findAccount),
    formats: { customizers: { jwt: customizeJwt } },
    loadExistingGrant: createLoadExistingGrant(parts.authorizeExistingGrant),
    async issueRefreshToken(_ctx, client, code) {
      return (
        client.grantTypeAllowed("refresh_token") &&
        (code.scopes.has("offline_access") || client.clientAuthMethod !== "none")
      );
    },
    rotateRefreshToken: () => true,
    ttl: TTL,
    async renderError(ctx, out) {
      const requestId = parts.requestIdOf(ctx.req);
      ctx.set("x-request-id", requestId);
      ctx.type = "html";
      ctx.body = parts.pages.error(
        out as { error: string; error_description?: string },
        requestId,
        pageLangOf(ctx),
      );
    },
    fetch: (url, init) => {
      if (parts.allowPrivateNetworkBackchannel && init !== undefined) {
        // The library's documented seam: the SSRF-guarding dispatcher arrives in the options.
        delete (init as { dispatcher?: unknown }).dispatcher;
      }
      return globalThis.fetch(url, init);
    },
  };
}
