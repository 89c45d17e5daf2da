import type { Configuration, KoaContextWithOIDC, ResourceServer } from "oidc-provider";
import { errors } from "oidc-provider";
import type { ResourceServerDirectory } from "../app/resource-server-ports.ts";
import { accessTokenClaims, isResourceServerOpenTo } from "../domain/resource-access.ts";
import type { ResourceServerRecord } from "../domain/resource-server.ts";
import { CLAIMS_BY_SCOPE } from "./claims-by-scope.ts";

/**
 * JWS algorithm of JWT access tokens: ES256 (about 20 times cheaper to sign than RS256 here,
 * src/identity/README.md; the provider publishes ES256 keys in its JWKS).
 */
export const ACCESS_TOKEN_JWS_ALG = "ES256" as const;

type Features = NonNullable<Configuration["features"]>;
type Token = Parameters<NonNullable<Configuration["extraTokenClaims"]>>[1];

/** What oidc-provider needs of a registered resource server (its `ResourceServer` info). */
export function resourceServerInfo(server: ResourceServerRecord): ResourceServer {
  return {
    scope: server.scopes.join(" "),
    audience: server.audience,
    accessTokenTTL: server.accessTokenTtlSeconds,
    accessTokenFormat: server.tokenFormat,
    // `typ` rides along in `jwt` (oidc-provider keeps that object on the token), read by `customizeJwt`.
    jwt: { sign: { alg: ACCESS_TOKEN_JWS_ALG }, typ: server.jwtType } as ResourceServer["jwt"],
  };
}

/**
 * oidc-provider's Resource Indicators feature (RFC 8707) on the registered resource servers,
 * replacing the library's default `getResourceServerInfo` (which refuses everything and logs
 * "you MUST change it"): a `resource` names a server by its exact audience; one of another
 * entente, disabled or unknown is refused with `invalid_target`. The other settings are the
 * library's: no default resource; the code's resource is used at the token endpoint only when
 * `openid` was not asked for (else the service repeats `resource=` there, RFC 8707 §2.2).
 */
export function resourceIndicatorsFeature(
  servers: ResourceServerDirectory,
): NonNullable<Features["resourceIndicators"]> {
  return {
    enabled: true,
    async getResourceServerInfo(_ctx, resourceIndicator, client) {
      const server = await servers.findByAudience(resourceIndicator);
      const entente = (client as unknown as { entente_id?: string }).entente_id ?? null;
      if (!isResourceServerOpenTo(server, entente)) {
        throw new errors.InvalidTarget("unknown resource server, or not one of this service's entente");
      }
      return resourceServerInfo(server);
    },
  };
}

/**
 * oidc-provider's `extraTokenClaims`: a person's access token for a registered resource server
 * carries the pivot claims the service was granted (`accessTokenClaims`), read with the
 * provider's `findAccount` (the organisation the grant acts for). A person's opaque userinfo
 * token (no resource, as Roundcube 1.6 gets: it cannot send `resource=`) carries `email` and
 * `username` (RFC 7662 §2.2) when the `email` scope was granted (`userinfoTokenClaims`), so that
 * the mail server (Dovecot, `username_attribute = email`) finds the mailbox by introspection;
 * who may introspect is unchanged (`provider-features.ts`: the service itself or a confidential
 * service of its entente; another entente gets `active: false`). Client credentials carry none.
 */
export function createExtraTokenClaims(
  findAccount: NonNullable<Configuration["findAccount"]>,
): NonNullable<Configuration["extraTokenClaims"]> {
  return async (ctx, token) => {
    const { accountId, grantId } = token as { accountId?: string; grantId?: string };
    if (accountId === undefined || grantId === undefined) return undefined;
    const grant = await ctx.oidc.provider.Grant.find(grantId);
    const account = await findAccount(ctx, accountId, token as never);
    if (grant === undefined || account === undefined) return undefined;
    const scope = grant.getOIDCScope();
    const claims = (await account.claims("id_token", scope, {}, [])) as Record<string, unknown>;
    const granted = accessTokenClaims(claims, scope.split(" "), CLAIMS_BY_SCOPE);
    return token.resourceServer === undefined ? userinfoTokenClaims(granted) : granted;
  };
}

/**
 * What a person's userinfo token shows in its introspection answer: `email` and `username`
 * (the same address: the name the person's mailbox is known by), only if `email` was granted.
 * @param granted the claims the service was granted (`accessTokenClaims`).
 * @example userinfoTokenClaims({ email: "a@lyon.fr", groups: ["x"] }) // { email: "a@lyon.fr", username: "a@lyon.fr" }
 */
export function userinfoTokenClaims(granted: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { email } = granted;
  return typeof email === "string" ? { email, username: email } : {};
}

/** oidc-provider's JWT format customizer: the JOSE `typ` the server was registered with. */
export function customizeJwt(
  _ctx: KoaContextWithOIDC,
  token: Token,
  parts: { header?: Record<string, unknown> | undefined },
): void {
  const typ = (token.resourceServer?.jwt as { typ?: string } | undefined)?.typ;
  if (typ !== undefined && typ !== "at+jwt") parts.header = { ...parts.header, typ };
}
