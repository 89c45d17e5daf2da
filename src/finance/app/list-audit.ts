import { assertCan, type Principal } from "../../access/index.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { AuditEventRecord } from "./ports/audit-reader.ts";

/** The audit trail, newest first, `limit` events (1 to 200) older than event `before` (paging). */
export async function listAudit(
  deps: Pick<FinanceDeps, "audit">,
  principal: Principal,
  ententeId: string,
  before: string | null,
  limit = 50,
): Promise<AuditEventRecord[]> {
  assertCan(principal, { kind: "read-audit", ententeId });
  return deps.audit.list(ententeId, before, Math.min(Math.max(limit, 1), 200));
}
