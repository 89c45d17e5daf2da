import type { Configuration } from "oidc-provider";
import type { ServiceClientRegistry } from "../app/ports.ts";
import type { ResourceServerDirectory } from "../app/resource-server-ports.ts";
import { pageLangOf } from "./page-lang.ts";
import type { ProviderPages } from "./provider-pages.ts";
import { resourceIndicatorsFeature } from "./resource-indicators.ts";

/**
 * The oidc-provider features Entente turns on: client credentials, introspection (RFC 7662),
 * revocation (RFC 7009), userinfo, RP-initiated logout 1.0 (with Entente's pages), back-channel
 * logout 1.0, resource indicators (RFC 8707) on the registered resource servers; the development
 * interactions off (the sign-in pages are Entente's).
 */
export function providerFeatures(
  clients: ServiceClientRegistry,
  pages: ProviderPages,
  resourceServers: ResourceServerDirectory,
): Configuration["features"] {
  return {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: {
      enabled: true,
      // A service reads its own tokens. A confidential service of the same entente (a resource
      // server such as the mail server checking a token the webmail obtained) reads another
      // service's access tokens only — never its refresh tokens, which only their client may
      // use (RFC 6749 §10.4) — and, when the token names an audience, only if it is in it or is
      // one of the entente's registered resource servers (RFC 8707: the mail server's own
      // audience). Never across ententes. Refused: `active: false`, as for an unknown token
      // (RFC 7662 §2.2).
      async allowedPolicy(_ctx, client, token) {
        if (token.clientId === client.clientId) return true;
        if (client.clientAuthMethod === "none" || token.clientId === undefined) return false;
        if (token.kind === "RefreshToken") return false;
        const entente = (client as unknown as { entente_id?: string }).entente_id;
        if (!(await mayReadAudience(token, client.clientId, entente, resourceServers))) return false;
        const owner = await clients.findClient(token.clientId);
        return owner !== null && owner.ententeId === entente;
      },
    },
    revocation: {
      enabled: true,
      async allowedPolicy(_ctx, client, token) {
        // RFC 7009 §2.1: a client revokes only its own tokens.
        return token.clientId === client.clientId;
      },
    },
    userinfo: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.type = "html";
        ctx.body = pages.logoutSource(form, pageLangOf(ctx));
      },
      async postLogoutSuccessSource(ctx) {
        ctx.type = "html";
        ctx.body = pages.postLogoutSuccess(pageLangOf(ctx), ctx.oidc.client?.clientName ?? null);
      },
    },
    backchannelLogout: { enabled: true },
    resourceIndicators: resourceIndicatorsFeature(resourceServers),
  };
}

/**
 * Whether `clientId` (a service of `ententeId`) may read the token by its audience: no audience
 * named, `clientId` among them, or an audience that is a resource server of the same entente.
 */
async function mayReadAudience(
  token: { readonly aud?: unknown },
  clientId: string,
  ententeId: string | undefined,
  resourceServers: ResourceServerDirectory,
): Promise<boolean> {
  const { aud } = token;
  if (aud === undefined || aud === null) return true;
  const audiences = (Array.isArray(aud) ? aud : [aud]).filter((a): a is string => typeof a === "string");
  if (audiences.includes(clientId)) return true;
  for (const audience of audiences) {
    const server = await resourceServers.findByAudience(audience);
    if (server !== null && server.ententeId === ententeId) return true;
  }
  return false;
}
