import type { Issue } from "../errors.ts";
import type { Entente, Mission } from "./entente.ts";
import { validateEntente } from "./validate-entente.ts";

/** A mission as the console edits it. */
export interface MissionChange {
  readonly name: string;
  readonly description: string | null;
  readonly leadMemberId: string | null;
  readonly memberIds: readonly string[];
  readonly keys: { readonly investissement: string; readonly fonctionnement: string };
}

/**
 * Whether a change of a mission alters figures: its keys do (they decide who pays what); its
 * name, description, lead and participants do not — the shares come from the keys' bases
 * (createSharesLookup), and every member with a share must take part anyway
 * (`mission.key_member_not_participant`), so a commune joining in 2025 with a share from 2025
 * can be added to the mission while 2023 stays adopted. A mission not found counts as a change
 * of figures.
 */
export function changesFigures(
  before: { readonly keys: MissionChange["keys"] } | undefined,
  change: MissionChange,
): boolean {
  return (
    before === undefined ||
    before.keys.investissement !== change.keys.investissement ||
    before.keys.fonctionnement !== change.keys.fonctionnement
  );
}

/** The mission once changed. Not `...mission`: a lead removed (null) must not survive. */
function changedMission(mission: Mission, change: MissionChange): Mission {
  return {
    id: mission.id,
    kind: mission.kind,
    name: change.name,
    members: [...change.memberIds],
    keys: { ...change.keys },
    ...(change.leadMemberId === null ? {} : { lead: change.leadMemberId }),
  };
}

/** A path of the model as the console's form names it (`leadMemberId`, `memberIds`). */
function formPath(issue: Issue): Issue {
  if (issue.path[0] !== "missions") return issue;
  return {
    ...issue,
    path: issue.path.slice(2).map((p) => (p === "lead" ? "leadMemberId" : p === "members" ? "memberIds" : p)),
  };
}

/**
 * The engine's rules that a change of mission `missionId` would break, once applied to the whole
 * entente: known members and keys, every member of the keys taking part, each key group's
 * contributions equal to its net cost — with the form's field names. A draft out of balance
 * elsewhere is no reason to refuse the change: only the key groups it touches count.
 */
export function missionChangeIssues(entente: Entente, missionId: string, change: MissionChange): Issue[] {
  const index = entente.missions.findIndex((m) => m.id === missionId);
  const candidate = {
    ...entente,
    missions: entente.missions.map((m) => (m.id === missionId ? changedMission(m, change) : m)),
  };
  const touched = new Set([
    change.keys.investissement,
    change.keys.fonctionnement,
    ...Object.values(entente.missions[index]?.keys ?? {}),
  ]);
  return validateEntente(candidate)
    .filter(
      (issue) =>
        (issue.path[0] === "missions" && issue.path[1] === index) ||
        issue.code === "budget.key_group_unbalanced",
    )
    .map(formPath)
    .filter(
      (issue) => issue.code !== "budget.key_group_unbalanced" || touched.has(String(issue.details.key)),
    );
}
