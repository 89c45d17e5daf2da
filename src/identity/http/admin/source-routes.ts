import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import { createSource } from "../../app/admin/create-source.ts";
import { deleteSource } from "../../app/admin/delete-source.ts";
import { endSourceSessions } from "../../app/admin/end-source-sessions.ts";
import { getSource } from "../../app/admin/get-source.ts";
import type { IdentityAdminDeps } from "../../app/admin/identity-admin-ports.ts";
import { listSources } from "../../app/admin/list-sources.ts";
import { updateSource } from "../../app/admin/update-source.ts";
import { Source, SourceCreate, SourceIdParam, SourceUpdate } from "../../contracts.ts";
import type { SourceInput } from "../../domain/identity-source.ts";
import { BASE, EntenteParams, MemberFilter, tags } from "./admin-route-params.ts";
import { sourceJson } from "./identity-admin-json.ts";

const SourceParams = EntenteParams.extend({ sourceId: SourceIdParam });

const SessionsEndedJson = z.object({
  sessions: z.number().int().describe("provider sessions ended"),
  servicesNotified: z.number().int().describe("services that acknowledged a back-channel logout token"),
  servicesFailed: z.number().int().describe("services whose back-channel logout endpoint failed"),
});

/** Identity sources of the members: listed and read (never their secrets), connected, edited, deleted. */
export function registerSourceRoutes(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.get(
    `${BASE}/sources`,
    {
      schema: {
        summary: "Identity sources of the members (never their secrets)",
        tags,
        params: EntenteParams,
        querystring: MemberFilter,
        response: { 200: z.array(Source) },
      },
    },
    async (request) =>
      (
        await listSources(deps, requirePrincipal(request), request.params.id, request.query.memberId ?? null)
      ).map(sourceJson),
  );
  app.get(
    `${BASE}/sources/:sourceId`,
    { schema: { summary: "One identity source", tags, params: SourceParams, response: { 200: Source } } },
    async (request) =>
      sourceJson(
        await getSource(deps, requirePrincipal(request), request.params.id, request.params.sourceId),
      ),
  );
  registerSourceWrites(app, deps);
}

function registerSourceWrites(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.post(
    `${BASE}/sources`,
    {
      schema: {
        summary: "Connect an identity source (LDAP/AD, OIDC, SAML, local accounts) for a member",
        tags,
        params: EntenteParams,
        body: SourceCreate,
        response: { 201: Source },
      },
    },
    async (request, reply) => {
      const input = request.body as SourceInput;
      const source = await createSource(deps, requirePrincipal(request), request.params.id, input);
      return reply.code(201).send(sourceJson(source));
    },
  );
  app.put(
    `${BASE}/sources/:sourceId`,
    {
      schema: {
        summary: "Edit an identity source (secret absent: kept)",
        tags,
        params: SourceParams,
        body: SourceUpdate,
        response: { 200: Source },
      },
    },
    async (request) => {
      const { rowVersion, ...input } = request.body;
      const { id, sourceId } = request.params;
      return sourceJson(
        await updateSource(deps, requirePrincipal(request), id, sourceId, input as SourceInput, rowVersion),
      );
    },
  );
  app.post(
    `${BASE}/sources/:sourceId/end-sessions`,
    {
      schema: {
        summary:
          "End the sessions of everyone who signed in through the source (after suspending it): back-channel logout to their services",
        tags,
        params: SourceParams,
        response: { 200: SessionsEndedJson },
      },
    },
    async (request) =>
      endSourceSessions(deps, requirePrincipal(request), request.params.id, request.params.sourceId),
  );
  app.delete(
    `${BASE}/sources/:sourceId`,
    {
      schema: {
        summary: "Delete an identity source nobody signed in through (else disable it)",
        tags,
        params: SourceParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteSource(deps, requirePrincipal(request), request.params.id, request.params.sourceId);
      return reply.code(204).send(null);
    },
  );
}
