import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";
import type { Config } from "../config/load-config.ts";

/**
 * Security headers (helmet) for everything the server answers: the API, Swagger UI at /api/docs
 * and the web app (React built by Vite, served from the same origin).
 *
 * The Content-Security-Policy allows only same-origin scripts, with no inline script and no
 * eval: a Vite build emits module files and no inline script. Styles allow 'unsafe-inline'
 * because charting and UI libraries (Recharts, Swagger UI) insert <style> elements; styles
 * cannot run code. Images and fonts may be `data:` URLs (Vite inlines small assets; Swagger UI
 * draws its icons so). No page may frame Entente. Outside production, no
 * `upgrade-insecure-requests`, so that http://127.0.0.1 keeps loading its own scripts.
 *
 * Sign-in pages (`/interaction/…`) and the OpenID Provider (`/oidc/…`) post forms whose answer
 * redirects to another site — the service's redirect URI, a member's IdP — and Chromium applies
 * `form-action` to every redirect after a form submission: there it allows any http(s) target.
 * Which targets are reached is decided by the provider (exact redirect URIs), not by the page.
 * `signIn` gives the headers of those paths.
 */
export function securityHeaders(config: Pick<Config, "env">, signIn: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        formAction: signIn ? ["'self'", "http:", "https:"] : ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", "data:"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'"],
        ...(config.env === "production" ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
  };
}

/** Paths of the sign-in pages and of the OpenID Provider. */
function isSignInPath(url: string | undefined): boolean {
  const path = url ?? "";
  return /^\/(interaction|oidc)(\/|\?|$)/.test(path);
}

/**
 * Sets the security headers of `securityHeaders(config, …)` on every answer, in an `onRequest`
 * hook of `app`'s root, on the raw response (the OpenID Provider and the sign-in pages write to it
 * themselves). helmet decides the headers; as they depend on nothing but the configuration and
 * whether the path is a sign-in one, each variant is asked of helmet once, at start, and its
 * headers are copied onto each answer. @fastify/helmet ran helmet's whole middleware again for
 * every request, parsing every directive each time: ~5 % of the CPU of `GET /api/health` in
 * bench/workplace.bench.ts. Entente uses neither its per-route options nor CSP nonces.
 * @throws helmet's own errors at start, for an invalid directive.
 */
export function addSecurityHeaders(app: FastifyInstance, config: Pick<Config, "env">): void {
  const others = headersOf(securityHeaders(config, false));
  const signIn = headersOf(securityHeaders(config, true));
  app.addHook("onRequest", (request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of isSignInPath(request.url) ? signIn : others) raw.setHeader(name, value);
    done();
  });
}

/** The headers helmet's middleware sets with `options`, in order (it reads nothing of the request). */
function headersOf(options: HelmetOptions): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const response = {
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure !== undefined) throw failure;
  return [...headers];
}
