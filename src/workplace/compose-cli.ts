// The workplace's command-line composition (src/compose.ts `composeCli`): service status.
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { WorkplaceCliDeps } from "./cli/status-commands.ts";
import { composeWorkplace } from "./compose.ts";
import { createEntenteNameReader } from "./db/directory-readers.ts";
import { EntenteError } from "./errors.ts";

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
  const ententes = createEntenteNameReader(database.db);
  /** Runs `use` for an entente that exists. @throws `workplace.not_found` (exit status of bad input). */
  const ofEntente =
    <T>(use: (ententeId: string) => Promise<T>) =>
    async (ententeId: string): Promise<T> => {
      if ((await ententes.name(ententeId)) === null) {
        throw new EntenteError("workplace.not_found", { what: "entente", id: ententeId });
      }
      return use(ententeId);
    };
  return { probeOnce: ofEntente(workplace.probeOnce), statuses: ofEntente(workplace.statuses) };
}
