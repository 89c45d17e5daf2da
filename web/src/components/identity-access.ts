import type { Account } from "../api/types.ts";

/**
 * Who sees the identity federation's pages (mirrors `manage-identity` and `read-identity` of
 * src/app/access-policy.ts): the secretariat administers; a member's finance officer reads its
 * own member's sources, domains, persons and sign-in log; others see nothing.
 */
type Who = Pick<Account, "role" | "memberId">;

export const canManageIdentity = (a: Who) => a.role === "secretariat";
export const canReadIdentity = (a: Who) =>
  a.role === "secretariat" || (a.role === "finance" && a.memberId !== null);
/** The identity federation's pages, in the navigation's order. */
export const IDENTITY_PAGES = ["sources", "domains", "services", "persons", "events"] as const;
export type IdentityPage = (typeof IDENTITY_PAGES)[number];
