import type { FastifyInstance } from "fastify";
import { notFound } from "../domain/scim-error.ts";
import {
  ENTERPRISE_SCHEMA,
  GROUP_SCHEMA,
  LIST_SCHEMA,
  type SchemaDefinition,
  schemasOf,
  USER_SCHEMA,
} from "../domain/scim-schemas.ts";
import { SCIM_MEDIA_TYPE } from "./scim-responses.ts";

type BaseOf = (request: { readonly params: unknown }) => string;

/**
 * The discovery endpoints (RFC 7644 §4): `/ServiceProviderConfig`, `/ResourceTypes`, `/Schemas`.
 * They describe the server, not a member's data, and answer without a token (§4 allows it).
 */
export function registerScimDiscoveryRoutes(scim: FastifyInstance, baseOf: BaseOf): void {
  scim.get("/ServiceProviderConfig", async (request, reply) =>
    reply.type(SCIM_MEDIA_TYPE).send(serviceProviderConfig(baseOf(request))),
  );
  scim.get("/ResourceTypes", async (request, reply) =>
    reply.type(SCIM_MEDIA_TYPE).send(list(resourceTypes(baseOf(request)))),
  );
  scim.get<{ Params: { id: string } }>("/ResourceTypes/:id", async (request, reply) => {
    const found = resourceTypes(baseOf(request)).find((r) => r.id === request.params.id);
    if (found === undefined) throw notFound("ResourceType", request.params.id);
    return reply.type(SCIM_MEDIA_TYPE).send(found);
  });
  scim.get("/Schemas", async (request, reply) =>
    reply.type(SCIM_MEDIA_TYPE).send(list(allSchemas(baseOf(request)))),
  );
  scim.get<{ Params: { id: string } }>("/Schemas/:id", async (request, reply) => {
    const found = allSchemas(baseOf(request)).find((s) => s.id === request.params.id);
    if (found === undefined) throw notFound("Schema", request.params.id);
    return reply.type(SCIM_MEDIA_TYPE).send(found);
  });
}

const list = (resources: readonly object[]) => ({
  schemas: [LIST_SCHEMA],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});

function serviceProviderConfig(base: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://github.com/entente/entente/blob/main/docs/provisioning.md",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: 1000 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description:
          "The member's SCIM token, issued by the entente's secretariat (entente scim token issue).",
        specUri: "https://www.rfc-editor.org/rfc/rfc6750",
        primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${base}/ServiceProviderConfig` },
  };
}

function resourceTypes(base: string) {
  const type = (id: string, endpoint: string, schema: string, description: string, extensions: string[]) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id,
    name: id,
    endpoint,
    description,
    schema,
    schemaExtensions: extensions.map((s) => ({ schema: s, required: false })),
    meta: { resourceType: "ResourceType", location: `${base}/ResourceTypes/${id}` },
  });
  return [
    type("User", "/Users", USER_SCHEMA, "A person of the member (pivot identity).", [ENTERPRISE_SCHEMA]),
    type("Group", "/Groups", GROUP_SCHEMA, "A group of the member's persons.", []),
  ];
}

function allSchemas(base: string) {
  const show = (schema: SchemaDefinition) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    ...schema,
    meta: { resourceType: "Schema", location: `${base}/Schemas/${schema.id}` },
  });
  return [...schemasOf("User"), ...schemasOf("Group")].map(show);
}
