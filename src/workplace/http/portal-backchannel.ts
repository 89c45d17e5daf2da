import { createRemoteJWKSet, jwtVerify } from "jose";
import { z } from "zod";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import type { PortalStore } from "../app/portal-ports.ts";
import type { createPortalClients } from "./portal-sign-in.ts";

const EVENT = "http://schemas.openid.net/event/backchannel-logout";

/**
 * POST /portal/<entente>/backchannel-logout (OpenID Connect Back-Channel Logout 1.0 §2.5–2.8):
 * the hub says a person's session ended (they signed out of another service, or the hub ended
 * it); the logout token is verified with jose against the hub's JWKS (`iss`, `aud` = the
 * portal's client, `iat` recent, the back-channel event, no `nonce`), then the entente's portal
 * sessions of that hub session (`sid`), or else of that person (`sub`), end. 400 with an OAuth
 * error body when the token is not acceptable; nothing is ended then.
 */
export function registerBackchannelLogout(
  app: ZodFastifyInstance,
  portal: PortalStore,
  clients: ReturnType<typeof createPortalClients>,
): void {
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const keysOf = (uri: string) => {
    let keys = keySets.get(uri);
    if (keys === undefined) {
      keys = createRemoteJWKSet(new URL(uri));
      keySets.set(uri, keys);
    }
    return keys;
  };
  app.post(
    "/portal/:id/backchannel-logout",
    {
      schema: {
        hide: true,
        params: z.object({ id: z.string().max(128) }),
        body: z.object({ logout_token: z.string().max(16_384) }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      try {
        const config = await clients(id);
        const meta = config.serverMetadata();
        const { payload } = await jwtVerify(request.body.logout_token, keysOf(meta.jwks_uri ?? ""), {
          issuer: meta.issuer,
          audience: config.clientMetadata().client_id,
          maxTokenAge: "5 minutes",
        });
        const events = payload.events as Record<string, unknown> | undefined;
        if (events?.[EVENT] === undefined || "nonce" in payload) throw new Error("not a logout token");
        const by =
          typeof payload.sid === "string"
            ? { sid: payload.sid }
            : typeof payload.sub === "string"
              ? { sub: payload.sub }
              : null;
        if (by === null) throw new Error("neither sid nor sub");
        await portal.endSessions(id, by);
        return reply.code(200).header("cache-control", "no-store").send();
      } catch (error) {
        request.log.info({ err: error }, "portal: back-channel logout refused");
        return reply
          .code(400)
          .header("cache-control", "no-store")
          .send({ error: "invalid_request", error_description: "the logout token is not acceptable" });
      }
    },
  );
}
