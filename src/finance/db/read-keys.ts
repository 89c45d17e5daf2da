import type { Kysely } from "kysely";
import type { KeyRecord } from "../app/ports/key-store.ts";
import type { FinanceDatabase } from "./tables.ts";

/** The entente's keys by id, each with its shares in the entente's member order. */
export async function readKeys(db: Kysely<FinanceDatabase>, ententeId: string): Promise<KeyRecord[]> {
  const keys = await db
    .selectFrom("allocation_key")
    .selectAll()
    .where("entente_id", "=", ententeId)
    .orderBy("id")
    .execute();
  const shares = await db
    .selectFrom("key_share")
    .innerJoin("member", (j) =>
      j
        .onRef("member.entente_id", "=", "key_share.entente_id")
        .onRef("member.id", "=", "key_share.member_id"),
    )
    .select(["key_share.key_id", "key_share.member_id", "key_share.value"])
    .where("key_share.entente_id", "=", ententeId)
    .orderBy("member.position")
    .execute();
  return keys.map((k) => ({
    id: k.id,
    label: k.label,
    source: k.source,
    basis: k.basis,
    shares: shares.filter((s) => s.key_id === k.id).map((s) => ({ memberId: s.member_id, value: s.value })),
    rowVersion: k.row_version,
  }));
}
