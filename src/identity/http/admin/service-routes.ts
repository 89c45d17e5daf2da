import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import { createService } from "../../app/admin/create-service.ts";
import { deleteService } from "../../app/admin/delete-service.ts";
import { getService } from "../../app/admin/get-service.ts";
import type { IdentityAdminDeps } from "../../app/admin/identity-admin-ports.ts";
import { listServices } from "../../app/admin/list-services.ts";
import { rotateServiceSecret } from "../../app/admin/rotate-service-secret.ts";
import { updateService } from "../../app/admin/update-service.ts";
import {
  ClientIdParam,
  Service,
  ServiceCreated,
  ServiceSecret,
  ServiceUpdate,
  ServiceWrite,
} from "../../contracts.ts";
import { BASE, EntenteParams, tags } from "./admin-route-params.ts";
import { serviceJson } from "./identity-admin-json.ts";

const ServiceParams = EntenteParams.extend({ clientId: ClientIdParam });

/** Services (OpenID Connect relying parties): listed, read, registered, edited, re-keyed, deleted. Secrets are shown once, never cached. */
export function registerServiceRoutes(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.get(
    `${BASE}/services`,
    {
      schema: {
        summary: "Services (OpenID Connect relying parties) of the entente",
        tags,
        params: EntenteParams,
        response: { 200: z.array(Service) },
      },
    },
    async (request) =>
      (await listServices(deps, requirePrincipal(request), request.params.id)).map(serviceJson),
  );
  app.get(
    `${BASE}/services/:clientId`,
    { schema: { summary: "One service", tags, params: ServiceParams, response: { 200: Service } } },
    async (request) =>
      serviceJson(
        await getService(deps, requirePrincipal(request), request.params.id, request.params.clientId),
      ),
  );
  app.post(
    `${BASE}/services`,
    {
      schema: {
        summary: "Register a service: exact redirect URIs, access policy, claims; the secret is shown once",
        tags,
        params: EntenteParams,
        body: ServiceWrite,
        response: { 201: ServiceCreated },
      },
    },
    async (request, reply) => {
      const created = await createService(deps, requirePrincipal(request), request.params.id, request.body);
      reply.header("cache-control", "no-store");
      return reply
        .code(201)
        .send({ service: serviceJson(created.client), clientSecret: created.clientSecret });
    },
  );
  registerServiceChanges(app, deps);
}

function registerServiceChanges(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.put(
    `${BASE}/services/:clientId`,
    {
      schema: {
        summary: "Edit a service",
        tags,
        params: ServiceParams,
        body: ServiceUpdate,
        response: { 200: Service },
      },
    },
    async (request) => {
      const { rowVersion, ...input } = request.body;
      const { id, clientId } = request.params;
      return serviceJson(
        await updateService(deps, requirePrincipal(request), id, clientId, input, rowVersion),
      );
    },
  );
  app.post(
    `${BASE}/services/:clientId/secret`,
    {
      schema: {
        summary: "Replace a service's secret at once; the new one is shown once",
        tags,
        params: ServiceParams,
        response: { 200: ServiceSecret },
      },
    },
    async (request, reply) => {
      const { id, clientId } = request.params;
      const clientSecret = await rotateServiceSecret(deps, requirePrincipal(request), id, clientId);
      reply.header("cache-control", "no-store");
      return { clientSecret };
    },
  );
  app.delete(
    `${BASE}/services/:clientId`,
    { schema: { summary: "Delete a service", tags, params: ServiceParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteService(deps, requirePrincipal(request), request.params.id, request.params.clientId);
      return reply.code(204).send(null);
    },
  );
}
