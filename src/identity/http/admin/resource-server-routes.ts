import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import { createResourceServer } from "../../app/admin/create-resource-server.ts";
import { deleteResourceServer } from "../../app/admin/delete-resource-server.ts";
import { getResourceServer } from "../../app/admin/get-resource-server.ts";
import type { IdentityAdminDeps } from "../../app/admin/identity-admin-ports.ts";
import { listResourceServers } from "../../app/admin/list-resource-servers.ts";
import { updateResourceServer } from "../../app/admin/update-resource-server.ts";
import {
  ResourceServer,
  ResourceServerIdParam,
  ResourceServerUpdate,
  ResourceServerWrite,
} from "../../contracts.ts";
import { BASE, EntenteParams, tags } from "./admin-route-params.ts";
import { resourceServerJson } from "./identity-admin-json.ts";

const Params = EntenteParams.extend({ serverId: ResourceServerIdParam });
const PATH = `${BASE}/resource-servers`;

/**
 * Resource servers (mail, files, APIs accepting the hub's access tokens): listed, read,
 * registered, edited, deleted. docs/resource-servers.md.
 */
export function registerResourceServerRoutes(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.get(
    PATH,
    {
      schema: {
        summary: "Resource servers of the entente (audience, scopes, token format)",
        tags,
        params: EntenteParams,
        response: { 200: z.array(ResourceServer) },
      },
    },
    async (request) =>
      (await listResourceServers(deps, requirePrincipal(request), request.params.id)).map(resourceServerJson),
  );
  app.get(
    `${PATH}/:serverId`,
    { schema: { summary: "One resource server", tags, params: Params, response: { 200: ResourceServer } } },
    async (request) =>
      resourceServerJson(
        await getResourceServer(deps, requirePrincipal(request), request.params.id, request.params.serverId),
      ),
  );
  app.post(
    PATH,
    {
      schema: {
        summary:
          "Register a resource server: its audience (RFC 8707 resource indicator), scopes, token format",
        tags,
        params: EntenteParams,
        body: ResourceServerWrite,
        response: { 201: ResourceServer },
      },
    },
    async (request, reply) => {
      const created = await createResourceServer(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(resourceServerJson(created));
    },
  );
  registerResourceServerChanges(app, deps);
}

function registerResourceServerChanges(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.put(
    `${PATH}/:serverId`,
    {
      schema: {
        summary: "Edit a resource server",
        tags,
        params: Params,
        body: ResourceServerUpdate,
        response: { 200: ResourceServer },
      },
    },
    async (request) => {
      const { rowVersion, ...input } = request.body;
      const { id, serverId } = request.params;
      return resourceServerJson(
        await updateResourceServer(deps, requirePrincipal(request), id, serverId, input, rowVersion),
      );
    },
  );
  app.delete(
    `${PATH}/:serverId`,
    {
      schema: { summary: "Delete a resource server", tags, params: Params, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteResourceServer(deps, requirePrincipal(request), request.params.id, request.params.serverId);
      return reply.code(204).send(null);
    },
  );
}
