import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { IdParam } from "../../shared/contract-primitives.ts";
import type { IdentityAdminDeps } from "../app/admin/identity-admin-ports.ts";
import {
  addDomain,
  listDomains,
  listRegisteredAddresses,
  registerAddress,
  removeDomain,
  removeRegisteredAddress,
} from "../app/admin/manage-domains.ts";
import {
  declareAffiliation,
  getPerson,
  listPersons,
  removeDeclaredAffiliation,
} from "../app/admin/manage-persons.ts";
import {
  createService,
  deleteService,
  getService,
  listServices,
  rotateServiceSecret,
  updateService,
} from "../app/admin/manage-services.ts";
import {
  createSource,
  deleteSource,
  getSource,
  listSources,
  updateSource,
} from "../app/admin/manage-sources.ts";
import { listIdentityEvents } from "../app/admin/read-identity-events.ts";
import {
  AffiliationDeclare,
  ClientIdParam,
  IdentityEventPage,
  IdentityEventQuery,
  MemberDomain,
  MemberDomainCreate,
  Person,
  PersonPage,
  PersonQuery,
  RegisteredAddress,
  RegisteredAddressCreate,
  Service,
  ServiceCreated,
  ServiceSecret,
  ServiceUpdate,
  ServiceWrite,
  Source,
  SourceCreate,
  SourceIdParam,
  SourceUpdate,
  SubParam,
} from "../contracts.ts";
import type { SourceInput } from "../domain/identity-source.ts";
import { identityEventJson, personJson, serviceJson, sourceJson } from "./identity-admin-json.ts";

const BASE = "/api/ententes/:id/identity";
const EntenteParams = z.object({ id: IdParam });
const MemberFilter = z.object({ memberId: IdParam.optional() });
const tags = ["identity federation"];

/**
 * Administration of the identity federation (issue 4): identity sources of members, email
 * domains, registered personal addresses, persons of the pivot directory and their declared
 * affiliations, services (relying parties), the sign-in log. The entente's secretariat writes;
 * a member's finance officer reads its own member's data; others get 403, another entente 404.
 * Secrets are write-only.
 */
export function createIdentityAdminRoutes(deps: IdentityAdminDeps): RouteRegistrar {
  return async (app) => {
    // ---- sources ----------------------------------------------------------------------------
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
          await listSources(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.query.memberId ?? null,
          )
        ).map(sourceJson),
    );

    app.get(
      `${BASE}/sources/:sourceId`,
      {
        schema: {
          summary: "One identity source",
          tags,
          params: EntenteParams.extend({ sourceId: SourceIdParam }),
          response: { 200: Source },
        },
      },
      async (request) =>
        sourceJson(
          await getSource(deps, requirePrincipal(request), request.params.id, request.params.sourceId),
        ),
    );

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
        const source = await createSource(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.body as SourceInput,
        );
        return reply.code(201).send(sourceJson(source));
      },
    );

    app.put(
      `${BASE}/sources/:sourceId`,
      {
        schema: {
          summary: "Edit an identity source (secret absent: kept)",
          tags,
          params: EntenteParams.extend({ sourceId: SourceIdParam }),
          body: SourceUpdate,
          response: { 200: Source },
        },
      },
      async (request) => {
        const { rowVersion, ...input } = request.body;
        return sourceJson(
          await updateSource(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.sourceId,
            input as SourceInput,
            rowVersion,
          ),
        );
      },
    );

    app.delete(
      `${BASE}/sources/:sourceId`,
      {
        schema: {
          summary: "Delete an identity source nobody signed in through (else disable it)",
          tags,
          params: EntenteParams.extend({ sourceId: SourceIdParam }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteSource(deps, requirePrincipal(request), request.params.id, request.params.sourceId);
        return reply.code(204).send(null);
      },
    );

    // ---- domains and registered addresses ----------------------------------------------------
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
        reply
          .code(201)
          .send(await addDomain(deps, requirePrincipal(request), request.params.id, request.body)),
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
        await removeRegisteredAddress(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.email,
        );
        return reply.code(204).send(null);
      },
    );

    // ---- persons -----------------------------------------------------------------------------
    app.get(
      `${BASE}/persons`,
      {
        schema: {
          summary: "Persons of the pivot directory with an affiliation in the entente (search, pages)",
          tags,
          params: EntenteParams,
          querystring: PersonQuery,
          response: { 200: PersonPage },
        },
      },
      async (request) => {
        const { memberId, q, limit, offset } = request.query;
        const page = await listPersons(deps, requirePrincipal(request), request.params.id, {
          memberId: memberId ?? null,
          search: q ?? null,
          ...(limit === undefined ? {} : { limit }),
          ...(offset === undefined ? {} : { offset }),
        });
        return { total: page.total, persons: page.persons.map(personJson) };
      },
    );

    app.get(
      `${BASE}/persons/:sub`,
      {
        schema: {
          summary: "A person: affiliations and linked source accounts",
          tags,
          params: EntenteParams.extend({ sub: SubParam }),
          response: { 200: Person },
        },
      },
      async (request) =>
        personJson(await getPerson(deps, requirePrincipal(request), request.params.id, request.params.sub)),
    );

    app.post(
      `${BASE}/persons/:sub/affiliations`,
      {
        schema: {
          summary: "Declare an extra organisation a person acts for (a shared agent)",
          tags,
          params: EntenteParams.extend({ sub: SubParam }),
          body: AffiliationDeclare,
          response: { 200: Person },
        },
      },
      async (request) =>
        personJson(
          await declareAffiliation(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.sub,
            request.body,
          ),
        ),
    );

    app.delete(
      `${BASE}/persons/:sub/affiliations/:memberId`,
      {
        schema: {
          summary: "Remove a declared affiliation (one from a source comes back at the next sign-in)",
          tags,
          params: EntenteParams.extend({ sub: SubParam, memberId: IdParam }),
          response: { 200: Person, 204: z.null() },
        },
      },
      async (request, reply) => {
        const person = await removeDeclaredAffiliation(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.sub,
          request.params.memberId,
        );
        return person === null ? reply.code(204).send(null) : reply.send(personJson(person));
      },
    );

    // ---- services ----------------------------------------------------------------------------
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
      {
        schema: {
          summary: "One service",
          tags,
          params: EntenteParams.extend({ clientId: ClientIdParam }),
          response: { 200: Service },
        },
      },
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

    app.put(
      `${BASE}/services/:clientId`,
      {
        schema: {
          summary: "Edit a service",
          tags,
          params: EntenteParams.extend({ clientId: ClientIdParam }),
          body: ServiceUpdate,
          response: { 200: Service },
        },
      },
      async (request) => {
        const { rowVersion, ...input } = request.body;
        return serviceJson(
          await updateService(
            deps,
            requirePrincipal(request),
            request.params.id,
            request.params.clientId,
            input,
            rowVersion,
          ),
        );
      },
    );

    app.post(
      `${BASE}/services/:clientId/secret`,
      {
        schema: {
          summary: "Replace a service's secret at once; the new one is shown once",
          tags,
          params: EntenteParams.extend({ clientId: ClientIdParam }),
          response: { 200: ServiceSecret },
        },
      },
      async (request, reply) => {
        const clientSecret = await rotateServiceSecret(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.clientId,
        );
        reply.header("cache-control", "no-store");
        return { clientSecret };
      },
    );

    app.delete(
      `${BASE}/services/:clientId`,
      {
        schema: {
          summary: "Delete a service",
          tags,
          params: EntenteParams.extend({ clientId: ClientIdParam }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await deleteService(deps, requirePrincipal(request), request.params.id, request.params.clientId);
        return reply.code(204).send(null);
      },
    );

    // ---- sign-in log -------------------------------------------------------------------------
    app.get(
      `${BASE}/events`,
      {
        schema: {
          summary: "Sign-in log (sign-ins, refusals, failures, logouts, second factor), newest first",
          tags,
          params: EntenteParams,
          querystring: IdentityEventQuery,
          response: { 200: IdentityEventPage },
        },
      },
      async (request) => {
        const q = request.query;
        const page = await listIdentityEvents(deps, requirePrincipal(request), request.params.id, {
          kind: q.kind ?? null,
          memberId: q.memberId ?? null,
          sub: q.sub ?? null,
          clientId: q.clientId ?? null,
          from: q.from === undefined ? null : new Date(q.from),
          to: q.to === undefined ? null : new Date(q.to),
          before: q.before ?? null,
          limit: q.limit ?? 50,
        });
        return { events: page.events.map(identityEventJson), nextBefore: page.nextBefore };
      },
    );
  };
}
