import { createHash, timingSafeEqual } from "node:crypto";
import type Provider from "oidc-provider";

/**
 * Secrets are stored as SHA-256 (src/identity/db/service-client-rows.ts): the provider compares
 * the presented secret's hash, in constant time. The library exposes this prototype method for
 * hashed secrets (oidc-provider issue #631).
 */
export function compareHashedClientSecrets(provider: Provider): void {
  provider.Client.prototype.compareClientSecret = function compareHashedSecret(
    this: { clientSecret?: string },
    actual: string,
  ) {
    if (typeof this.clientSecret !== "string") return false;
    const presented = Buffer.from(createHash("sha256").update(actual, "utf8").digest("base64url"));
    const stored = Buffer.from(this.clientSecret);
    return presented.length === stored.length && timingSafeEqual(presented, stored);
  } as never;
}
