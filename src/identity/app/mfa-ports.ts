import type { MfaCredentialRecord, MfaCredentialSummary } from "../domain/mfa-credential.ts";

/**
 * Ports of the second factor and the throttling of the sign-in (issue 4 §5): the MFA service
 * (src/identity/mfa), the credentials' and the failures' stores (src/identity/db).
 */

/**
 * Second factors of the pivot persons (TOTP and WebAuthn), used when a service asks for
 * `ACR_TWO_FACTORS` and the source gave one factor. Trust on first use: a person with no active
 * factor enrols one during that sign-in (docs/identity.md). WebAuthn options and responses are
 * the JSON shapes of the WebAuthn Level 3 spec (`PublicKeyCredentialCreationOptionsJSON`,
 * `RegistrationResponseJSON`…), kept `unknown` here so that the app layer stays library-free.
 */
export interface MfaService {
  /** Active factors of a person (a TOTP secret not yet confirmed by a first code is not listed). */
  listCredentials(sub: string): Promise<MfaCredentialSummary[]>;
  /**
   * Creates a new, inactive TOTP secret (160 bits, base32) for `sub`, replacing any other inactive one.
   * @returns the secret and its `otpauth://` URI (for the QR code), shown once to the person.
   */
  beginTotpEnrolment(
    sub: string,
    accountName: string,
  ): Promise<{ readonly credentialId: string; readonly secret: string; readonly otpauthUri: string }>;
  /** Activates the inactive TOTP secret `credentialId` of `sub` when `code` is valid now. @returns false otherwise. */
  confirmTotpEnrolment(sub: string, credentialId: string, code: string, at: Date): Promise<boolean>;
  /** Checks a code against the person's active TOTP secrets; a code (time step) accepted once is refused after (replay). */
  verifyTotp(sub: string, code: string, at: Date): Promise<boolean>;
  /** Options for `navigator.credentials.create` and their challenge (to keep server-side). */
  webauthnRegistrationOptions(
    sub: string,
    userName: string,
    displayName: string,
  ): Promise<{ readonly options: unknown; readonly challenge: string }>;
  /** Verifies a registration against the kept challenge, then stores the credential. @returns false when refused. */
  verifyWebauthnRegistration(
    sub: string,
    challenge: string,
    response: unknown,
    label: string,
  ): Promise<boolean>;
  /** Options for `navigator.credentials.get` listing the person's credentials, and their challenge. */
  webauthnAuthenticationOptions(
    sub: string,
  ): Promise<{ readonly options: unknown; readonly challenge: string }>;
  /** Verifies an assertion (signature, challenge, origin, rpID, signature counter). @returns false when refused. */
  verifyWebauthnAuthentication(sub: string, challenge: string, response: unknown): Promise<boolean>;
}

/** Storage of second factors. Writes are single statements; guards are conditional updates (no lost update across nodes). */
export interface MfaCredentialStore {
  listCredentials(
    sub: string,
    options: { readonly includeInactive: boolean },
  ): Promise<MfaCredentialRecord[]>;
  /** Adds a credential; for an inactive TOTP secret, deletes the person's other inactive ones first (one transaction). */
  addCredential(
    credential: Omit<MfaCredentialRecord, "id" | "lastUsedAt" | "createdAt" | "lastTimeStep">,
    at: Date,
  ): Promise<MfaCredentialRecord>;
  /** Activates a TOTP credential and records its first step. */
  activateTotp(sub: string, id: string, timeStep: number, at: Date): Promise<boolean>;
  /** Records `timeStep` only when it is greater than the last one (atomic): false means a replay. */
  advanceTotpStep(sub: string, id: string, timeStep: number, at: Date): Promise<boolean>;
  /** Records a WebAuthn use with its new counter, only when it is greater than the stored one or both are 0 (atomic). */
  advanceWebauthnCounter(sub: string, id: string, counter: number, at: Date): Promise<boolean>;
}
