import type { Output } from "../../platform/cli/output.ts";
import type { SigningKeyStore } from "../app/provider-ports.ts";
import type { Lang } from "../errors.ts";
import { ensureSigningKeys, rotateSigningKeys } from "../oidc/signing-keys.ts";

/**
 * `entente oidc keys list`: the provider's signing keys (kid, algorithm, state, dates), never
 * their private part.
 */
export async function listOidcKeys(
  store: SigningKeyStore,
  options: { lang: Lang },
  output: Output,
): Promise<void> {
  const keys = await store.listKeys();
  if (keys.length === 0) {
    output.write(
      options.lang === "fr"
        ? "aucune clé : le serveur les crée à son premier démarrage (ou : entente oidc keys rotate).\n"
        : "no key: the server creates them when it first starts (or: entente oidc keys rotate).\n",
    );
    return;
  }
  for (const key of keys) {
    const dates = [
      `created ${key.createdAt.toISOString()}`,
      key.activatedAt === null ? null : `activated ${key.activatedAt.toISOString()}`,
      key.retiredAt === null ? null : `retired ${key.retiredAt.toISOString()}`,
    ].filter((d) => d !== null);
    output.write(`${key.kid}\t${key.alg}\t${key.state}\t${dates.join(", ")}\n`);
  }
}

/**
 * `entente oidc keys rotate`: one planned rotation step (next → current → retired, retired keys
 * whose tokens have all expired deleted). Running nodes pick the change up at their next key
 * refresh; run it again later (after at least the key refresh interval) for the next step.
 */
export async function rotateOidcKeys(
  store: SigningKeyStore,
  options: { lang: Lang },
  output: Output,
): Promise<void> {
  const empty = (await store.listKeys()).length === 0;
  if (empty) await ensureSigningKeys(store);
  const outcome = empty
    ? { created: (await store.listKeys()).map((k) => k.kid), activated: [], retired: [], deleted: [] }
    : await rotateSigningKeys(store);
  const fr = options.lang === "fr";
  const line = (label: string, kids: readonly string[]) =>
    `${label}: ${kids.length === 0 ? "-" : kids.join(", ")}\n`;
  output.write(line(fr ? "créées" : "created", outcome.created));
  output.write(line(fr ? "en service" : "activated", outcome.activated));
  output.write(line(fr ? "retirées" : "retired", outcome.retired));
  output.write(line(fr ? "supprimées" : "deleted", outcome.deleted));
}
