import { normalizeRegisteredAddress, ownerShownTo } from "../../domain/directory-rules.ts";
import { normalizeEmail } from "../../domain/pivot-identity.ts";
import { EntenteError, localized } from "../../errors.ts";
import { ensureMemberAndSource, type RoutingAdminDeps } from "./domain-admin.ts";
import type { IdentityDirectoryAdmin, RegisteredAddressStore } from "./identity-admin-ports.ts";

const ADDRESS = localized("adresse enregistrée", "registered address");

/** The registered addresses part of `IdentityDirectoryAdmin`. */
export type AddressAdmin = Pick<
  IdentityDirectoryAdmin,
  "listRegisteredAddresses" | "registerAddress" | "removeRegisteredAddress"
>;

/**
 * Registered personal addresses, rules applied: an email address (normalised) of a member of the
 * entente, leading to one of that member's sources; one member per address across the instance.
 */
export function createAddressAdmin(
  deps: RoutingAdminDeps & { readonly addresses: RegisteredAddressStore },
): AddressAdmin {
  const { addresses } = deps;
  return {
    listRegisteredAddresses: (ententeId, memberId) => addresses.listAddresses(ententeId, memberId),
    async registerAddress(ententeId, input, actor) {
      const email = normalizeRegisteredAddress(input.email);
      await ensureMemberAndSource(deps, ententeId, input.memberId, input.sourceId);
      const result = await addresses.registerAddress(ententeId, { ...input, email }, actor);
      if ("takenBy" in result) {
        throw new EntenteError("identity.address_taken", {
          email,
          member: ownerShownTo(result.takenBy, ententeId),
        });
      }
      return result.added;
    },
    async removeRegisteredAddress(ententeId, rawEmail, actor) {
      const email = normalizeEmail(rawEmail);
      const before = await addresses.findAddress(ententeId, email);
      if (before === null) throw new EntenteError("identity.not_found", { what: ADDRESS, id: email });
      await addresses.removeAddress(ententeId, before, actor);
    },
  };
}
