import { assertCan, type Principal } from "../../access/index.ts";
import { validateEntente } from "../domain/validate-entente.ts";
import { ValidationError } from "../errors.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { ConsoleDeps } from "./console-deps.ts";
import type { MissionRecord } from "./ports.ts";
import { actorOf } from "./update-member.ts";

export interface MissionChange {
  readonly name: string;
  readonly description: string | null;
  readonly leadMemberId: string | null;
  readonly memberIds: readonly string[];
  readonly keys: { readonly investissement: string; readonly fonctionnement: string };
}

/**
 * Edits a mission: name, description, lead member (porteur), participating members and the key
 * of each section. The engine's rules apply to the whole entente once changed (known members
 * and keys, every member of the keys taking part, each key group's contributions equal to its
 * net cost), reported with their fields; nothing stored otherwise. Secretariat only.
 */
export async function updateMission(
  deps: ConsoleDeps,
  principal: Principal,
  ententeId: string,
  missionId: string,
  change: MissionChange,
  rowVersion: number,
): Promise<MissionRecord> {
  assertCan(principal, { kind: "edit-mission", ententeId });
  const before = (await deps.console.listMissions(ententeId)).find((m) => m.id === missionId);
  const figuresChange =
    before === undefined ||
    before.keys.investissement !== change.keys.investissement ||
    before.keys.fonctionnement !== change.keys.fonctionnement ||
    before.memberIds.join() !== [...change.memberIds].join();
  // Name, description and lead change no amount: they stay editable after adoption.
  if (figuresChange) await assertFiguresOpen(deps, ententeId, "all");
  const entente = await deps.ententes.loadEntente(ententeId);
  const index = entente.missions.findIndex((m) => m.id === missionId);
  const candidate = {
    ...entente,
    missions: entente.missions.map((m) =>
      m.id === missionId
        ? {
            // Not `...m`: a lead removed (null) must not survive from the old mission.
            id: m.id,
            kind: m.kind,
            name: change.name,
            members: [...change.memberIds],
            keys: { ...change.keys },
            ...(change.leadMemberId === null ? {} : { lead: change.leadMemberId }),
          }
        : m,
    ),
  };
  const issues = validateEntente(candidate)
    .filter(
      (issue) =>
        (issue.path[0] === "missions" && issue.path[1] === index) ||
        issue.code === "budget.key_group_unbalanced",
    )
    .map((issue) => ({
      ...issue,
      path:
        issue.path[0] === "missions"
          ? issue.path
              .slice(2)
              .map((p) => (p === "lead" ? "leadMemberId" : p === "members" ? "memberIds" : p))
          : issue.path,
    }));
  // A draft out of balance elsewhere is no reason to refuse this change: only the key groups it touches.
  const touched = new Set([
    change.keys.investissement,
    change.keys.fonctionnement,
    ...Object.values(entente.missions[index]?.keys ?? {}),
  ]);
  const relevant = issues.filter(
    (issue) => issue.code !== "budget.key_group_unbalanced" || touched.has(String(issue.details.key)),
  );
  if (relevant.length > 0) throw new ValidationError(relevant);
  return deps.console.updateMission(ententeId, missionId, change, rowVersion, actorOf(principal));
}
