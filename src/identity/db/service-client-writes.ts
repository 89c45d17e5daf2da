import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { throwStaleOrMissing } from "../../platform/db/stale-version.ts";
import type { ServiceClientStore } from "../app/provider-ports.ts";
import { hashClientSecret, serviceClientColumns, toServiceClientRecord } from "./service-client-rows.ts";
import type { IdentityDatabase } from "./tables.ts";

const WHAT = { fr: "service", en: "service" };

/** A new secret: 256 random bits, base64url (43 characters). */
const newSecret = () => randomBytes(32).toString("base64url");

/**
 * The writes of `createServiceClientStore`: a new client id (`svc_` + 128 random bits) and, unless
 * public, a new secret returned once and stored hashed; an update guarded by `row_version` (the
 * row locked); a new secret replacing the old one; a deletion. `forget` drops this node's cached
 * record after each write.
 */
export function createServiceClientWrites(
  db: Kysely<IdentityDatabase>,
  forget: (clientId: string) => void,
): Pick<ServiceClientStore, "createClient" | "updateClient" | "rotateClientSecret" | "deleteClient"> {
  return {
    async createClient(ententeId, input) {
      const clientSecret = input.tokenEndpointAuthMethod === "none" ? null : newSecret();
      const clientId = `svc_${randomBytes(16).toString("base64url")}`;
      const row = await db
        .insertInto("service_client")
        .values({
          client_id: clientId,
          entente_id: ententeId,
          ...serviceClientColumns(input),
          secret_hash: clientSecret === null ? null : hashClientSecret(clientSecret),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      forget(clientId);
      return { client: toServiceClientRecord(row), clientSecret };
    },
    async updateClient(ententeId, clientId, input, expectedRowVersion) {
      forget(clientId);
      const updated = await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom("service_client")
          .select(["row_version", "secret_hash"])
          .where("client_id", "=", clientId)
          .where("entente_id", "=", ententeId)
          .forUpdate()
          .executeTakeFirst();
        if (current === undefined || current.row_version !== expectedRowVersion) {
          throwStaleOrMissing(WHAT, clientId, expectedRowVersion, current?.row_version);
        }
        // A confidential method needs the secret a public client never had: nothing is written.
        if (input.tokenEndpointAuthMethod !== "none" && current.secret_hash === null) return null;
        const row = await trx
          .updateTable("service_client")
          .set({
            ...serviceClientColumns(input),
            secret_hash: input.tokenEndpointAuthMethod === "none" ? null : current.secret_hash,
            row_version: expectedRowVersion + 1,
          })
          .where("client_id", "=", clientId)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toServiceClientRecord(row);
      });
      forget(clientId);
      return updated;
    },
    async rotateClientSecret(ententeId, clientId) {
      const secret = newSecret();
      const result = await db
        .updateTable("service_client")
        .set((eb) => ({ secret_hash: hashClientSecret(secret), row_version: eb("row_version", "+", 1) }))
        .where("client_id", "=", clientId)
        .where("entente_id", "=", ententeId)
        .where("token_endpoint_auth_method", "!=", "none")
        .executeTakeFirst();
      forget(clientId);
      return Number(result.numUpdatedRows) === 0 ? null : secret;
    },
    async deleteClient(ententeId, clientId) {
      const result = await db
        .deleteFrom("service_client")
        .where("client_id", "=", clientId)
        .where("entente_id", "=", ententeId)
        .executeTakeFirst();
      forget(clientId);
      return Number(result.numDeletedRows) > 0;
    },
  };
}
