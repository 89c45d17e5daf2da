import type { CacheProvider } from "@node-saml/node-saml";
import type { TransientStore } from "../../platform/db/transient-store.ts";
import { requestKeyOf } from "./saml-relay-state.ts";

/** Where node-saml saves the AuthnRequest IDs at `begin` (the TransientStore, shared by every node). */
export function transientCacheProvider(transient: TransientStore, ttlSeconds: number): CacheProvider {
  return {
    async saveAsync(key, value) {
      await transient.put(requestKeyOf(key), value, ttlSeconds);
      return { value, createdAt: Date.now() };
    },
    getAsync: async () => null,
    removeAsync: async () => null,
  };
}

/**
 * node-saml at `finish`: it reads an InResponseTo up to twice during one validation (Response,
 * then SubjectConfirmationData), then removes it. The first read *takes* the ID from the store
 * (atomic, so two nodes given the same response cannot both accept it); later reads of this
 * validation see the taken value.
 */
export function singleUseCacheProvider(transient: TransientStore, ttlSeconds: number): CacheProvider {
  const taken = new Map<string, string | null>();
  return {
    async saveAsync(key, value) {
      await transient.put(requestKeyOf(key), value, ttlSeconds);
      return { value, createdAt: Date.now() };
    },
    async getAsync(key) {
      if (!taken.has(key)) {
        const value = await transient.take(requestKeyOf(key));
        taken.set(key, typeof value === "string" ? value : null);
      }
      return taken.get(key) ?? null;
    },
    async removeAsync(key) {
      if (key === null) return null;
      taken.set(key, null);
      return key;
    },
  };
}
