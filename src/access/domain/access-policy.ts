import { EntenteError } from "../errors.ts";

/**
 * Who may do what in the console (issue "platform", roles):
 * - `secretariat` (conference secretariat): everything in its entente;
 * - `finance` (a member's finance officer): reads everything adopted, edits its own member's
 *   public accountant (its identity and dates are the secretariat's: finance/domain/member-identity.ts), sees
 *   its member's draft figures, records its member's ratification and payments;
 * - `mission-lead` (porteur de mission): reads, edits its mission's service plan;
 * - `reader`: reads.
 * An account belongs to one entente; nothing crosses ententes. Every decision is tested in
 * access-policy.test.ts.
 */
export type Role = "secretariat" | "finance" | "mission-lead" | "reader";

export interface Principal {
  readonly accountId: string;
  readonly email: string;
  readonly role: Role;
  readonly ententeId: string | null;
  readonly memberId: string | null;
  readonly missionId: string | null;
}

export type Action =
  | { readonly kind: "read"; readonly ententeId: string }
  | { readonly kind: "read-drafts"; readonly ententeId: string }
  | { readonly kind: "edit-member"; readonly ententeId: string; readonly memberId: string }
  | { readonly kind: "edit-key"; readonly ententeId: string }
  /** Who belongs to the entente and when (a member joins, a member's dates). */
  | { readonly kind: "manage-membership"; readonly ententeId: string }
  | { readonly kind: "edit-mission"; readonly ententeId: string }
  | { readonly kind: "edit-plan"; readonly ententeId: string; readonly missionId: string }
  | { readonly kind: "edit-budget"; readonly ententeId: string }
  | { readonly kind: "manage-decisions"; readonly ententeId: string }
  | { readonly kind: "record-ratification"; readonly ententeId: string; readonly memberId: string }
  | { readonly kind: "issue-fund-calls"; readonly ententeId: string }
  | { readonly kind: "record-payment"; readonly ententeId: string; readonly memberId: string }
  | { readonly kind: "read-audit"; readonly ententeId: string }
  | { readonly kind: "manage-identity"; readonly ententeId: string }
  | { readonly kind: "read-identity"; readonly ententeId: string; readonly memberId: string | null };

/** Whether `principal` may perform `action`. Pure; no exception. */
export function canPerform(principal: Principal, action: Action): boolean {
  if (principal.ententeId !== action.ententeId) return false;
  switch (action.kind) {
    case "read":
      return true;
    case "read-drafts":
    case "edit-key":
    case "manage-membership":
    case "edit-mission":
    case "edit-budget":
    case "manage-decisions":
    case "issue-fund-calls":
      return principal.role === "secretariat";
    case "read-audit":
      // The trail holds drafts and every member's payments: the secretariat's.
      return principal.role === "secretariat";
    case "edit-member":
    case "record-ratification":
    case "record-payment":
      return (
        principal.role === "secretariat" ||
        (principal.role === "finance" && principal.memberId === action.memberId)
      );
    case "manage-identity":
      // Identity sources, domains, addresses, services, declared affiliations: the secretariat's.
      return principal.role === "secretariat";
    case "read-identity":
      // Persons and the sign-in log are personal data: the secretariat reads all, a member's
      // finance officer reads its own member's only (memberId null means "every member").
      return (
        principal.role === "secretariat" ||
        (principal.role === "finance" && action.memberId !== null && principal.memberId === action.memberId)
      );
    case "edit-plan":
      return (
        principal.role === "secretariat" ||
        (principal.role === "mission-lead" && principal.missionId === action.missionId)
      );
  }
}

/**
 * Throws `access.forbidden` (HTTP 403) unless `principal` may perform `action`; a principal of
 * another entente gets `entente.not_found` (404) so that ententes do not learn of each other.
 */
export function assertCan(principal: Principal, action: Action): void {
  if (principal.ententeId !== action.ententeId)
    throw new EntenteError("entente.not_found", { id: action.ententeId });
  if (!canPerform(principal, action))
    throw new EntenteError("access.forbidden", { action: action.kind, role: principal.role });
}
