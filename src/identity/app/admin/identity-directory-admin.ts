import { createAddressAdmin } from "./address-admin.ts";
import { createDomainAdmin } from "./domain-admin.ts";
import type {
  IdentityDirectoryAdmin,
  MemberDomainStore,
  MemberNames,
  PersonAdminStore,
  RegisteredAddressStore,
  SourceStore,
} from "./identity-admin-ports.ts";
import { createPersonAdmin } from "./person-admin.ts";
import { createSourceAdmin } from "./source-admin.ts";

/** The stores of the directory's administration, one per aggregate, and the members it names. */
export interface DirectoryAdminStores {
  readonly sources: SourceStore;
  readonly domains: MemberDomainStore;
  readonly addresses: RegisteredAddressStore;
  readonly persons: PersonAdminStore;
  readonly members: MemberNames;
  /** Entries added to the shared consumer mail domains no member may own (IDENTITY_SHARED_MAIL_DOMAINS). */
  readonly sharedMailDomains?: readonly string[];
}

/**
 * The administration of the identity directory (`IdentityDirectoryAdmin`): sources, member
 * domains, registered addresses, persons and their declared affiliations, each aggregate's rules
 * (src/identity/domain) in front of its store. Who may call it is checked by the use cases
 * beside it, one file each (`list-sources.ts`, `add-domain.ts`, `declare-affiliation.ts`…).
 */
export function createIdentityDirectoryAdmin(stores: DirectoryAdminStores): IdentityDirectoryAdmin {
  return {
    ...createSourceAdmin(stores),
    ...createDomainAdmin(stores),
    ...createAddressAdmin(stores),
    ...createPersonAdmin(stores),
  };
}
