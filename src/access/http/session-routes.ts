import { z } from "zod";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import type { AccessDeps } from "../app/access-deps.ts";
import { signIn } from "../app/sign-in.ts";
import { SessionResponse, SignInRequest } from "../contracts.ts";
import type { Principal } from "../domain/access-policy.ts";
import { EntenteError } from "../errors.ts";
import { requirePrincipal } from "./web-session.ts";

const account = async (deps: AccessDeps, principal: Principal) => {
  const record = await deps.accounts.findById(principal.accountId);
  return {
    id: principal.accountId,
    email: principal.email,
    displayName: record?.displayName ?? principal.email,
    role: principal.role,
    ententeId: principal.ententeId,
    memberId: principal.memberId,
    missionId: principal.missionId,
  };
};

/**
 * Sign-in (the sign-in throttle, and a rate limit per client address as the trusted-proxy rule
 * derives it), current session, sign-out.
 */
export function createSessionRoutes(
  deps: AccessDeps,
  options: {
    /** Secure session cookies (production): a sign-in that did not come over HTTPS is refused. */
    readonly secureCookies: boolean;
  },
): RouteRegistrar {
  return async (app) => {
    app.post(
      "/api/session",
      {
        schema: {
          summary: "Sign in with a local account",
          tags: ["session"],
          body: SignInRequest,
          response: { 200: SessionResponse },
        },
        config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
      },
      async (request, reply) => {
        // Else the person would be signed in without a cookie: @fastify/session never sends a
        // Secure one over http (docs/deployment.md). Checked before the credentials.
        if (options.secureCookies && request.protocol !== "https")
          throw new EntenteError("auth.https_required");
        const { email, password } = request.body;
        const principal = await signIn(deps, { email, password, ip: request.ip });
        await request.session.regenerate(); // a new id on sign-in (session fixation)
        request.session.set("accountId", principal.accountId);
        return { account: await account(deps, principal), csrfToken: reply.generateCsrf() };
      },
    );
    app.get(
      "/api/session",
      {
        schema: {
          summary: "The signed-in account and its anti-CSRF token",
          tags: ["session"],
          response: { 200: SessionResponse },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        return { account: await account(deps, principal), csrfToken: reply.generateCsrf() };
      },
    );
    app.delete(
      "/api/session",
      { schema: { summary: "Sign out", tags: ["session"], response: { 204: z.null() } } },
      async (request, reply) => {
        await request.session.destroy();
        return reply.code(204).send(null);
      },
    );
  };
}
