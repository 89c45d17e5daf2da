import { type Kysely, type Selectable, sql } from "kysely";
import type { MfaCredentialStore } from "../app/mfa-ports.ts";
import type { MfaCredentialRecord } from "../domain/mfa-credential.ts";
import type { IdentityDatabase, MfaCredentialTable } from "./tables.ts";

function toRecord(row: Selectable<MfaCredentialTable>): MfaCredentialRecord {
  return {
    id: String(row.id),
    sub: row.sub,
    kind: row.kind,
    label: row.label,
    secret: row.secret,
    webauthnId: row.webauthn_id,
    publicKey: row.public_key === null ? null : new Uint8Array(row.public_key),
    counter: Number(row.counter),
    transports: row.transports,
    lastTimeStep: row.last_time_step === null ? null : Number(row.last_time_step),
    active: row.active,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

const isId = (id: string) => /^\d{1,18}$/.test(id);

/**
 * Second factors in `mfa_credential` (migration 0006). The replay guard of TOTP and the counter
 * guard of WebAuthn are conditional UPDATEs: whichever node runs first wins, the other sees 0 rows.
 */
export function createMfaCredentialStore(db: Kysely<IdentityDatabase>): MfaCredentialStore {
  return {
    async listCredentials(sub, { includeInactive }) {
      let query = db.selectFrom("mfa_credential").selectAll().where("sub", "=", sub);
      if (!includeInactive) query = query.where("active", "=", true);
      return (await query.orderBy("id").execute()).map(toRecord);
    },
    async addCredential(credential, at) {
      return db.transaction().execute(async (trx) => {
        if (credential.kind === "totp" && !credential.active) {
          await trx
            .deleteFrom("mfa_credential")
            .where("sub", "=", credential.sub)
            .where("kind", "=", "totp")
            .where("active", "=", false)
            .execute();
        }
        const row = await trx
          .insertInto("mfa_credential")
          .values({
            sub: credential.sub,
            kind: credential.kind,
            label: credential.label,
            secret: credential.secret,
            webauthn_id: credential.webauthnId,
            public_key: credential.publicKey,
            counter: credential.counter,
            transports: JSON.stringify(credential.transports),
            last_time_step: null,
            active: credential.active,
            created_at: at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toRecord(row);
      });
    },
    async activateTotp(sub, id, timeStep, at) {
      if (!isId(id)) return false;
      const result = await db
        .updateTable("mfa_credential")
        .set({ active: true, last_time_step: timeStep, last_used_at: at })
        .where("id", "=", BigInt(id))
        .where("sub", "=", sub)
        .where("kind", "=", "totp")
        .where("active", "=", false)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async advanceTotpStep(sub, id, timeStep, at) {
      if (!isId(id)) return false;
      const result = await db
        .updateTable("mfa_credential")
        .set({ last_time_step: timeStep, last_used_at: at })
        .where("id", "=", BigInt(id))
        .where("sub", "=", sub)
        .where("active", "=", true)
        .where((eb) => eb.or([eb("last_time_step", "is", null), eb("last_time_step", "<", BigInt(timeStep))]))
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async advanceWebauthnCounter(sub, id, counter, at) {
      if (!isId(id)) return false;
      const result = await db
        .updateTable("mfa_credential")
        .set({ counter, last_used_at: at })
        .where("id", "=", BigInt(id))
        .where("sub", "=", sub)
        .where("kind", "=", "webauthn")
        // Authenticators without a counter always send 0 (WebAuthn L3 §6.1.1): allowed while both are 0.
        .where(sql<boolean>`(counter < ${counter} OR (counter = 0 AND ${counter} = 0))`)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
  };
}
