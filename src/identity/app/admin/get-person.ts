import type { Principal } from "../../../access/index.ts";
import type { DirectoryPerson } from "../../domain/person.ts";
import { EntenteError, localized } from "../../errors.ts";
import type { IdentityAdminDeps } from "./identity-admin-ports.ts";
import { identityReadScope } from "./identity-read-scope.ts";
import { restrictToReader } from "./restrict-to-reader.ts";

const PERSON = localized("personne", "person");

/** One person. @throws `identity.not_found` (also when the reader may not see them). */
export async function getPerson(
  deps: IdentityAdminDeps,
  principal: Principal,
  ententeId: string,
  sub: string,
): Promise<DirectoryPerson> {
  const memberId = identityReadScope(principal, ententeId, null);
  const person = await deps.directory.getPerson(ententeId, sub);
  const visible = person === null ? null : restrictToReader(person, principal, memberId);
  if (visible === null || visible.affiliations.length === 0) {
    throw new EntenteError("identity.not_found", { what: PERSON, id: sub });
  }
  return visible;
}
