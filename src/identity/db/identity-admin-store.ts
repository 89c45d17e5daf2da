import type { Kysely } from "kysely";
import type { Clock } from "../../shared/clock.ts";
import type { IdentityDirectoryAdmin } from "../app/admin/identity-admin-ports.ts";
import { createIdentityDirectoryAdmin } from "../app/admin/identity-directory-admin.ts";
import { createMemberDomainStore } from "./member-domain-store.ts";
import { createMemberNames } from "./member-names.ts";
import { createPersonAdminStore } from "./person-admin-store.ts";
import { createRegisteredAddressStore } from "./registered-address-store.ts";
import { createSourceStore } from "./source-store.ts";
import type { IdentityDatabase } from "./tables.ts";

/**
 * The administration of the identity directory on a database: the rules
 * (`createIdentityDirectoryAdmin`) over one store per aggregate — sources, member domains,
 * registered addresses, persons. Source ids are random UUIDs unless `newId` is given.
 */
export function createIdentityAdminStore(
  db: Kysely<IdentityDatabase>,
  options: {
    readonly clock?: Clock;
    readonly newId?: () => string;
    /** Entries added to the shared consumer mail domains (IDENTITY_SHARED_MAIL_DOMAINS). */
    readonly sharedMailDomains?: readonly string[];
  } = {},
): IdentityDirectoryAdmin {
  return createIdentityDirectoryAdmin({
    sources: createSourceStore(db, options),
    domains: createMemberDomainStore(db, options),
    addresses: createRegisteredAddressStore(db, options),
    persons: createPersonAdminStore(db),
    members: createMemberNames(db),
    sharedMailDomains: options.sharedMailDomains ?? [],
  });
}
