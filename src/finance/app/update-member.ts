import { assertCan, type Principal } from "../../access/index.ts";
import { actorOf } from "./actor-of.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { MemberChange, MemberRecord } from "./ports/member-store.ts";

/** Edits a member's identity (name, kind, SIREN/SIRET, assembly); optimistic concurrency on `rowVersion`. */
export async function updateMember(
  deps: Pick<FinanceDeps, "members">,
  principal: Principal,
  ententeId: string,
  memberId: string,
  change: MemberChange,
  rowVersion: number,
): Promise<MemberRecord> {
  assertCan(principal, { kind: "edit-member", ententeId, memberId });
  return deps.members.update(ententeId, memberId, change, rowVersion, actorOf(principal));
}
