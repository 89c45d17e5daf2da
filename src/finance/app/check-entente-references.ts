import { EntenteError, localized } from "../errors.ts";
import type { EntenteStore } from "./ports/entente-store.ts";

/**
 * Checks that entente `ententeId` exists and has the member and the mission named (when not
 * null): what a console account of that entente may refer to.
 * @throws EntenteError `entente.not_found`, `entente.unknown_reference` (with the known ids)
 */
export async function checkEntenteReferences(
  ententes: EntenteStore,
  ententeId: string,
  refs: { readonly memberId: string | null; readonly missionId: string | null },
): Promise<void> {
  const entente = await ententes.loadEntente(ententeId);
  const check = (what: ReturnType<typeof localized>, id: string | null, known: readonly string[]) => {
    if (id !== null && !known.includes(id))
      throw new EntenteError("entente.unknown_reference", { what, id, known: known.join(", ") });
  };
  check(
    localized("membre", "member"),
    refs.memberId,
    entente.members.map((m) => m.id),
  );
  check(
    localized("mission", "mission"),
    refs.missionId,
    entente.missions.map((m) => m.id),
  );
}
