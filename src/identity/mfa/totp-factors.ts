import type { MfaCredentialStore, MfaService } from "../app/mfa-ports.ts";
import { checkTotp, createTotpSecret, totpUri } from "./totp.ts";

/** The TOTP part of `MfaService`. */
export type TotpFactors = Pick<MfaService, "beginTotpEnrolment" | "confirmTotpEnrolment" | "verifyTotp">;

/**
 * TOTP apps (otplib, RFC 6238) over the credential store: a new secret is inactive until its
 * first valid code; each accepted time step is recorded by the store only when it is greater than
 * the last one (atomic), so a code is accepted once across nodes.
 */
export function createTotpFactors(options: {
  readonly store: MfaCredentialStore;
  readonly issuer: string;
  readonly now: () => Date;
}): TotpFactors {
  const { store } = options;
  return {
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
  };
}
