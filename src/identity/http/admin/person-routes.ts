import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import { IdParam } from "../../../shared/contract-primitives.ts";
import { declareAffiliation } from "../../app/admin/declare-affiliation.ts";
import { getPerson } from "../../app/admin/get-person.ts";
import type { IdentityAdminDeps } from "../../app/admin/identity-admin-ports.ts";
import { listPersons } from "../../app/admin/list-persons.ts";
import { removeDeclaredAffiliation } from "../../app/admin/remove-declared-affiliation.ts";
import { AffiliationDeclare, Person, PersonPage, PersonQuery, SubParam } from "../../contracts.ts";
import { BASE, EntenteParams, tags } from "./admin-route-params.ts";
import { personJson } from "./identity-admin-json.ts";

const PersonParams = EntenteParams.extend({ sub: SubParam });

/** Persons of the pivot directory: searched, read, and their declared affiliations added and removed. */
export function registerPersonRoutes(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
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
        params: PersonParams,
        response: { 200: Person },
      },
    },
    async (request) =>
      personJson(await getPerson(deps, requirePrincipal(request), request.params.id, request.params.sub)),
  );
  registerAffiliationRoutes(app, deps);
}

function registerAffiliationRoutes(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.post(
    `${BASE}/persons/:sub/affiliations`,
    {
      schema: {
        summary: "Declare an extra organisation a person acts for (a shared agent)",
        tags,
        params: PersonParams,
        body: AffiliationDeclare,
        response: { 200: Person },
      },
    },
    async (request) => {
      const { id, sub } = request.params;
      return personJson(await declareAffiliation(deps, requirePrincipal(request), id, sub, request.body));
    },
  );
  app.delete(
    `${BASE}/persons/:sub/affiliations/:memberId`,
    {
      schema: {
        summary: "Remove a declared affiliation (one from a source comes back at the next sign-in)",
        tags,
        params: PersonParams.extend({ memberId: IdParam }),
        response: { 200: Person, 204: z.null() },
      },
    },
    async (request, reply) => {
      const { id, sub, memberId } = request.params;
      const person = await removeDeclaredAffiliation(deps, requirePrincipal(request), id, sub, memberId);
      return person === null ? reply.code(204).send(null) : reply.send(personJson(person));
    },
  );
}
