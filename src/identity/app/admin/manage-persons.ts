import type { Principal } from "../../../access/index.ts";
import { assertCan } from "../../../access/index.ts";
import type { DeclaredAffiliationInput, DirectoryPerson } from "../../domain/person.ts";
import { EntenteError, localized } from "../../errors.ts";
import type { IdentityAdminDeps, PersonQuery } from "./identity-admin-ports.ts";
import { identityActor, identityReadScope } from "./identity-read-scope.ts";

const PERSON = localized("personne", "person");

/**
 * Persons of the pivot directory with an affiliation in the entente. A member's finance officer
 * sees its member's persons, and only their affiliations to its member.
 */
export async function listPersons(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  query: Omit<PersonQuery, "limit" | "offset"> & { readonly limit?: number; readonly offset?: number },
): Promise<{ persons: DirectoryPerson[]; total: number }> {
  const memberId = identityReadScope(principal, ententeId, query.memberId);
  const result = await deps.directory.listPersons(ententeId, {
    memberId,
    search: query.search,
    limit: Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 200),
    offset: Math.max(Math.trunc(query.offset ?? 0), 0),
  });
  return { total: result.total, persons: result.persons.map((p) => restrictTo(p, principal, memberId)) };
}

/** One person. @throws `identity.not_found` (also when the reader may not see them). */
export async function getPerson(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sub: string,
): Promise<DirectoryPerson> {
  const memberId = identityReadScope(principal, ententeId, null);
  const person = await deps.directory.getPerson(ententeId, sub);
  const visible = person === null ? null : restrictTo(person, principal, memberId);
  if (visible === null || visible.affiliations.length === 0) {
    throw new EntenteError("identity.not_found", { what: PERSON, id: sub });
  }
  return visible;
}

/** Declares an extra organisation a person acts for (secretariat): a shared agent of several communes. */
export async function declareAffiliation(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sub: string,
  input: DeclaredAffiliationInput,
): Promise<DirectoryPerson> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.directory.declareAffiliation(ententeId, sub, input, identityActor(principal));
}

/** Removes a declared affiliation (secretariat). @returns the person, null when nothing is left in the entente. */
export async function removeDeclaredAffiliation(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sub: string,
  memberId: string,
): Promise<DirectoryPerson | null> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  return deps.directory.removeDeclaredAffiliation(ententeId, sub, memberId, identityActor(principal));
}

function restrictTo(person: DirectoryPerson, principal: Principal, memberId: string | null): DirectoryPerson {
  if (principal.role === "secretariat" || memberId === null) return person;
  return {
    ...person,
    affiliations: person.affiliations.filter((a) => a.memberId === memberId),
    // Which sources of other members the person uses is not this member's business.
    links: [],
  };
}
