// Composition of the identity context for the command line (src/cli.ts): the signing keys and
// the service registry on the server's database, without the provider (the CLI starts fast).
import type { OpenDatabase } from "../platform/db/open-database.ts";
import { createResourceServerRegistry } from "./app/resource-server-registry.ts";
import { createServiceRegistry } from "./app/service-registry.ts";
import type { IdentityCliDeps } from "./cli/commands.ts";
import { createSigningKeyStore } from "./db/oidc-signing-key-store.ts";
import { createResourceServerStore } from "./db/resource-server-store.ts";
import { createServiceClientStore } from "./db/service-client-store.ts";

/** The identity commands' dependencies on `database`; `ententeExists` comes from the entente's door. */
export function composeIdentityCli(
  database: OpenDatabase,
  options: { readonly ententeExists: (ententeId: string) => Promise<boolean> },
): IdentityCliDeps {
  return {
    signingKeys: createSigningKeyStore(database.db),
    services: createServiceRegistry(createServiceClientStore(database.db)),
    resourceServers: createResourceServerRegistry(createResourceServerStore(database.db)),
    ententeExists: options.ententeExists,
  };
}
