import type { MfaCredentialStore, MfaService } from "../app/mfa-ports.ts";
import type { MfaCredentialRecord } from "../domain/mfa-credential.ts";
import { checkTotp, createTotpSecret, totpUri } from "./totp.ts";
import {
  checkWebauthnAuthentication,
  checkWebauthnRegistration,
  relyingPartyOf,
  type StoredWebauthnCredential,
  webauthnAuthenticationOptions,
  webauthnRegistrationOptions,
} from "./webauthn.ts";

export interface MfaServiceOptions {
  readonly store: MfaCredentialStore;
  /** Entente's public URL: the WebAuthn rpID (host) and origin. */
  readonly publicUrl: string;
  /** Name shown by authenticator apps and security-key prompts (the entente's name). */
  readonly issuer: string;
  readonly now: () => Date;
}

const asWebauthn = (c: MfaCredentialRecord): StoredWebauthnCredential | null =>
  c.kind === "webauthn" && c.webauthnId !== null && c.publicKey !== null
    ? { id: c.webauthnId, publicKey: c.publicKey, counter: c.counter, transports: c.transports }
    : null;

/**
 * Second factors with otplib (TOTP, RFC 6238) and @simplewebauthn/server (WebAuthn L3), over
 * the credential store. Replay and cloned-key guards are atomic updates of the store, so they
 * hold across nodes.
 */
export function createMfaService(options: MfaServiceOptions): MfaService {
  const { store } = options;
  const rp = relyingPartyOf(options.publicUrl, options.issuer);
  const webauthnOf = async (sub: string) =>
    (await store.listCredentials(sub, { includeInactive: false })).flatMap((c) => {
      const w = asWebauthn(c);
      return w === null ? [] : [{ record: c, credential: w }];
    });

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
    async beginTotpEnrolment(sub, accountName) {
      const secret = createTotpSecret();
      const record = await store.addCredential(
        {
          sub,
          kind: "totp",
          label: "TOTP",
          secret,
          webauthnId: null,
          publicKey: null,
          counter: 0,
          transports: [],
          active: false,
        },
        options.now(),
      );
      return { credentialId: record.id, secret, otpauthUri: totpUri(secret, options.issuer, accountName) };
    },
    async confirmTotpEnrolment(sub, credentialId, code, at) {
      const pending = (await store.listCredentials(sub, { includeInactive: true })).find(
        (c) => c.id === credentialId && c.kind === "totp" && !c.active,
      );
      if (pending?.secret == null) return false;
      const step = await checkTotp(pending.secret, code, at, null);
      return step !== null && (await store.activateTotp(sub, credentialId, step, at));
    },
    async verifyTotp(sub, code, at) {
      for (const c of await store.listCredentials(sub, { includeInactive: false })) {
        if (c.kind !== "totp" || c.secret === null) continue;
        const step = await checkTotp(c.secret, code, at, c.lastTimeStep);
        // The store refuses a step not greater than the last one: two nodes cannot both accept a code.
        if (step !== null) return store.advanceTotpStep(sub, c.id, step, at);
      }
      return false;
    },
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
      const checked = await checkWebauthnAuthentication(
        rp,
        challenge,
        response,
        owned.map((w) => w.credential),
      );
      const used = owned.find((w) => w.credential.id === checked?.id);
      if (checked === null || used === undefined) return false;
      return store.advanceWebauthnCounter(sub, used.record.id, checked.newCounter, options.now());
    },
  };
}
