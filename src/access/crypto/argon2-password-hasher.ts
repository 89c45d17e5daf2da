import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "../app/ports.ts";

/**
 * argon2id (RFC 9106) through @node-rs/argon2 (prebuilt N-API binary). Parameters: the OWASP
 * Password Storage Cheat Sheet's first argon2id option (19 MiB, 2 iterations, 1 lane).
 */
export function createArgon2PasswordHasher(): PasswordHasher {
  const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false; // a malformed stored hash never signs anyone in
      }
    },
  };
}
