import type { IncomingMessage, ServerResponse } from "node:http";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";

/** Where the OpenID Provider answers (its issuer is `<public URL>/oidc`). */
export const OIDC_MOUNT_PATH = "/oidc";

const METHODS = ["GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"] as const;

/**
 * Mounts the OpenID Provider's Node request handler (oidc-provider is a Koa application) at
 * `/oidc`. The request is handed over in an `onRequest` hook, before Fastify reads the body, and
 * the reply is hijacked: oidc-provider parses its own form and JSON bodies and writes its own
 * answers. Security headers set by helmet before this hook are kept. `handler()` is read at each
 * request, so the composition root may swap the provider (signing-key rotation) or answer 503
 * until it is ready.
 */
export function createOidcMount(
  handler: () => (req: IncomingMessage, res: ServerResponse) => void,
): RouteRegistrar {
  return async (app) => {
    app.addHook("onRequest", async (request, reply) => {
      reply.hijack();
      handler()(request.raw, reply.raw);
    });
    const unreachable = async () => undefined; // the onRequest hook has answered
    for (const url of [OIDC_MOUNT_PATH, `${OIDC_MOUNT_PATH}/*`]) {
      app.route({ method: [...METHODS], url, schema: { hide: true }, handler: unreachable });
    }
  };
}
