// What the provisioning context needs of the pivot directory (through identity's door): link a
// person pushed by a member's directory (SCIM), and check that a source is the member's.

import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import { emailFactsOf } from "./app/identity-directory.ts";
import { createIdentityDirectoryStore } from "./db/identity-directory-store.ts";
import { savePersonLink } from "./db/save-person.ts";
import type { IdentityDatabase } from "./db/tables.ts";
import type { PersonRole } from "./domain/person.ts";
import { isEmailAddress, normalizeEmail, normalizeGroups, normalizeText } from "./domain/pivot-identity.ts";
import { mayAssertEmail, roleAtSignIn } from "./domain/route-email.ts";

/** A person as a member's directory pushes it (SCIM User), before normalisation. */
export interface ProvisionedPerson {
  readonly givenName: string;
  readonly familyName: string;
  readonly usualName: string;
  readonly email: string;
  readonly uid: string;
  readonly role: PersonRole;
  readonly groups: readonly string[];
}

/** The pivot directory as provisioning writes it. */
export interface ProvisioningPivot {
  /**
   * Links (source, upstream id) to a person of the pivot directory, as a sign-in through that
   * source would (same `sub` for both), after the same rules: names normalised, the email in a
   * domain of the source's member (or registered for it). `active: false` (the User suspended)
   * marks the affiliation deprovisioned: it admits nobody until a write with `active: true`.
   * @returns `email_not_owned` when the member may not assert the email; `source_unknown` when the source is gone.
   */
  linkPerson(
    sourceId: string,
    upstreamId: string,
    person: ProvisionedPerson,
    active: boolean,
  ): Promise<{ readonly sub: string } | "email_not_owned" | "source_unknown">;
  /**
   * Which of `emails` the source's member may not assert, after `linkPerson`'s rule (an unknown
   * source: all of them).
   */
  emailsNotOwned(sourceId: string, emails: readonly string[]): Promise<string[]>;
  /**
   * Marks the person's affiliation to the member deprovisioned (its User deleted by the member's
   * directory): it admits nobody — sign-in, the portal, the services' entitlements — until the
   * directory links the person again with `active: true`.
   */
  deprovisionPerson(ententeId: string, memberId: string, sub: string): Promise<void>;
  /** Whether `sourceId` is a source of the member; `no_member` when the member does not exist. */
  sourceOfMember(ententeId: string, memberId: string, sourceId: string): Promise<"yes" | "no" | "no_member">;
}

/** The pivot directory for provisioning on `database`. */
export function composeIdentityForProvisioning(
  database: OpenDatabase,
  options: { readonly now: () => Date; readonly sharedMailDomains?: readonly string[] },
): ProvisioningPivot {
  const db = database.db as Kysely<IdentityDatabase>;
  const store = createIdentityDirectoryStore(db, { clock: { now: options.now } });
  const sharedMailDomains = options.sharedMailDomains ?? [];
  return {
    // Each read once (issue 12, performance): the email's facts decide both whether the member
    // may assert it and the role a registered address forces, as `mayAssertEmail` then
    // `resolvePerson` of the sign-in do; the write reads no affiliation back.
    async linkPerson(sourceId, upstreamId, person, active) {
      const email = normalizeEmail(person.email);
      // The source and the email's facts read at the same time (one round trip of waiting).
      const [source, facts] = await Promise.all([
        store.findSource(sourceId),
        isEmailAddress(email) ? emailFactsOf(store, email, sharedMailDomains) : null,
      ]);
      if (source === null) return "source_unknown";
      if (facts === null || !mayAssertEmail(facts, source)) return "email_not_owned";
      const familyName = normalizeText(person.familyName);
      const sub = await savePersonLink(
        db,
        source,
        { sourceId, upstreamId, attributes: {}, amr: [], acr: null },
        {
          givenName: normalizeText(person.givenName),
          familyName,
          usualName: normalizeText(person.usualName) || familyName,
          email,
          // The member's own directory pushes it, for an address it owns (checked just above):
          // as verified as what its sources assert at sign-in.
          emailVerified: true,
          uid: normalizeText(person.uid),
          groups: normalizeGroups(person.groups),
          role: roleAtSignIn(facts.registered, source, person.role),
        },
        { now: options.now(), newId: randomUUID, deprovisioned: !active },
      );
      return { sub };
    },
    async emailsNotOwned(sourceId, emails) {
      if (emails.length === 0) return [];
      const source = await store.findSource(sourceId);
      const owned = await Promise.all(
        emails.map(async (raw) => {
          const email = normalizeEmail(raw);
          if (source === null || !isEmailAddress(email)) return false;
          return mayAssertEmail(await emailFactsOf(store, email, sharedMailDomains), source);
        }),
      );
      return emails.filter((_, i) => !owned[i]);
    },
    async deprovisionPerson(ententeId, memberId, sub) {
      await db
        .updateTable("person_affiliation")
        .set((eb) => ({ deprovisioned_at: eb.fn.coalesce("deprovisioned_at", eb.val(options.now())) }))
        .where("sub", "=", sub)
        .where("entente_id", "=", ententeId)
        .where("member_id", "=", memberId)
        .execute();
    },
    async sourceOfMember(ententeId, memberId, sourceId) {
      const member = await db
        .selectFrom("member")
        .select("id")
        .where("entente_id", "=", ententeId)
        .where("id", "=", memberId)
        .executeTakeFirst();
      if (member === undefined) return "no_member";
      const source = await store.findSource(sourceId);
      return source !== null && source.ententeId === ententeId && source.memberId === memberId ? "yes" : "no";
    },
  };
}
