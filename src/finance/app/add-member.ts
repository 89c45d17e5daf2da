import { assertCan, type Principal } from "../../access/index.ts";
import {
  assertMemberIdentityFree,
  assertMembershipChange,
  assertMemberValid,
} from "../domain/membership-change.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { MemberRecord } from "./ports/member-store.ts";

/**
 * A member joins the entente (secretariat): it belongs from exercise `from` (it is billed only
 * from then on, once a key of that year gives it a share), SIREN/SIRET checked, with its public
 * accountant; its SIREN and name are no other member's (`member.siren_taken`, `member.name_taken`). It may not join in a year whose budget is approved or adopted.
 * @throws EntenteError `access.forbidden`, `entente.duplicate_id`; ValidationError `member.*`.
 */
export async function addMember(
  deps: Pick<FinanceDeps, "members" | "ententes" | "budgets">,
  principal: Principal,
  ententeId: string,
  member: Omit<MemberRecord, "rowVersion">,
): Promise<MemberRecord> {
  assertCan(principal, { kind: "manage-membership", ententeId });
  assertMemberValid(member);
  assertMemberIdentityFree(member, await deps.members.list(ententeId));
  const versions = await deps.budgets.listVersions(ententeId);
  assertMembershipChange(await deps.ententes.loadEntente(ententeId), member, versions);
  return deps.members.add(ententeId, member, actorOf(principal));
}
