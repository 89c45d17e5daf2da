import type { Kysely } from "kysely";
import type { FinanceDatabase } from "./tables.ts";

/** Replaces the members taking part in a mission. */
export async function replaceMissionMembers(
  trx: Kysely<FinanceDatabase>,
  ententeId: string,
  missionId: string,
  memberIds: readonly string[],
): Promise<void> {
  await trx
    .deleteFrom("mission_member")
    .where("entente_id", "=", ententeId)
    .where("mission_id", "=", missionId)
    .execute();
  if (memberIds.length === 0) return;
  await trx
    .insertInto("mission_member")
    .values(
      memberIds.map((memberId) => ({ entente_id: ententeId, mission_id: missionId, member_id: memberId })),
    )
    .execute();
}
