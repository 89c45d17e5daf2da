import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";

/**
 * The WebAuthn library, loaded at the first ceremony: with its ASN.1 and X.509 dependencies it is
 * some 250 modules, a third of a second of every server start otherwise.
 */
const webauthnLibrary = () => import("@simplewebauthn/server");

/**
 * The relying party of WebAuthn: Entente's public URL. `rpID` is its host name (WebAuthn L3
 * §5.1.4.1: credentials are scoped to it), `origin` its scheme + host + port.
 */
export interface WebauthnRelyingParty {
  readonly rpID: string;
  readonly origin: string;
  readonly rpName: string;
}

/** The relying party for a public URL such as `https://identite.entente.fr`. */
export function relyingPartyOf(publicUrl: string, rpName: string): WebauthnRelyingParty {
  const url = new URL(publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName };
}

/** A credential as stored: base64url id, COSE public key, signature counter. */
export interface StoredWebauthnCredential {
  readonly id: string;
  readonly publicKey: Uint8Array;
  readonly counter: number;
  readonly transports: readonly string[];
}

/**
 * Options for `navigator.credentials.create`: no attestation (a pool of communes does not
 * vet authenticator models), user verification preferred, the person's existing keys excluded.
 * `userId` is the pivot `sub` (no personal data in the user handle).
 */
export async function webauthnRegistrationOptions(
  rp: WebauthnRelyingParty,
  user: { readonly sub: string; readonly name: string; readonly displayName: string },
  existing: readonly StoredWebauthnCredential[],
) {
  const { generateRegistrationOptions } = await webauthnLibrary();
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.name,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.sub),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: [...c.transports] })),
    authenticatorSelection: { residentKey: "discouraged", userVerification: "preferred" },
  });
  return { options, challenge: options.challenge };
}

/**
 * Verifies a registration (challenge, origin, rpID, user presence, signature of the attestation).
 * @returns the credential to store, or null when refused (malformed or not matching).
 */
export async function checkWebauthnRegistration(
  rp: WebauthnRelyingParty,
  challenge: string,
  response: unknown,
): Promise<StoredWebauthnCredential | null> {
  const { verifyRegistrationResponse } = await webauthnLibrary();
  try {
    const result = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
    if (!result.verified) return null;
    const { credential } = result.registrationInfo;
    return {
      id: credential.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports ?? [],
    };
  } catch {
    // The library throws on any malformed or mismatching answer: a refusal, not a server error.
    return null;
  }
}

/** Options for `navigator.credentials.get`, allowing only the person's own credentials. */
export async function webauthnAuthenticationOptions(
  rp: WebauthnRelyingParty,
  credentials: readonly StoredWebauthnCredential[],
) {
  const { generateAuthenticationOptions } = await webauthnLibrary();
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    allowCredentials: credentials.map((c) => ({ id: c.id, transports: [...c.transports] })),
    userVerification: "preferred",
  });
  return { options, challenge: options.challenge };
}

/**
 * Verifies an assertion against the person's credential it names: challenge, origin, rpID,
 * signature, and the signature counter (WebAuthn L3 §6.1.1: a counter that does not grow
 * signals a cloned authenticator).
 * @returns the credential used and its new counter, or null when refused.
 */
export async function checkWebauthnAuthentication(
  rp: WebauthnRelyingParty,
  challenge: string,
  response: unknown,
  credentials: readonly StoredWebauthnCredential[],
): Promise<{ readonly id: string; readonly newCounter: number } | null> {
  const id =
    typeof response === "object" && response !== null ? (response as { id?: unknown }).id : undefined;
  const credential = credentials.find((c) => c.id === id);
  if (credential === undefined) return null;
  const { verifyAuthenticationResponse } = await webauthnLibrary();
  try {
    const result = await verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: credential.id,
        publicKey: new Uint8Array(credential.publicKey),
        counter: credential.counter,
        transports: [...credential.transports] as never,
      },
      requireUserVerification: false,
    });
    return result.verified ? { id: credential.id, newCounter: result.authenticationInfo.newCounter } : null;
  } catch {
    return null;
  }
}
