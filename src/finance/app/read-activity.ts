import { assertCan, type Principal } from "../../access/index.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { AuditEventRecord, DecisionRecord } from "./ports.ts";

/** The conference's decisions with each member's ratification. */
export async function listDecisions(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
): Promise<DecisionRecord[]> {
  assertCan(principal, { kind: "read", ententeId });
  return deps.console.listDecisions(ententeId);
}

/** The audit trail, newest first, `limit` events older than event `before` (paging). */
export async function listAudit(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  before: string | null,
  limit = 50,
): Promise<AuditEventRecord[]> {
  assertCan(principal, { kind: "read-audit", ententeId });
  return deps.console.listAudit(ententeId, before, Math.min(Math.max(limit, 1), 200));
}
