/** Second factors of the pivot persons (issue 4 §5): TOTP apps and WebAuthn authenticators. */

/** Kinds of second factors: a TOTP app (RFC 6238) or a WebAuthn authenticator (security key, passkey). */
export type MfaKind = "totp" | "webauthn";

/** A second factor of a person as the pages show it: never its secret nor its public key. */
export interface MfaCredentialSummary {
  readonly id: string;
  readonly kind: MfaKind;
  readonly label: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

/** A stored second factor; secrets only ever leave the store towards the MFA service. */
export interface MfaCredentialRecord extends MfaCredentialSummary {
  readonly sub: string;
  /** TOTP: base32 secret. WebAuthn: null. */
  readonly secret: string | null;
  /** WebAuthn: base64url credential id and COSE public key; the authenticator's signature counter. */
  readonly webauthnId: string | null;
  readonly publicKey: Uint8Array | null;
  readonly counter: number;
  readonly transports: readonly string[];
  /** TOTP: the last accepted time step (replay guard); null before any. */
  readonly lastTimeStep: number | null;
  /** false for a TOTP secret not yet confirmed by a first valid code. */
  readonly active: boolean;
}
