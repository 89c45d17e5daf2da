import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import { addDomain } from "../../app/admin/add-domain.ts";
import type { IdentityAdminDeps } from "../../app/admin/identity-admin-ports.ts";
import { listDomains } from "../../app/admin/list-domains.ts";
import { removeDomain } from "../../app/admin/remove-domain.ts";
import { MemberDomain, MemberDomainCreate } from "../../contracts.ts";
import { BASE, EntenteParams, MemberFilter, tags } from "./admin-route-params.ts";

/** Email domains owned by the members: listed, given to a member (one per domain across the instance), taken back. */
export function registerDomainRoutes(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.get(
    `${BASE}/domains`,
    {
      schema: {
        summary: "Email domains owned by the members",
        tags,
        params: EntenteParams,
        querystring: MemberFilter,
        response: { 200: z.array(MemberDomain) },
      },
    },
    async (request) =>
      listDomains(deps, requirePrincipal(request), request.params.id, request.query.memberId ?? null),
  );
  app.post(
    `${BASE}/domains`,
    {
      schema: {
        summary: "Give an email domain to a member (one member per domain across the instance)",
        tags,
        params: EntenteParams,
        body: MemberDomainCreate,
        response: { 201: MemberDomain },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addDomain(deps, requirePrincipal(request), request.params.id, request.body)),
  );
  app.delete(
    `${BASE}/domains/:domain`,
    {
      schema: {
        summary: "Take a domain back from its member",
        tags,
        params: EntenteParams.extend({ domain: z.string().min(1).max(253) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeDomain(deps, requirePrincipal(request), request.params.id, request.params.domain);
      return reply.code(204).send(null);
    },
  );
}
