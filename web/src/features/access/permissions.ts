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

export const canEditMember = (a: Who, memberId: string) => isSecretariat(a) || isFinanceOf(a, memberId);
export const canEditKeys = (a: Who) => isSecretariat(a);
export const canEditMission = (a: Who) => isSecretariat(a);
export const canEditPlan = (a: Who, missionId: string) =>
  isSecretariat(a) || (a.role === "mission-lead" && a.missionId === missionId);
export const canEditBudget = (a: Who) => isSecretariat(a);
export const canCreateDecision = (a: Who) => isSecretariat(a);
export const canRecordRatification = (a: Who, memberId: string) =>
  isSecretariat(a) || isFinanceOf(a, memberId);
export const canIssueFundCalls = (a: Who) => isSecretariat(a);
/** Cancelling a payment recorded by mistake: the secretariat's, like issuing fund calls (403 otherwise). */
export const canCancelPayment = (a: Who) => isSecretariat(a);
export const canReadAudit = (a: Who) => isSecretariat(a);
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
