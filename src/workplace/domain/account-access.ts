import { decideSubscribedAccess, type SubscribedAccess, type Subscription } from "./subscription.ts";

/**
 * Whose entitlements a service asks for (Deploy Center's `account_type`): the organisation as a
 * whole, or one person's account with their affiliation to the member named by the SIRET — null
 * when the account (email or `sub`) is no person of the directory affiliated with that member.
 */
export type EntitledAccount =
  | { readonly type: "organization" }
  | {
      readonly type: "user";
      readonly affiliation: { readonly role: string; readonly groups: readonly string[] } | null;
    };

/** `decideSubscribedAccess`'s answer, or `unknown_account`: no such person at the member. */
export type AccountAccess =
  | SubscribedAccess
  | { readonly allowed: false; readonly reason: "unknown_account" };

/**
 * Whether an account may use a catalogued service (issue 11 §2: "subscriptions are the access
 * policy"; Deploy Center's `can_access`). The member's subscription in force on `day` first
 * (`not_subscribed`); then, for a user, only a known person affiliated with the member, whom the
 * subscription's roles and groups admit (`unknown_account`, `role`, `group`) — any email or
 * another member's person is refused. An organisation is answered by its subscription alone
 * (roles and groups concern persons).
 * @example decideAccountAccess(subscription, "metropole", { type: "user", affiliation: null }, "2026-01-15")
 * // { allowed: false, reason: "unknown_account" } (when the Métropole is subscribed)
 */
export function decideAccountAccess(
  subscription: Subscription | null,
  memberId: string,
  account: EntitledAccount,
  day: string,
): AccountAccess {
  const everyone = subscription === null ? null : { ...subscription, roles: null, groups: null };
  const organisation = decideSubscribedAccess(everyone, { memberId, role: "", groups: [] }, day);
  if (account.type === "organization" || !organisation.allowed) return organisation;
  if (account.affiliation === null) return { allowed: false, reason: "unknown_account" };
  return decideSubscribedAccess(subscription, { memberId, ...account.affiliation }, day);
}
