import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import { identityFieldsChanged } from "../domain/member-identity.ts";
import {
  assertMemberIdentityFree,
  assertMembershipChange,
  assertMemberValid,
} from "../domain/membership-change.ts";
import { EntenteError } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import { assertSubscriptionsWithin } from "./assert-subscriptions-within.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { MemberChange, MemberRecord } from "./ports/member-store.ts";

/** An edit of a member: its identity, and optionally its membership and accountant (absent: unchanged). */
export type MemberEdit = Omit<MemberChange, "from" | "to" | "accountant"> &
  Partial<Pick<MemberChange, "from" | "to" | "accountant">>;

/**
 * A member's identity and membership are the secretariat's (member-identity.ts): anyone else
 * allowed to edit the member (its finance officer) changes the accountant only.
 * @throws EntenteError `member.identity_secretariat_only` (403), naming the fields.
 */
function assertIdentityEditAllowed(
  principal: Principal,
  ententeId: string,
  before: MemberRecord,
  change: MemberChange,
) {
  if (canPerform(principal, { kind: "manage-membership", ententeId })) return;
  const fields = identityFieldsChanged(before, change);
  if (fields.length > 0)
    throw new EntenteError(
      "member.identity_secretariat_only",
      { fields: fields.join(", ") },
      { path: [fields[0] ?? ""] },
    );
}

/** Whether the edit changes who belongs when (the secretariat's decision). */
function changesMembership(before: MemberRecord, edit: MemberEdit): boolean {
  return (
    (edit.from !== undefined && edit.from !== before.from) || (edit.to !== undefined && edit.to !== before.to)
  );
}

/**
 * Edits a member: — secretariat only — its identity (name, kind, SIREN/SIRET with their check
 * digits, assembly) and membership (from / to); its public accountant (secretariat or the
 * member's finance officer). The SIREN (or the SIRET's) and the name (accents and case aside)
 * stay the member's own in the entente. A membership change may not
 * bill or unbill the member in a year whose budget is approved or adopted (checked on the whole
 * entente with the change), nor leave one of its workplace subscriptions outside the membership
 * (refused until they are ended: `member.subscriptions_outside_membership`). Optimistic
 * concurrency on `rowVersion`.
 * @throws EntenteError `access.forbidden`, `member.identity_secretariat_only`, `member.siren_taken`,
 *   `member.name_taken`, `resource.not_found`, `conflict.stale_version`,
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
  const members = await deps.members.list(ententeId);
  const before = members.find((m) => m.id === memberId);
  const change: MemberChange = {
    ...edit,
    from: edit.from === undefined ? (before?.from ?? null) : edit.from,
    to: edit.to === undefined ? (before?.to ?? null) : edit.to,
    accountant: edit.accountant === undefined ? (before?.accountant ?? null) : edit.accountant,
  };
  if (before !== undefined) assertIdentityEditAllowed(principal, ententeId, before, change);
  assertMemberValid({ id: memberId, ...change });
  assertMemberIdentityFree({ id: memberId, ...change }, members);
  if (before !== undefined && changesMembership(before, edit)) {
    assertCan(principal, { kind: "manage-membership", ententeId });
    const versions = await deps.budgets.listVersions(ententeId);
    assertMembershipChange(await deps.ententes.loadEntente(ententeId), { id: memberId, ...change }, versions);
    await assertSubscriptionsWithin(deps, ententeId, memberId, change);
  }
  return deps.members.update(ententeId, memberId, change, rowVersion, actorOf(principal));
}
