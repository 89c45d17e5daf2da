import { domainKeyOf, normalizeMemberDomain, ownerShownTo } from "../../domain/directory-rules.ts";
import { ensureNotSharedMailDomain } from "../../domain/shared-mail-domains.ts";
import { ensureSourceOfMember } from "../../domain/source-rules.ts";
import { EntenteError, localized } from "../../errors.ts";
import type {
  IdentityDirectoryAdmin,
  MemberDomainStore,
  MemberNames,
  SourceStore,
} from "./identity-admin-ports.ts";

const MEMBER = localized("membre", "member");
const DOMAIN = localized("domaine", "domain");

/** The domains part of `IdentityDirectoryAdmin`. */
export type DomainAdmin = Pick<IdentityDirectoryAdmin, "listDomains" | "addDomain" | "removeDomain">;

/** What the routing's administration (domains, registered addresses) reads besides its own store. */
export interface RoutingAdminDeps {
  readonly members: MemberNames;
  readonly sources: SourceStore;
}

/**
 * The member of `memberId` exists, and `sourceId` (when given) is one of its sources.
 * @throws EntenteError `identity.not_found` (member), `identity.source_not_found`, `identity.source_invalid`.
 */
export async function ensureMemberAndSource(
  deps: RoutingAdminDeps,
  ententeId: string,
  memberId: string,
  sourceId: string | null,
): Promise<void> {
  if ((await deps.members.memberName(ententeId, memberId)) === null) {
    throw new EntenteError("identity.not_found", { what: MEMBER, id: memberId });
  }
  if (sourceId !== null)
    ensureSourceOfMember(await deps.sources.getSource(ententeId, sourceId), sourceId, memberId);
}

/**
 * Members' email domains, rules applied: a domain name (normalised), never a shared consumer mail
 * domain (`identity.domain_shared`, src/identity/domain/shared-mail-domains.ts), of a member of the entente,
 * leading to one of that member's sources or to none; one member per domain across the instance.
 */
export function createDomainAdmin(
  deps: RoutingAdminDeps & {
    readonly domains: MemberDomainStore;
    /** Entries added to `SHARED_MAIL_DOMAINS` (IDENTITY_SHARED_MAIL_DOMAINS). */
    readonly sharedMailDomains?: readonly string[];
  },
): DomainAdmin {
  const { domains } = deps;
  return {
    listDomains: (ententeId, memberId) => domains.listDomains(ententeId, memberId),
    async addDomain(ententeId, input, actor) {
      const domain = normalizeMemberDomain(input.domain);
      ensureNotSharedMailDomain(domain, deps.sharedMailDomains ?? []);
      await ensureMemberAndSource(deps, ententeId, input.memberId, input.sourceId);
      const result = await domains.addDomain(ententeId, { ...input, domain }, actor);
      if ("takenBy" in result) {
        throw new EntenteError("identity.domain_taken", {
          domain,
          member: ownerShownTo(result.takenBy, ententeId),
        });
      }
      return result.added;
    },
    async removeDomain(ententeId, rawDomain, actor) {
      const domain = domainKeyOf(rawDomain);
      const before = await domains.findDomain(ententeId, domain);
      if (before === null) throw new EntenteError("identity.not_found", { what: DOMAIN, id: domain });
      await domains.removeDomain(ententeId, before, actor);
    },
  };
}
