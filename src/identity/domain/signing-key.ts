/** Signing keys of the OpenID Provider and their rotation (docs/identity.md, "Signing keys"). */

/** Life of a signing key: published before use (`next`), signing (`current`), published until its tokens expire (`retired`). */
export type SigningKeyState = "next" | "current" | "retired";

/** A signing key of the OpenID Provider, private part included (never sent anywhere but the provider). */
export interface SigningKeyRecord {
  readonly kid: string;
  readonly alg: "ES256" | "RS256";
  readonly state: SigningKeyState;
  /** Private JWK (RFC 7517) with `kid`, `alg`, `use: "sig"`. */
  readonly privateJwk: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
  readonly activatedAt: Date | null;
  readonly retiredAt: Date | null;
}

/** A change computed by a rotation step, applied by the store in one transaction. */
export interface SigningKeyChanges {
  readonly insert: readonly SigningKeyRecord[];
  readonly update: readonly {
    readonly kid: string;
    readonly state: SigningKeyState;
    readonly activatedAt: Date | null;
    readonly retiredAt: Date | null;
  }[];
  readonly delete: readonly string[];
}
