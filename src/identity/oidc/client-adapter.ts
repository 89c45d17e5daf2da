import type { Adapter } from "oidc-provider";
import type { ServiceClientRegistry } from "../app/ports.ts";
import { toClientMetadata } from "./client-metadata.ts";

/**
 * oidc-provider's storage of the `Client` model, read from the service registry on every lookup
 * (oidc-provider caches the parsed metadata by its hash). The database registry keeps what it
 * read for ≤ 5 s on this node and forgets it at each write made here
 * (src/identity/db/service-client-store.ts): a disabled or deleted service is refused at once on
 * the node that changed it, within 5 s on the others: `invalid_client`. Nothing is written here.
 */
export function createClientAdapter(clients: ServiceClientRegistry): Adapter {
  return {
    async find(id) {
      const [service, secret] = await Promise.all([clients.findClient(id), clients.clientSecret(id)]);
      if (service === null || !service.enabled) return undefined;
      return toClientMetadata(service, secret) as never;
    },
    async upsert() {},
    async findByUid() {
      return undefined;
    },
    async findByUserCode() {
      return undefined;
    },
    async consume() {},
    async destroy() {},
    async revokeByGrantId() {},
  };
}
