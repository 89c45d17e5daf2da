import type { FastifyInstance, FastifyRequest } from "fastify";
import { listUsers } from "../app/list-resources.ts";
import type { ScimDeps, ScimScope } from "../app/ports.ts";
import { projectAttributes, userResource } from "../app/scim-representation.ts";
import { createUser, deleteUser, getUser, patchUser, replaceUser } from "../app/scim-users.ts";
import { ifNoneMatchHits } from "../domain/scim-etag.ts";
import { sendList, sendResource } from "./scim-responses.ts";

/** Query of a SCIM read (RFC 7644 §3.4.2, §3.9). */
export interface ScimQuery {
  readonly filter?: string;
  readonly startIndex?: string;
  readonly count?: string;
  readonly attributes?: string;
  readonly excludedAttributes?: string;
}

type Scope = (request: FastifyRequest) => ScimScope;
type Base = (request: FastifyRequest) => string;

/** /Users: list with filter and pagination, search (POST /.search), read, create, replace, patch, delete. */
export function registerScimUserRoutes(
  scim: FastifyInstance,
  deps: ScimDeps,
  scopeOf: Scope,
  baseOf: Base,
): void {
  scim.get<{ Querystring: ScimQuery }>("/Users", async (request, reply) => {
    const page = await listUsers(deps, scopeOf(request), request.query, baseOf(request));
    return sendList(reply, {
      ...page,
      resources: page.resources.map((r) => projectAttributes("User", r, request.query)),
    });
  });
  scim.post<{ Body: ScimQuery }>("/Users/.search", async (request, reply) => {
    const query = (request.body ?? {}) as ScimQuery & { startIndex?: unknown; count?: unknown };
    const asText = { ...query, startIndex: optionalText(query.startIndex), count: optionalText(query.count) };
    const page = await listUsers(deps, scopeOf(request), asText, baseOf(request));
    return sendList(reply, {
      ...page,
      resources: page.resources.map((r) => projectAttributes("User", r, asText)),
    });
  });
  scim.get<{ Params: { id: string }; Querystring: ScimQuery }>("/Users/:id", async (request, reply) => {
    const user = await getUser(deps, scopeOf(request), request.params.id);
    if (ifNoneMatchHits(request.headers["if-none-match"], user.version)) return reply.code(304).send();
    return sendResource(
      reply,
      200,
      projectAttributes("User", userResource(user, baseOf(request)), request.query),
    );
  });
  scim.post("/Users", async (request, reply) => {
    const { user } = await createUser(deps, scopeOf(request), request.body);
    return sendResource(reply, 201, userResource(user, baseOf(request)));
  });
  scim.put<{ Params: { id: string } }>("/Users/:id", async (request, reply) => {
    const user = await replaceUser(
      deps,
      scopeOf(request),
      request.params.id,
      request.body,
      request.headers["if-match"],
    );
    return sendResource(reply, 200, userResource(user, baseOf(request)));
  });
  scim.patch<{ Params: { id: string } }>("/Users/:id", async (request, reply) => {
    const user = await patchUser(
      deps,
      scopeOf(request),
      request.params.id,
      request.body,
      request.headers["if-match"],
    );
    return sendResource(reply, 200, userResource(user, baseOf(request)));
  });
  scim.delete<{ Params: { id: string } }>("/Users/:id", async (request, reply) => {
    await deleteUser(deps, scopeOf(request), request.params.id, request.headers["if-match"]);
    return reply.code(204).send();
  });
}

/** A number or a string of a POST /.search body as the text a query string would carry. */
export const optionalText = (value: unknown) =>
  value === undefined || value === null ? undefined : String(value);
