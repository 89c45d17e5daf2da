import type { Principal } from "../domain/access-policy.ts";
import type { AccountRecord } from "./ports.ts";

/**
 * The principal a console account acts as: what a signed-in request carries
 * (`request.principal`) and what a fresh sign-in returns. Null when the account is gone, so a
 * session whose account was deleted authenticates no one.
 */
export function principalOf(account: AccountRecord): Principal;
export function principalOf(account: AccountRecord | null): Principal | null;
export function principalOf(account: AccountRecord | null): Principal | null {
  if (account === null) return null;
  return {
    accountId: account.id,
    email: account.email,
    role: account.role,
    ententeId: account.ententeId,
    memberId: account.memberId,
    missionId: account.missionId,
  };
}
