import { assertCan, type Principal } from "../../access/index.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { MemberChange, MemberRecord } from "./ports.ts";

/** Edits a member's identity (name, kind, SIREN/SIRET, assembly); optimistic concurrency on `rowVersion`. */
export async function updateMember(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  memberId: string,
  change: MemberChange,
  rowVersion: number,
): Promise<MemberRecord> {
  assertCan(principal, { kind: "edit-member", ententeId, memberId });
  return deps.console.updateMember(ententeId, memberId, change, rowVersion, actorOf(principal));
}

/** The audit trail's "who". */
export function actorOf(principal: Principal): { id: string; label: string } {
  return { id: principal.email, label: principal.email };
}
