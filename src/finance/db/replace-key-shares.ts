import type { Kysely } from "kysely";
import type { FinanceDatabase } from "./tables.ts";

/** Replaces the shares of a key (percent: ten-thousandths of a percent; weights: weight). */
export async function replaceKeyShares(
  trx: Kysely<FinanceDatabase>,
  ententeId: string,
  keyId: string,
  shares: readonly { readonly memberId: string; readonly value: bigint }[],
): Promise<void> {
  await trx.deleteFrom("key_share").where("entente_id", "=", ententeId).where("key_id", "=", keyId).execute();
  if (shares.length === 0) return;
  await trx
    .insertInto("key_share")
    .values(
      shares.map((s) => ({ entente_id: ententeId, key_id: keyId, member_id: s.memberId, value: s.value })),
    )
    .execute();
}
