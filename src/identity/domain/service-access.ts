import { normalizeText, type PivotRole } from "./pivot-identity.ts";

export { emailDomain } from "./pivot-identity.ts";

/** Same shape as `ServicePolicy` of src/app/identity/ports.ts: null means "no restriction on this". */
export interface ServiceAccessPolicy {
  readonly memberIds: readonly string[] | null;
  readonly roles: readonly PivotRole[] | null;
  readonly groups: readonly string[] | null;
}

/** Who asks: the person acting for one member (an `Affiliation` of ports.ts fits). */
export interface AccessRequester {
  readonly memberId: string;
  readonly role: PivotRole;
  readonly groups: readonly string[];
}

/** Why a service refused: the first restriction (member, then role, then group) not met. */
export type ServiceAccessDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: "member" | "role" | "group" };

/**
 * Whether a person acting for a member may use a service (issue 4 §4, enforced at sign-in).
 * Each non-null restriction must be met: the member is listed, the role is listed, the person is
 * in at least one listed group (compared case-insensitively after NFC and whitespace
 * normalisation). An empty list lets nobody in. Monotonic: adding members, roles or groups to the
 * policy, or groups to the person, never turns an allowed access into a refusal.
 *
 * @example
 * decideServiceAccess({ memberIds: ["lyon"], roles: ["elu"], groups: null },
 *   { memberId: "lyon", role: "agent", groups: [] })
 * // → { allowed: false, reason: "role" }
 */
export function decideServiceAccess(
  policy: ServiceAccessPolicy,
  requester: AccessRequester,
): ServiceAccessDecision {
  if (policy.memberIds !== null && !policy.memberIds.includes(requester.memberId)) {
    return { allowed: false, reason: "member" };
  }
  if (policy.roles !== null && !policy.roles.includes(requester.role))
    return { allowed: false, reason: "role" };
  if (policy.groups !== null) {
    const held = new Set(requester.groups.map(groupKey));
    if (!policy.groups.some((g) => held.has(groupKey(g)))) return { allowed: false, reason: "group" };
  }
  return { allowed: true };
}

function groupKey(group: string): string {
  return normalizeText(group).toLowerCase();
}
