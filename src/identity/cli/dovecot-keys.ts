import { createPublicKey, type JsonWebKey } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Output } from "../../platform/cli/output.ts";
import type { SigningKeyStore } from "../app/provider-ports.ts";
import type { Lang } from "../errors.ts";

/**
 * `entente oidc keys dovecot --dir DIR`: writes the provider's published public keys (next,
 * current and retired) as the key dictionary Dovecot 2.3's `passdb oauth2` reads to validate JWT
 * access tokens locally (`local_validation_key_dict = fs:posix:prefix=DIR/`): one PEM (SPKI)
 * file per key at `DIR/default/<alg>/<kid>` — Dovecot looks keys up at
 * `shared/<azp:default>/<alg>/<kid>` and does not fetch a JWKS itself. Files of keys no longer
 * published are removed, so a rotation (`entente oidc keys rotate`) followed by this command
 * keeps Dovecot in step; the `next` key is exported before it signs anything.
 * @returns the kids written.
 */
export async function exportDovecotKeys(
  store: SigningKeyStore,
  options: { readonly dir: string; readonly lang: Lang },
  output: Output,
): Promise<string[]> {
  const keys = await store.listKeys();
  const written: string[] = [];
  for (const alg of ["ES256", "RS256"] as const) {
    const folder = join(options.dir, "default", alg);
    await mkdir(folder, { recursive: true });
    const published = keys.filter((key) => key.alg === alg);
    for (const key of published) {
      await writeFile(join(folder, key.kid), publicPemOf(key.privateJwk), { mode: 0o644 });
      written.push(key.kid);
    }
    const kept = new Set(published.map((key) => key.kid));
    for (const file of await readdir(folder)) {
      if (!kept.has(file)) await rm(join(folder, file));
    }
  }
  output.write(
    options.lang === "fr"
      ? `${written.length} clé(s) publique(s) écrite(s) dans ${options.dir}\n`
      : `${written.length} public key(s) written to ${options.dir}\n`,
  );
  return written;
}

/** The public part of a private JWK, as PEM (SPKI). */
function publicPemOf(privateJwk: Readonly<Record<string, unknown>>): string {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  return createPublicKey({ key: publicJwk as JsonWebKey, format: "jwk" })
    .export({ type: "spki", format: "pem" })
    .toString();
}
