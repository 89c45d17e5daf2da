// The workplace's command-line composition (src/compose.ts `composeCli`): service status.
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { WorkplaceCliDeps } from "./cli/status-commands.ts";
import { composeWorkplace } from "./compose.ts";

/** The status commands' deps on `database` (probes towards private networks only when allowed). */
export function composeWorkplaceCli(
  database: OpenDatabase,
  options: { readonly now: () => Date; readonly probePrivateNetworks: boolean },
): WorkplaceCliDeps {
  const workplace = composeWorkplace(database, {
    publicUrl: "http://127.0.0.1",
    now: options.now,
    probePrivateNetworks: options.probePrivateNetworks,
    publicCacheTtlMs: 0,
  });
  return { probeOnce: workplace.probeOnce, statuses: workplace.statuses };
}
