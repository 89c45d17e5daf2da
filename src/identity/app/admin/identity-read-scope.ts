import { assertCan, type Principal } from "../../../access/index.ts";
import type { Actor } from "../../../shared/actor.ts";

/**
 * Which member's data a reader may list: the secretariat every member (or the one it asks
 * for), a member's finance officer its own member only (asked for or not).
 * @returns the member to filter on; null: every member of the entente.
 * @throws `entente.not_found` (another entente), `access.forbidden` (other roles, another member).
 */
export function identityReadScope(
  principal: Principal,
  ententeId: string,
  requestedMemberId: string | null,
): string | null {
  const memberId = requestedMemberId ?? (principal.role === "secretariat" ? null : principal.memberId);
  assertCan(principal, { kind: "read-identity", ententeId, memberId });
  return memberId;
}

/** The audit trail's "who" for identity administration. */
export function identityActor(principal: Principal): Actor {
  return { id: principal.email, label: principal.email };
}
