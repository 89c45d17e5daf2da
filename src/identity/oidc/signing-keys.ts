import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { SigningKeyStore } from "../app/provider-ports.ts";
import type { SigningKeyChanges, SigningKeyRecord } from "../domain/signing-key.ts";
import { RETIRED_KEY_RETENTION_SECONDS } from "./token-lifetimes.ts";

/** Algorithms the provider signs with: RS256 (the OIDC default for ID tokens, OIDC Core §15.1) and ES256 (fast). */
export const SIGNING_ALGS = ["RS256", "ES256"] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/** A new private signing key as a JWK with a random `kid` (node:crypto, exported as JWK by Node itself). */
export function generateSigningKey(
  alg: SigningAlg,
  state: SigningKeyRecord["state"],
  now: Date,
): SigningKeyRecord {
  const pair =
    alg === "RS256"
      ? generateKeyPairSync("rsa", { modulusLength: 2048 })
      : generateKeyPairSync("ec", { namedCurve: "P-256" });
  const kid = `${alg.toLowerCase()}-${randomBytes(9).toString("base64url")}`;
  return {
    kid,
    alg,
    state,
    privateJwk: { ...pair.privateKey.export({ format: "jwk" }), kid, alg, use: "sig" },
    createdAt: now,
    activatedAt: state === "current" ? now : null,
    retiredAt: null,
  };
}

/**
 * One rotation step, per algorithm (pure but for the fresh keys it is given):
 * - no current key: a current and a next key are created (first start);
 * - otherwise: current → retired, next → current (it has been published since the previous
 *   step, so relying parties that cached the JWKS know it), a new next key is created;
 * - retired keys older than `retentionSeconds` are deleted (every token they signed has expired).
 * With `onlyIfMissing`, only the first-start case acts (used at boot by every node).
 */
export function planRotation(
  keys: readonly SigningKeyRecord[],
  options: {
    readonly now: Date;
    readonly retentionSeconds: number;
    readonly onlyIfMissing: boolean;
    readonly generate: (alg: SigningAlg, state: SigningKeyRecord["state"]) => SigningKeyRecord;
  },
): SigningKeyChanges {
  const { now } = options;
  const insert: SigningKeyRecord[] = [];
  const update: {
    kid: string;
    state: SigningKeyRecord["state"];
    activatedAt: Date | null;
    retiredAt: Date | null;
  }[] = [];
  const remove: string[] = [];
  for (const alg of SIGNING_ALGS) {
    const mine = keys.filter((k) => k.alg === alg);
    const current = mine.find((k) => k.state === "current");
    const next = mine.find((k) => k.state === "next");
    if (current === undefined) {
      if (next !== undefined)
        update.push({ kid: next.kid, state: "current", activatedAt: now, retiredAt: null });
      else insert.push(options.generate(alg, "current"));
      insert.push(options.generate(alg, "next"));
      continue;
    }
    if (next === undefined) insert.push(options.generate(alg, "next"));
    if (options.onlyIfMissing) continue;
    const limit = now.getTime() - options.retentionSeconds * 1000;
    for (const old of mine) {
      if (old.state === "retired" && (old.retiredAt === null || old.retiredAt.getTime() <= limit))
        remove.push(old.kid);
    }
    update.push({ kid: current.kid, state: "retired", activatedAt: current.activatedAt, retiredAt: now });
    if (next !== undefined) {
      update.push({ kid: next.kid, state: "current", activatedAt: now, retiredAt: null });
      insert.push(options.generate(alg, "next"));
    } else {
      // The next key generated just above becomes current at once: only on a damaged key set.
      const fresh = insert.pop();
      if (fresh !== undefined)
        insert.push({ ...fresh, state: "current", activatedAt: now }, options.generate(alg, "next"));
    }
  }
  return { insert, update, delete: remove };
}

/** Summary of a rotation step, for the CLI and the audit log. */
export interface RotationOutcome {
  readonly created: readonly string[];
  readonly activated: readonly string[];
  readonly retired: readonly string[];
  readonly deleted: readonly string[];
}

async function applyStep(
  store: SigningKeyStore,
  onlyIfMissing: boolean,
  now: () => Date,
  retentionSeconds: number,
): Promise<RotationOutcome> {
  // Keys are generated before the transaction (RSA takes tens of milliseconds): two per algorithm cover every case.
  const at = now();
  const pool = new Map<SigningAlg, SigningKeyRecord[]>(
    SIGNING_ALGS.map((alg) => [
      alg,
      [generateSigningKey(alg, "next", at), generateSigningKey(alg, "next", at)],
    ]),
  );
  const changes = await store.change((keys) =>
    planRotation(keys, {
      now: at,
      retentionSeconds,
      onlyIfMissing,
      generate: (alg, state) => {
        const key = pool.get(alg)?.shift() ?? generateSigningKey(alg, state, at);
        return { ...key, state, activatedAt: state === "current" ? at : null };
      },
    }),
  );
  return {
    created: changes.insert.map((k) => k.kid),
    activated: [
      ...changes.insert.filter((k) => k.state === "current").map((k) => k.kid),
      ...changes.update.filter((u) => u.state === "current").map((u) => u.kid),
    ],
    retired: changes.update.filter((u) => u.state === "retired").map((u) => u.kid),
    deleted: [...changes.delete],
  };
}

/** Whether every algorithm has its current and its next key: nothing for a boot to create. */
function hasEveryKey(keys: readonly SigningKeyRecord[]): boolean {
  const has = (alg: SigningAlg, state: SigningKeyRecord["state"]) =>
    keys.some((k) => k.alg === alg && k.state === state);
  return SIGNING_ALGS.every((alg) => has(alg, "current") && has(alg, "next"));
}

/**
 * Makes sure every algorithm has a current and a next key (first start of the first node).
 * Every other start finds them and creates nothing — read first, so that it does not generate
 * four key pairs to throw away (RSA-2048: 50 ms to a second each, on a busy machine).
 * Two nodes starting at once: one insert wins, the other hits the unique index and re-reads.
 */
export async function ensureSigningKeys(
  store: SigningKeyStore,
  now: () => Date = () => new Date(),
): Promise<void> {
  if (hasEveryKey(await store.listKeys())) return;
  for (let attempt = 0; ; attempt++) {
    try {
      await applyStep(store, true, now, RETIRED_KEY_RETENTION_SECONDS);
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * One planned rotation step (`entente oidc keys rotate`); see `planRotation`. Nodes pick the new
 * keys up at their next reload (`keyRefreshSeconds`): until then they sign with the retired key,
 * which stays published.
 * @param retentionSeconds how long retired keys stay published; default: the longest JWT life plus skew.
 */
export async function rotateSigningKeys(
  store: SigningKeyStore,
  options: { now?: () => Date; retentionSeconds?: number } = {},
): Promise<RotationOutcome> {
  return applyStep(
    store,
    false,
    options.now ?? (() => new Date()),
    options.retentionSeconds ?? RETIRED_KEY_RETENTION_SECONDS,
  );
}

/**
 * The provider's JWKS from the stored keys: current keys first (oidc-provider signs with the
 * first key that fits the algorithm), then next (published before use), then retired
 * (published until their tokens expire). Expired retired keys are left out even before the
 * next rotation step deletes them.
 */
export function toProviderJwks(
  keys: readonly SigningKeyRecord[],
  now: Date,
  retentionSeconds: number = RETIRED_KEY_RETENTION_SECONDS,
): { keys: Record<string, unknown>[] } {
  const rank = { current: 0, next: 1, retired: 2 } as const;
  const limit = now.getTime() - retentionSeconds * 1000;
  return {
    keys: [...keys]
      .filter((k) => k.state !== "retired" || (k.retiredAt !== null && k.retiredAt.getTime() > limit))
      .sort((a, b) => rank[a.state] - rank[b.state])
      .map((k) => ({ ...k.privateJwk })),
  };
}
