import type { Principal } from "../../../access/index.ts";
import type { DirectoryPerson } from "../../domain/person.ts";
import type { IdentityAdminDeps, PersonQuery } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";
import { restrictToReader } from "./restrict-to-reader.ts";

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
  return {
    total: result.total,
    persons: result.persons.map((p) => restrictToReader(p, principal, memberId)),
  };
}
