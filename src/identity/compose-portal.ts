// The portal's hub client at each start (src/compose.ts `alignPortalAddresses`), on an open database.
import type { OpenDatabase } from "../platform/db/open-database.ts";
import { alignPortalClient } from "./app/seed-identity-example.ts";
import { createServiceRegistry } from "./app/service-registry.ts";
import { createServiceClientStore } from "./db/service-client-store.ts";

/** `alignPortalClient` on `database`: the portal's client follows the public URL of this start. */
export function alignPortalClientOn(
  database: OpenDatabase,
  ententeId: string,
  clientId: string,
  publicUrl: string,
): Promise<boolean> {
  return alignPortalClient(
    { services: createServiceRegistry(createServiceClientStore(database.db)) },
    ententeId,
    clientId,
    publicUrl,
  );
}
