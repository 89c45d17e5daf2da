import { declaredContact, ensureDeclaredEmailOwned } from "../../domain/directory-rules.ts";
import { EntenteError, localized } from "../../errors.ts";
import type { IdentityDirectoryAdmin, MemberNames, PersonAdminStore } from "./identity-admin-ports.ts";

const MEMBER = localized("membre", "member");
const PERSON = localized("personne", "person");
const DECLARED = localized("rattachement déclaré", "declared affiliation");

/** The persons part of `IdentityDirectoryAdmin`. */
export type PersonAdmin = Pick<
  IdentityDirectoryAdmin,
  "listPersons" | "getPerson" | "declareAffiliation" | "removeDeclaredAffiliation"
>;

/**
 * Persons of the directory, rules applied: an affiliation is declared for a person of the entente
 * (one with an affiliation there; another entente's answers as unknown) and a member of the
 * entente, with an email (given, or the latest a source of the entente asserted) that the member
 * owns or that is the person's own (`ensureDeclaredEmailOwned`); only declared
 * affiliations are removed (one from a source comes back at the next sign-in).
 */
export function createPersonAdmin(deps: {
  readonly persons: PersonAdminStore;
  readonly members: MemberNames;
}): PersonAdmin {
  const { persons, members } = deps;
  return {
    listPersons: (ententeId, query) => persons.listPersons(ententeId, query),
    getPerson: (ententeId, sub) => persons.getPerson(ententeId, sub),
    async declareAffiliation(ententeId, sub, input, actor) {
      // Another entente's person answers as an unknown one: same code, same message.
      if ((await persons.getPerson(ententeId, sub)) === null)
        throw new EntenteError("identity.not_found", { what: PERSON, id: sub });
      if ((await members.memberName(ententeId, input.memberId)) === null) {
        throw new EntenteError("identity.not_found", { what: MEMBER, id: input.memberId });
      }
      const own = await persons.sourceContacts(ententeId, sub);
      const contact = declaredContact(input.email, own[0] ?? null);
      const facts = await persons.emailFacts(contact.email);
      const ownEmails = own.map((c) => c.email);
      ensureDeclaredEmailOwned(contact.email, ownEmails, facts, { ententeId, memberId: input.memberId });
      const values = { memberId: input.memberId, role: input.role, groups: input.groups, ...contact };
      return persons.declareAffiliation(ententeId, sub, values, actor);
    },
    async removeDeclaredAffiliation(ententeId, sub, memberId, actor) {
      const { removed, person } = await persons.removeDeclaredAffiliation(ententeId, sub, memberId, actor);
      if (!removed)
        throw new EntenteError("identity.not_found", { what: DECLARED, id: `${sub} / ${memberId}` });
      return person;
    },
  };
}
