// What provisioning reads of the workplace (issue 12 items 4–5): a member's subscription to a
// service — its storage quota per account (the mailboxes' quota) and its migration wave (the
// mail migration's report). Read-only; no access check here: provisioning checks its own.
import type { Kysely } from "kysely";
import type { OpenDatabase } from "../platform/db/open-database.ts";
import { createSubscriptionStore } from "./db/subscription-store.ts";
import type { WorkplaceDatabase } from "./db/tables.ts";
import type { MigrationWave } from "./domain/migration-wave.ts";

/** A member's subscription to a service as provisioning needs it. */
export interface SubscriptionForProvisioning {
  /** Storage per account in bytes; null: not limited. */
  readonly storagePerAccount: bigint | null;
  /** The member's migration wave to the service; null: none planned. */
  readonly wave: MigrationWave | null;
}

export interface WorkplaceForProvisioning {
  /** The subscription of `memberId` to the service `clientId`, or null when it has none. */
  subscriptionOf(
    ententeId: string,
    clientId: string,
    memberId: string,
  ): Promise<SubscriptionForProvisioning | null>;
}

/** The workplace's subscriptions, read for provisioning on `database`. */
export function composeWorkplaceForProvisioning(database: OpenDatabase): WorkplaceForProvisioning {
  const subscriptions = createSubscriptionStore(database.db as Kysely<WorkplaceDatabase>);
  return {
    async subscriptionOf(ententeId, clientId, memberId) {
      const found = await subscriptions.find(ententeId, clientId, memberId);
      return found === null ? null : { storagePerAccount: found.quotas.storagePerAccount, wave: found.wave };
    },
  };
}
