import type { MfaCredentialStore, MfaService } from "../app/mfa-ports.ts";
import type { MfaCredentialRecord } from "../domain/mfa-credential.ts";
import {
  checkWebauthnAuthentication,
  checkWebauthnRegistration,
  relyingPartyOf,
  type StoredWebauthnCredential,
  webauthnAuthenticationOptions,
  webauthnRegistrationOptions,
} from "./webauthn.ts";

/** The WebAuthn part of `MfaService`. */
export type WebauthnFactors = Pick<
  MfaService,
  | "webauthnRegistrationOptions"
  | "verifyWebauthnRegistration"
  | "webauthnAuthenticationOptions"
  | "verifyWebauthnAuthentication"
>;

const asWebauthn = (c: MfaCredentialRecord): StoredWebauthnCredential | null =>
  c.kind === "webauthn" && c.webauthnId !== null && c.publicKey !== null
    ? { id: c.webauthnId, publicKey: c.publicKey, counter: c.counter, transports: c.transports }
    : null;

/**
 * Security keys and passkeys (@simplewebauthn/server, WebAuthn L3) over the credential store: the
 * relying party is Entente's public URL (rpID: its host); a signature counter that does not grow
 * (a cloned key, a replayed assertion) is refused by the store's atomic update, across nodes.
 */
export function createWebauthnFactors(options: {
  readonly store: MfaCredentialStore;
  readonly publicUrl: string;
  readonly issuer: string;
  readonly now: () => Date;
}): WebauthnFactors {
  const { store } = options;
  const rp = relyingPartyOf(options.publicUrl, options.issuer);
  const webauthnOf = async (sub: string) =>
    (await store.listCredentials(sub, { includeInactive: false })).flatMap((c) => {
      const w = asWebauthn(c);
      return w === null ? [] : [{ record: c, credential: w }];
    });
  return {
    async webauthnRegistrationOptions(sub, userName, displayName) {
      const existing = (await webauthnOf(sub)).map((w) => w.credential);
      return webauthnRegistrationOptions(rp, { sub, name: userName, displayName }, existing);
    },
    async verifyWebauthnRegistration(sub, challenge, response, label) {
      const credential = await checkWebauthnRegistration(rp, challenge, response);
      if (credential === null) return false;
      await store.addCredential(
        {
          sub,
          kind: "webauthn",
          label: label.trim() === "" ? "WebAuthn" : label.trim().slice(0, 100),
          secret: null,
          webauthnId: credential.id,
          publicKey: credential.publicKey,
          counter: credential.counter,
          transports: credential.transports,
          active: true,
        },
        options.now(),
      );
      return true;
    },
    async webauthnAuthenticationOptions(sub) {
      return webauthnAuthenticationOptions(
        rp,
        (await webauthnOf(sub)).map((w) => w.credential),
      );
    },
    async verifyWebauthnAuthentication(sub, challenge, response) {
      const owned = await webauthnOf(sub);
      const credentials = owned.map((w) => w.credential);
      const checked = await checkWebauthnAuthentication(rp, challenge, response, credentials);
      const used = owned.find((w) => w.credential.id === checked?.id);
      if (checked === null || used === undefined) return false;
      return store.advanceWebauthnCounter(sub, used.record.id, checked.newCounter, options.now());
    },
  };
}
