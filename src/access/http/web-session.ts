import fastifyCookie from "@fastify/cookie";
import fastifyCsrfProtection from "@fastify/csrf-protection";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySession from "@fastify/session";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import type { WebSessionStore } from "../app/ports.ts";
import type { Principal } from "../domain/access-policy.ts";
import { EntenteError } from "../errors.ts";

declare module "fastify" {
  interface Session {
    accountId?: string;
  }
  interface FastifyRequest {
    /** The signed-in person, or null (set by the web-session hooks). */
    principal: Principal | null;
  }
}

/** How long a console session lives after signing in (seconds). */
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

export interface WebSessionOptions {
  readonly store: WebSessionStore;
  readonly secret: string;
  /** `Secure` cookies (HTTPS): true in production. */
  readonly secureCookies: boolean;
  /** Loads the person behind a session's account id (null when the account is gone). */
  readonly authenticate: (accountId: string) => Promise<Principal | null>;
  readonly now: () => Date;
}

/**
 * Sessions of the web console: an opaque id in an HttpOnly, SameSite=Lax cookie signed with
 * SESSION_SECRET, the data in the database (any node can serve any request), the person loaded
 * on each request. Writes under /api need the session's anti-CSRF token in `x-csrf-token`
 * (@fastify/csrf-protection, synchroniser token in the session), except signing in.
 */
export async function registerWebSession(app: ZodFastifyInstance, options: WebSessionOptions): Promise<void> {
  const { store } = options;
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: options.secret,
    cookieName: "entente_session",
    cookie: {
      httpOnly: true,
      sameSite: "lax",
      secure: options.secureCookies,
      // Only the API reads the session: the browser does not send the cookie to the web app's
      // files, to the OpenID Provider (/oidc) or to the sign-in pages (/interaction), which
      // therefore never load a console session from the database.
      path: "/api",
      maxAge: SESSION_TTL_SECONDS * 1000,
    },
    // Saved only when it changes (signing in, a new CSRF secret): no database write per request.
    // The session therefore ends SESSION_TTL_SECONDS after signing in.
    rolling: false,
    saveUninitialized: false,
    store: {
      set: (id, session, callback) => {
        const expiresAt = new Date(options.now().getTime() + SESSION_TTL_SECONDS * 1000);
        store
          .set(id, JSON.parse(JSON.stringify(session)) as Record<string, unknown>, expiresAt)
          .then(() => callback(), callback);
      },
      get: (id, callback) => {
        store.get(id).then((data) => callback(null, (data ?? null) as never), callback);
      },
      destroy: (id, callback) => {
        store.destroy(id).then(() => callback(), callback);
      },
    },
  });
  await app.register(fastifyCsrfProtection, { sessionPlugin: "@fastify/session" });
  // Rate limits are declared per route (`config.rateLimit`), e.g. on signing in.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new EntenteError("auth.rate_limited", { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });

  app.decorateRequest("principal", null);
  app.addHook("preHandler", async (request) => {
    // Outside the cookie's path (/api) @fastify/session gives a bare object without get().
    const accountId =
      typeof request.session.get === "function" ? request.session.get("accountId") : undefined;
    request.principal = accountId === undefined ? null : await options.authenticate(accountId);
  });
  app.addHook("preHandler", async (request, reply) => {
    if (!request.url.startsWith("/api/") || ["GET", "HEAD", "OPTIONS"].includes(request.method)) return;
    if (request.method === "POST" && request.url.split("?")[0] === "/api/session") return;
    // No session (expired, or the server's secret changed): say so, rather than "bad CSRF token".
    if (request.principal === null) throw new EntenteError("auth.required");
    await checkCsrf(app, request, reply);
  });
}

async function checkCsrf(
  app: ZodFastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    app.csrfProtection(request, reply, (error?: Error) =>
      error === undefined ? resolve() : reject(new EntenteError("auth.csrf", {}, { cause: error })),
    );
  });
}

/** The signed-in person, or `auth.required` (401). */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw new EntenteError("auth.required");
  return request.principal;
}
