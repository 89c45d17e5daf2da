import type { Principal } from "../../../access/index.ts";
import type { DirectoryPerson } from "../../domain/person.ts";

/**
 * What a reader sees of a person: the secretariat everything; a member's finance officer the
 * affiliations to its member only, and none of the person's links (which sources of other
 * members the person uses is not this member's business).
 */
export function restrictToReader(
  person: DirectoryPerson,
  principal: Principal,
  memberId: string | null,
): DirectoryPerson {
  if (principal.role === "secretariat" || memberId === null) return person;
  return {
    ...person,
    affiliations: person.affiliations.filter((a) => a.memberId === memberId),
    links: [],
  };
}
