import type { Principal } from "../../access/index.ts";

/**
 * Who runs `entente export` and `entente apply`: whoever reaches the server's database
 * (DATABASE_URL or DATA_DIR) administers it, as the entente's secretariat; the audit trail
 * records the change as made by the command line.
 */
export function cliPrincipal(ententeId: string): Principal {
  return {
    accountId: "cli",
    email: "cli",
    role: "secretariat",
    ententeId,
    memberId: null,
    missionId: null,
  };
}
