import { affiliationOfExistingGrant } from "./affiliation-choice.ts";
import type { Affiliation, PersonRecord } from "./person.ts";
import { normalizeText } from "./pivot-identity.ts";
import type { ServiceClientRecord, ServicePolicy } from "./service-client.ts";

/** Who asks: the person acting for one member (an `Affiliation` fits). */
export type AccessRequester = Pick<Affiliation, "memberId" | "role" | "groups">;

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
  policy: ServicePolicy,
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

/**
 * Whether a service is open to a member at all: its policy names no member, or names this one
 * (what a member's finance officer sees of the services).
 */
export function isServiceOpenToMember(service: ServiceClientRecord, memberId: string): boolean {
  return service.policy.memberIds === null || service.policy.memberIds.includes(memberId);
}

/**
 * Single sign-on re-checks the service's access policy (issue 4: "enforced at sign-in"): a grant a
 * person already holds lets them in without the pages only while the service is enabled, the
 * person still acts for a member of the service's entente (the member recorded for the grant, see
 * `affiliationOfExistingGrant`) and the policy still lets that affiliation in. false sends the
 * person through the pages again, where a refusal is shown and logged.
 */
export function mayReuseGrant(
  service: ServiceClientRecord | null,
  person: PersonRecord | null,
  grantMemberId: string | null,
): boolean {
  if (service === null || !service.enabled || person === null) return false;
  const affiliation = affiliationOfExistingGrant(person, grantMemberId);
  if (affiliation === null || affiliation.ententeId !== service.ententeId) return false;
  return decideServiceAccess(service.policy, affiliation).allowed;
}
