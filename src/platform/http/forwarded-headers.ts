import type { FastifyRequest } from "fastify";

/**
 * Replaces the request's `X-Forwarded-For`, `-Proto` and `-Host` by the client address, protocol
 * and host Fastify derived with the server's one trusted-proxy rule (`trustProxy` from
 * TRUSTED_PROXIES, proxy-addr): a forwarded header counts only when the socket is a trusted
 * proxy. Libraries that read the raw request afterwards — oidc-provider, a Koa app trusting these
 * headers (`app.proxy`) for `ctx.ip`, `ctx.secure` and its audit events — then see what the rest
 * of the server sees, never what an untrusted client wrote. Registered on every request by `buildApp`.
 */
export function normalizeForwardedHeaders(request: FastifyRequest): void {
  const origin = { ip: request.ip, protocol: request.protocol, host: request.host };
  request.raw.headers["x-forwarded-for"] = origin.ip;
  request.raw.headers["x-forwarded-proto"] = origin.protocol;
  request.raw.headers["x-forwarded-host"] = origin.host;
}
