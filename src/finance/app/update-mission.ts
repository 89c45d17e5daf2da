import { assertCan, type Principal } from "../../access/index.ts";
import { changesFigures, type MissionChange, missionChangeIssues } from "../domain/mission-change.ts";
import { ValidationError } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import type { MissionRecord } from "./ports/mission-store.ts";

/**
 * Edits a mission: name, description, lead member (porteur), participating members and the key
 * of each section. The engine's rules apply to the whole entente once changed (known members
 * and keys, every member of the keys taking part, each key group's contributions equal to its
 * net cost), reported with their fields; nothing stored otherwise. Secretariat only.
 */
export async function updateMission(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "missions">,
  principal: Principal,
  ententeId: string,
  missionId: string,
  change: MissionChange,
  rowVersion: number,
): Promise<MissionRecord> {
  assertCan(principal, { kind: "edit-mission", ententeId });
  const before = (await deps.missions.list(ententeId)).find((m) => m.id === missionId);
  if (changesFigures(before, change)) await assertFiguresOpen(deps, ententeId, "all");
  const issues = missionChangeIssues(await deps.ententes.loadEntente(ententeId), missionId, change);
  if (issues.length > 0) throw new ValidationError(issues);
  return deps.missions.update(ententeId, missionId, change, rowVersion, actorOf(principal));
}
