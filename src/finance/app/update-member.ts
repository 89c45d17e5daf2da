import { assertCan, type Principal } from "../../access/index.ts";
import { assertMembershipChange, assertMemberValid } from "../domain/membership-change.ts";
import { actorOf } from "./actor-of.ts";
import { assertSubscriptionsWithin } from "./assert-subscriptions-within.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { MemberChange, MemberRecord } from "./ports/member-store.ts";

/** An edit of a member: its identity, and optionally its membership and accountant (absent: unchanged). */
export type MemberEdit = Omit<MemberChange, "from" | "to" | "accountant"> &
  Partial<Pick<MemberChange, "from" | "to" | "accountant">>;

/** Whether the edit changes who belongs when (the secretariat's decision). */
function changesMembership(before: MemberRecord, edit: MemberEdit): boolean {
  return (
    (edit.from !== undefined && edit.from !== before.from) || (edit.to !== undefined && edit.to !== before.to)
  );
}

/**
 * Edits a member: identity (name, kind, SIREN/SIRET with their check digits, assembly), public
 * accountant, and — secretariat only — its membership (from / to). A membership change may not
 * bill or unbill the member in a year whose budget is approved or adopted (checked on the whole
 * entente with the change), nor leave one of its workplace subscriptions outside the membership
 * (refused until they are ended: `member.subscriptions_outside_membership`). Optimistic
 * concurrency on `rowVersion`.
 * @throws EntenteError `access.forbidden`, `resource.not_found`, `conflict.stale_version`,
 *   `member.subscriptions_outside_membership`;
 *   ValidationError `member.*` (siren.ts, membership.ts).
 */
export async function updateMember(
  deps: Pick<FinanceDeps, "members" | "ententes" | "budgets" | "subscriptions">,
  principal: Principal,
  ententeId: string,
  memberId: string,
  edit: MemberEdit,
  rowVersion: number,
): Promise<MemberRecord> {
  assertCan(principal, { kind: "edit-member", ententeId, memberId });
  const before = (await deps.members.list(ententeId)).find((m) => m.id === memberId);
  const change: MemberChange = {
    ...edit,
    from: edit.from === undefined ? (before?.from ?? null) : edit.from,
    to: edit.to === undefined ? (before?.to ?? null) : edit.to,
    accountant: edit.accountant === undefined ? (before?.accountant ?? null) : edit.accountant,
  };
  assertMemberValid({ id: memberId, ...change });
  if (before !== undefined && changesMembership(before, edit)) {
    assertCan(principal, { kind: "manage-membership", ententeId });
    const versions = await deps.budgets.listVersions(ententeId);
    assertMembershipChange(await deps.ententes.loadEntente(ententeId), { id: memberId, ...change }, versions);
    await assertSubscriptionsWithin(deps, ententeId, memberId, change);
  }
  return deps.members.update(ententeId, memberId, change, rowVersion, actorOf(principal));
}
