import type { z } from "zod";
import { logoUrl } from "../app/launcher-feed.ts";
import type { CatalogueEntry as EntryContract, Subscription as SubscriptionContract } from "../contracts.ts";
import type { CatalogueEntry } from "../domain/catalogue-entry.ts";
import { accountsRemaining } from "../domain/migration-wave.ts";
import { storageQuantity } from "../domain/quota.ts";
import type { Subscription } from "../domain/subscription.ts";

/** A catalogue entry as the API shows it (the logo as an address, relative to the public URL). */
export function entryJson(entry: CatalogueEntry, publicUrl: string): z.infer<typeof EntryContract> {
  const { ententeId: _entente, logoType, ...rest } = entry;
  return {
    ...rest,
    logo: logoUrl(publicUrl, entry.clientId, entry.rowVersion),
    hasUploadedLogo: logoType !== null,
  };
}

/** A subscription as the API shows it: storage in bytes (for machines) and as `{ value, unit }` (as written). */
export function subscriptionJson(subscription: Subscription): z.infer<typeof SubscriptionContract> {
  const { quotas } = subscription;
  return {
    clientId: subscription.clientId,
    memberId: subscription.memberId,
    startsOn: subscription.startsOn,
    endsOn: subscription.endsOn,
    roles: subscription.roles === null ? null : [...subscription.roles],
    groups: subscription.groups === null ? null : [...subscription.groups],
    seats: quotas.seats,
    storagePerAccountBytes: quotas.storagePerAccount === null ? null : Number(quotas.storagePerAccount),
    storagePerMemberBytes: quotas.storagePerMember === null ? null : Number(quotas.storagePerMember),
    // The same quotas as they are written (PUT), so that a read can be written back.
    storagePerAccount: quotas.storagePerAccount === null ? null : storageQuantity(quotas.storagePerAccount),
    storagePerMember: quotas.storagePerMember === null ? null : storageQuantity(quotas.storagePerMember),
    wave:
      subscription.wave === null
        ? null
        : { ...subscription.wave, accountsRemaining: accountsRemaining(subscription.wave) },
    rowVersion: subscription.rowVersion,
  };
}
