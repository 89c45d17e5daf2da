/**
 * Accounts on a catalogued service follow its access rule (issue 12 item 1, docs/provisioning.md
 * "Subscriptions and accounts"). Who may use the service is decided by the workplace's
 * `decideSubscribedAccess` (the rule of sign-in: a subscription in force that day, the person's
 * role and groups among those it names); this file only turns that answer and what the service's
 * connectors were last told (the ledger) into the one event to send, so that every boundary,
 * group change or SCIM update sends the difference and nothing more.
 */

/** The kinds of events a person's accounts go through (the event log's `kind`). */
export type AccountChangeKind = "created" | "updated" | "suspended" | "reactivated" | "deleted" | "erased";

/**
 * What the service's connectors were last told of the person: `true` an enabled account,
 * `false` a disabled one, `null` no account (never given, or erased).
 */
export type ServiceGrant = boolean | null;

/**
 * The event a service's connectors get, and the ledger after it.
 * - `enabled`: the person may use the service (its rule admits them) and is active at the member;
 * - `kind`: the person's own change (a SCIM write), or null for a recomputation (a subscription's
 *   boundary, its groups or roles changed): a recomputation sends only a change of access.
 *
 * | before  | enabled | event                                   | after   |
 * | ------- | ------- | --------------------------------------- | ------- |
 * | any     | —       | person deleted: `deleted` (none if no account) | no row |
 * | null    | yes     | `created`                               | true    |
 * | false   | yes     | `reactivated`                           | true    |
 * | true    | yes     | `updated` for a person's change, else none | true |
 * | true    | no      | `suspended` (disabled, never deleted the same day) | false |
 * | false/null | no   | none: an ended subscription is never re-enabled by an update | unchanged |
 */
export function serviceTransition(
  before: ServiceGrant,
  enabled: boolean,
  kind: AccountChangeKind | null,
): { readonly kind: AccountChangeKind | null; readonly after: ServiceGrant } {
  if (kind === "deleted" || kind === "erased") return { kind: before === null ? null : kind, after: null };
  if (enabled) {
    if (before === null) return { kind: "created", after: true };
    if (before === false) return { kind: "reactivated", after: true };
    return { kind: kind === null ? null : "updated", after: true };
  }
  if (before === true) return { kind: "suspended", after: false };
  return { kind: null, after: before };
}
