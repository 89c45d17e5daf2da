import { accountState } from "../domain/scim-person.ts";
import type { PersonChange, ScimStore } from "./ports.ts";

/**
 * A member's subscription to a catalogued service started or ended (the workplace context tells
 * it through the port it is composed with; `clientId` is the service, identity's OIDC client).
 */
export interface SubscriptionChange {
  readonly ententeId: string;
  readonly clientId: string;
  readonly memberId: string;
  readonly started: boolean;
}

/** The event log, for the connectors of one service only. */
export interface ServiceEventLog {
  /** Appends the changes as events delivered to the enabled connectors of `clientId` serving the member, in one transaction. */
  appendForService(
    scope: { readonly ententeId: string; readonly memberId: string },
    clientId: string,
    changes: readonly PersonChange[],
    at: Date,
  ): Promise<void>;
}

export interface SubscriptionEventDeps {
  readonly store: ScimStore;
  readonly events: ServiceEventLog;
  readonly now: () => Date;
}

/**
 * The provisioning events of a subscription's change, for the persons the member's directory
 * pushed (SCIM Users linked to a person), delivered to the service's connectors only:
 * - started: `created` for every active person (connectors create or update: idempotent);
 *   suspended persons get nothing (their accounts stay absent);
 * - ended: `suspended` for every person — the accounts are disabled, never deleted the same day
 *   (issue 12: deprovisioning disables first).
 * @returns how many events were recorded.
 */
export async function recordSubscriptionChange(
  deps: SubscriptionEventDeps,
  change: SubscriptionChange,
): Promise<number> {
  const scope = { ententeId: change.ententeId, memberId: change.memberId, sourceId: "" };
  const changes: PersonChange[] = [];
  for (const user of await deps.store.listUsers(scope)) {
    if (user.sub === null || (change.started && !user.active)) continue;
    const groups = user.groups.map((g) => g.display);
    changes.push({
      sub: user.sub,
      kind: change.started ? "created" : "suspended",
      payload: accountState(user.attributes, groups, change.started),
    });
  }
  if (changes.length > 0) await deps.events.appendForService(scope, change.clientId, changes, deps.now());
  return changes.length;
}
