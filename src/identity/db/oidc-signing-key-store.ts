import type { Kysely } from "kysely";
import type { SigningKeyStore } from "../app/provider-ports.ts";
import type { SigningKeyRecord } from "../domain/signing-key.ts";
import type { IdentityDatabase } from "./tables.ts";

type Row = {
  kid: string;
  alg: "ES256" | "RS256";
  state: "next" | "current" | "retired";
  private_jwk: Record<string, unknown>;
  created_at: Date;
  activated_at: Date | null;
  retired_at: Date | null;
};

const toRecord = (row: Row): SigningKeyRecord => ({
  kid: row.kid,
  alg: row.alg,
  state: row.state,
  privateJwk: row.private_jwk,
  createdAt: row.created_at,
  activatedAt: row.activated_at,
  retiredAt: row.retired_at,
});

/**
 * The OpenID Provider's signing keys in the database (table `oidc_signing_key`), shared by every
 * node. `change` runs a rotation step in one transaction with the rows locked (`FOR UPDATE`), so
 * two nodes rotating at once apply their steps one after the other; the partial unique index
 * keeps at most one `next` and one `current` key per algorithm whatever happens.
 */
export function createSigningKeyStore(db: Kysely<IdentityDatabase>): SigningKeyStore {
  return {
    async listKeys() {
      const rows = await db.selectFrom("oidc_signing_key").selectAll().orderBy("created_at").execute();
      return rows.map(toRecord);
    },
    async change(plan) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom("oidc_signing_key")
          .selectAll()
          .orderBy("created_at")
          .forUpdate()
          .execute();
        const changes = plan(rows.map(toRecord));
        if (changes.delete.length > 0) {
          await trx
            .deleteFrom("oidc_signing_key")
            .where("kid", "in", [...changes.delete])
            .execute();
        }
        // Demotions first (current → retired, then next → current), so the unique index holds at each step.
        const order = { retired: 0, current: 1, next: 2 } as const;
        for (const update of [...changes.update].sort((a, b) => order[a.state] - order[b.state])) {
          await trx
            .updateTable("oidc_signing_key")
            .set({ state: update.state, activated_at: update.activatedAt, retired_at: update.retiredAt })
            .where("kid", "=", update.kid)
            .execute();
        }
        for (const key of changes.insert) {
          await trx
            .insertInto("oidc_signing_key")
            .values({
              kid: key.kid,
              alg: key.alg,
              state: key.state,
              private_jwk: JSON.stringify(key.privateJwk),
              created_at: key.createdAt,
              activated_at: key.activatedAt,
              retired_at: key.retiredAt,
            })
            .execute();
        }
        return changes;
      });
    },
  };
}
