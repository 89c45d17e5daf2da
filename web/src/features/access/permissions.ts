import type { Account } from "./account.ts";

/**
 * What the signed-in account may change, to hide or disable what it cannot do. The server
 * enforces the same rules; these only keep the console from offering a button that would fail.
 * secretariat: everything (alone: keys, missions, budget, decisions, fund calls) · finance: its own
 * member · mission-lead: its mission's plan (not the mission itself) ·
 * reader: nothing. Mirrors src/access/domain/access-policy.ts (audit trail: the secretariat only).
 */
type Who = Pick<Account, "role" | "memberId" | "missionId">;

const isSecretariat = (a: Who) => a.role === "secretariat";
const isFinanceOf = (a: Who, memberId: string) => a.role === "finance" && a.memberId === memberId;

/** Edits a member's record: the secretariat, or that member's finance officer. */
export const canEditMember = (a: Who, memberId: string) => isSecretariat(a) || isFinanceOf(a, memberId);
/** Edits the allocation keys: the secretariat. */
export const canEditKeys = (a: Who) => isSecretariat(a);
/** Edits a mission (name, members, keys): the secretariat, not even the mission's lead. */
export const canEditMission = (a: Who) => isSecretariat(a);
/** Edits a mission's service plan: the secretariat, or that mission's lead. */
export const canEditPlan = (a: Who, missionId: string) =>
  isSecretariat(a) || (a.role === "mission-lead" && a.missionId === missionId);
/** Edits a budget, its advances and adjustments, opens an amending budget: the secretariat. */
export const canEditBudget = (a: Who) => isSecretariat(a);
/** Records a conference decision: the secretariat. */
export const canCreateDecision = (a: Who) => isSecretariat(a);
/** Records a member assembly's deliberation: the secretariat, or that member's finance officer. */
export const canRecordRatification = (a: Who, memberId: string) =>
  isSecretariat(a) || isFinanceOf(a, memberId);
/** Issues the year's fund calls: the secretariat. */
export const canIssueFundCalls = (a: Who) => isSecretariat(a);
/** Cancelling a payment recorded by mistake: the secretariat's, like issuing fund calls (403 otherwise). */
export const canCancelPayment = (a: Who) => isSecretariat(a);
/** Reads the audit trail: the secretariat (403 otherwise). */
export const canReadAudit = (a: Who) => isSecretariat(a);
/** Records a payment of a member: the secretariat, or that member's finance officer. */
export const canRecordPayment = (a: Who, memberId: string) => isSecretariat(a) || isFinanceOf(a, memberId);

/**
 * Who sees the identity federation's pages (mirrors `manage-identity` and `read-identity` of
 * src/access/domain/access-policy.ts): the secretariat administers; a member's finance officer
 * reads its own member's sources, domains, persons and sign-in log; others see nothing.
 */
export const canManageIdentity = (a: Who) => a.role === "secretariat";
/** See {@link canManageIdentity}: the finance officer of a member reads that member's identity pages. */
export const canReadIdentity = (a: Who) =>
  a.role === "secretariat" || (a.role === "finance" && a.memberId !== null);
