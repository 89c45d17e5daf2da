import type { Kysely } from "kysely";
import type { ServiceEventLog } from "../app/subscription-events.ts";
import { appendPersonChanges } from "./append-person-changes.ts";
import type { ProvisioningTables } from "./tables.ts";

/** The events of a subscription's change, for one service's connectors, in one transaction. */
export function createServiceEventLog(db: Kysely<ProvisioningTables>): ServiceEventLog {
  return {
    appendForService: (scope, clientId, changes, at) =>
      db.transaction().execute((trx) => appendPersonChanges(trx, scope, changes, at, clientId)),
  };
}
