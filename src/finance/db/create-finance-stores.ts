import type { Kysely } from "kysely";
import type { FinanceDeps } from "../app/finance-deps.ts";
import { createAuditReader } from "./audit-reader.ts";
import { createBudgetStore } from "./budget-store.ts";
import { createDecisionStore } from "./decision-store.ts";
import { createEntenteStore } from "./entente-store.ts";
import { createFundCallStore } from "./fund-call-store.ts";
import { createKeyStore } from "./key-store.ts";
import { createMemberStore } from "./member-store.ts";
import { createMissionStore } from "./mission-store.ts";
import { createSettlementStore } from "./settlement-store.ts";
import type { FinanceDatabase } from "./tables.ts";

/** Every store of the finance context on one database (PostgreSQL or PGlite). */
export function createFinanceStores(
  db: Kysely<FinanceDatabase>,
): Omit<FinanceDeps, "clock" | "usage" | "subscriptions"> {
  return {
    ententes: createEntenteStore(db),
    members: createMemberStore(db),
    keys: createKeyStore(db),
    missions: createMissionStore(db),
    budgets: createBudgetStore(db),
    settlements: createSettlementStore(db),
    decisions: createDecisionStore(db),
    fundCalls: createFundCallStore(db),
    audit: createAuditReader(db),
  };
}
