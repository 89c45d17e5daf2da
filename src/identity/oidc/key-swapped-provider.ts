import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import type { SigningKeyStore } from "../app/provider-ports.ts";
import { ensureSigningKeys, toProviderJwks } from "./signing-keys.ts";

/** The provider instance in use, rebuilt when the published signing keys change. */
export interface KeySwappedProvider {
  /** The instance in use. @throws Error when none was built yet. */
  provider(): Provider;
  /** Node request handler of the instance in use. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Re-reads the signing keys; builds and swaps in a new instance when they changed. */
  reloadKeys(): Promise<void>;
  /** The kids of the JWKS currently published. */
  publishedKids(): readonly string[];
}

/**
 * Signing keys come from `keyStore` (`ensureSigningKeys` creates them on first start); each
 * `reloadKeys` compares the published kids and, when they changed, builds a new oidc-provider
 * instance with `build` (same storage) and swaps it in: requests in flight finish on the old one.
 * @throws whatever the key store throws at start (database unreachable).
 */
export async function createKeySwappedProvider(
  keyStore: SigningKeyStore,
  build: (jwks: { keys: Record<string, unknown>[] }) => Provider,
  now: () => Date,
): Promise<KeySwappedProvider> {
  await ensureSigningKeys(keyStore, now);
  let fingerprint = "";
  let published: string[] = [];
  let current:
    | { readonly provider: Provider; readonly callback: ReturnType<Provider["callback"]> }
    | undefined;
  const reloadKeys = async () => {
    const jwks = toProviderJwks(await keyStore.listKeys(), now());
    const kids = jwks.keys.map((k) => String(k.kid));
    const next = kids.join(",");
    if (next === fingerprint && current !== undefined) return;
    const provider = build(jwks);
    current = { provider, callback: provider.callback() };
    fingerprint = next;
    published = kids;
  };
  await reloadKeys();
  const started = () => {
    if (current === undefined) throw new Error("OpenID Provider not started");
    return current;
  };
  return {
    provider: () => started().provider,
    handle(req, res) {
      void started().callback(req, res);
    },
    reloadKeys,
    publishedKids: () => published,
  };
}
