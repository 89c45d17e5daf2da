import type { AccountState } from "./scim-person.ts";

/** What a tool has of an account (the connector's `list`), as compared. */
export interface PeerState {
  readonly sub: string;
  readonly userName: string;
  readonly active: boolean;
  readonly email: string | null;
  readonly givenName: string;
  readonly familyName: string;
}

/** A repair: the change to deliver again to the one connector. */
export interface Repair {
  readonly sub: string;
  readonly kind: "created" | "updated" | "suspended";
  readonly account: AccountState;
  readonly reason: "missing" | "drifted" | "extra";
}

/**
 * Compares what a tool has (`peer`) with what it should have (`expected`, by `sub`: the persons
 * of the members the connector serves, with their account state) and lists the repairs:
 * - missing: an active person without an account → `created` (a connector that answered 200
 *   without doing anything is caught here);
 * - drifted: the account differs (active, userName as the connectors write it, email, names) →
 *   `updated` with the state (`suspended` when the person is not active);
 * - extra: an account of a person Entente does not know there, still active → `suspended`
 *   (disabled, never deleted by a resync).
 */
export function planResync(
  expected: ReadonlyMap<string, AccountState>,
  peer: readonly PeerState[],
): Repair[] {
  const repairs: Repair[] = [];
  const seen = new Map(peer.map((p) => [p.sub, p]));
  for (const [sub, account] of expected) {
    const has = seen.get(sub);
    if (has === undefined) {
      if (account.active) repairs.push({ sub, kind: "created", account, reason: "missing" });
    } else if (drifted(account, has)) {
      repairs.push({ sub, kind: account.active ? "updated" : "suspended", account, reason: "drifted" });
    }
  }
  for (const has of peer) {
    if (expected.has(has.sub) || !has.active) continue;
    const account: AccountState = {
      userName: has.userName,
      active: false,
      email: has.email,
      givenName: has.givenName,
      familyName: has.familyName,
      displayName: [has.givenName, has.familyName].filter((n) => n !== "").join(" ") || has.userName,
      role: "agent",
      groups: [],
    };
    repairs.push({ sub: has.sub, kind: "suspended", account, reason: "extra" });
  }
  return repairs;
}

function drifted(account: AccountState, has: PeerState): boolean {
  const userName = (account.email ?? account.userName).toLowerCase();
  return (
    account.active !== has.active ||
    userName !== has.userName.toLowerCase() ||
    (account.email ?? null) !== has.email ||
    account.givenName !== has.givenName ||
    account.familyName !== has.familyName
  );
}
