import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import type { IdentityAdminDeps } from "../../app/admin/identity-admin-ports.ts";
import { listRegisteredAddresses } from "../../app/admin/list-registered-addresses.ts";
import { registerAddress } from "../../app/admin/register-address.ts";
import { removeRegisteredAddress } from "../../app/admin/remove-registered-address.ts";
import { RegisteredAddress, RegisteredAddressCreate } from "../../contracts.ts";
import { BASE, EntenteParams, MemberFilter, tags } from "./admin-route-params.ts";

/** Personal addresses registered for members (élus): listed, registered, removed. */
export function registerAddressRoutes(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.get(
    `${BASE}/addresses`,
    {
      schema: {
        summary: "Personal addresses registered for members (élus)",
        tags,
        params: EntenteParams,
        querystring: MemberFilter,
        response: { 200: z.array(RegisteredAddress) },
      },
    },
    async (request) =>
      listRegisteredAddresses(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.query.memberId ?? null,
      ),
  );
  app.post(
    `${BASE}/addresses`,
    {
      schema: {
        summary: "Register a personal address: it leads to a member's source, and may force the role élu",
        tags,
        params: EntenteParams,
        body: RegisteredAddressCreate,
        response: { 201: RegisteredAddress },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await registerAddress(deps, requirePrincipal(request), request.params.id, request.body)),
  );
  app.delete(
    `${BASE}/addresses/:email`,
    {
      schema: {
        summary: "Remove a registered address",
        tags,
        params: EntenteParams.extend({ email: z.string().min(3).max(254) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeRegisteredAddress(deps, requirePrincipal(request), request.params.id, request.params.email);
      return reply.code(204).send(null);
    },
  );
}
