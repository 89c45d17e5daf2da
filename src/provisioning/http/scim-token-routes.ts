import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { IdParam } from "../../shared/contract-primitives.ts";
import { issueScimToken, revokeScimToken, type ScimTokenDeps } from "../app/scim-tokens.ts";
import { ScimTokenIssued, ScimTokenRequest } from "../contracts.ts";

const BASE = "/api/ententes/:id/provisioning";
const tags = ["provisioning"];

/**
 * The secretariat issues, rotates and revokes the members' SCIM tokens (`manage-identity`). The
 * token is shown once (`cache-control: no-store`); only its SHA-256 is kept.
 */
export function createScimTokenRoutes(deps: ScimTokenDeps): RouteRegistrar {
  return async (app) => {
    app.post(
      `${BASE}/scim-tokens`,
      {
        schema: {
          summary: "Issue or rotate a member's SCIM token (shown once; the previous one stops working)",
          tags,
          params: z.object({ id: IdParam }),
          body: ScimTokenRequest,
          response: { 201: ScimTokenIssued },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        const scope = { ententeId: request.params.id, ...request.body };
        const token = await issueScimToken(deps, principal, scope, principal.email);
        const endpoint = `${request.protocol}://${request.host}/scim/v2/${scope.ententeId}/${scope.memberId}`;
        reply.header("cache-control", "no-store");
        return reply.code(201).send({ endpoint, token });
      },
    );
    app.delete(
      `${BASE}/scim-tokens/:memberId`,
      {
        schema: {
          summary: "Revoke a member's SCIM token",
          tags,
          params: z.object({ id: IdParam, memberId: IdParam }),
        },
      },
      async (request, reply) => {
        await revokeScimToken(deps, requirePrincipal(request), request.params.id, request.params.memberId);
        return reply.code(204).send();
      },
    );
  };
}
