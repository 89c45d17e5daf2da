import type { MfaCredentialStore, MfaService } from "../app/mfa-ports.ts";
import { createTotpFactors } from "./totp-factors.ts";
import { createWebauthnFactors } from "./webauthn-factors.ts";

/** What the MFA service is made with. */
export interface MfaServiceOptions {
  readonly store: MfaCredentialStore;
  /** Entente's public URL: the WebAuthn rpID (host) and origin. */
  readonly publicUrl: string;
  /** Name shown by authenticator apps and security-key prompts (the entente's name). */
  readonly issuer: string;
  readonly now: () => Date;
}

/**
 * Second factors with otplib (TOTP, RFC 6238) and @simplewebauthn/server (WebAuthn L3), over
 * the credential store (`createTotpFactors`, `createWebauthnFactors`). Replay and cloned-key
 * guards are atomic updates of the store, so they hold across nodes. The pages list active
 * factors only, never their secrets.
 */
export function createMfaService(options: MfaServiceOptions): MfaService {
  const { store } = options;
  return {
    async listCredentials(sub) {
      const records = await store.listCredentials(sub, { includeInactive: false });
      return records.map(({ id, kind, label, createdAt, lastUsedAt }) => ({
        id,
        kind,
        label,
        createdAt,
        lastUsedAt,
      }));
    },
    ...createTotpFactors(options),
    ...createWebauthnFactors(options),
  };
}
