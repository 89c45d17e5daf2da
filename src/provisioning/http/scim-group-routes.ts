import type { FastifyInstance, FastifyRequest } from "fastify";
import { listGroups } from "../app/list-resources.ts";
import type { ScimDeps, ScimScope } from "../app/ports.ts";
import { createGroup, deleteGroup, getGroup, patchGroup, replaceGroup } from "../app/scim-groups.ts";
import { groupResource, projectAttributes } from "../app/scim-representation.ts";
import { ifNoneMatchHits } from "../domain/scim-etag.ts";
import { sendList, sendResource } from "./scim-responses.ts";
import { optionalText, type ScimQuery } from "./scim-user-routes.ts";

type Scope = (request: FastifyRequest) => ScimScope;
type Base = (request: FastifyRequest) => string;

/** /Groups: the same operations as /Users. */
export function registerScimGroupRoutes(
  scim: FastifyInstance,
  deps: ScimDeps,
  scopeOf: Scope,
  baseOf: Base,
): void {
  scim.get<{ Querystring: ScimQuery }>("/Groups", async (request, reply) => {
    const page = await listGroups(deps, scopeOf(request), request.query, baseOf(request));
    return sendList(reply, {
      ...page,
      resources: page.resources.map((r) => projectAttributes("Group", r, request.query)),
    });
  });
  scim.post<{ Body: ScimQuery }>("/Groups/.search", async (request, reply) => {
    const query = (request.body ?? {}) as ScimQuery & { startIndex?: unknown; count?: unknown };
    const asText = { ...query, startIndex: optionalText(query.startIndex), count: optionalText(query.count) };
    const page = await listGroups(deps, scopeOf(request), asText, baseOf(request));
    return sendList(reply, {
      ...page,
      resources: page.resources.map((r) => projectAttributes("Group", r, asText)),
    });
  });
  scim.get<{ Params: { id: string }; Querystring: ScimQuery }>("/Groups/:id", async (request, reply) => {
    const group = await getGroup(deps, scopeOf(request), request.params.id);
    if (ifNoneMatchHits(request.headers["if-none-match"], group.version)) return reply.code(304).send();
    return sendResource(
      reply,
      200,
      projectAttributes("Group", groupResource(group, baseOf(request)), request.query),
    );
  });
  scim.post("/Groups", async (request, reply) => {
    const group = await createGroup(deps, scopeOf(request), request.body);
    return sendResource(reply, 201, groupResource(group, baseOf(request)));
  });
  scim.put<{ Params: { id: string } }>("/Groups/:id", async (request, reply) => {
    const group = await replaceGroup(
      deps,
      scopeOf(request),
      request.params.id,
      request.body,
      request.headers["if-match"],
    );
    return sendResource(reply, 200, groupResource(group, baseOf(request)));
  });
  scim.patch<{ Params: { id: string } }>("/Groups/:id", async (request, reply) => {
    const group = await patchGroup(
      deps,
      scopeOf(request),
      request.params.id,
      request.body,
      request.headers["if-match"],
    );
    return sendResource(reply, 200, groupResource(group, baseOf(request)));
  });
  scim.delete<{ Params: { id: string } }>("/Groups/:id", async (request, reply) => {
    await deleteGroup(deps, scopeOf(request), request.params.id, request.headers["if-match"]);
    return reply.code(204).send();
  });
}
