import type { Issue } from "../errors.ts";
import { type Mission, SECTIONS } from "./entente.ts";
import { ENTITY_NAMES } from "./entity-names.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { ReferenceChecks } from "./reference-checks.ts";

/**
 * One mission: its lead and members exist (each named once), its keys exist, and every member of its keys takes
 * part in it (`mission.key_member_not_participant`, once per key and member).
 */
function validateMission(
  mission: Mission,
  m: number,
  references: ReferenceChecks,
  keyMembers: ReadonlyMap<string, ReadonlySet<string>>,
  issues: Issue[],
): void {
  const reportedOutsiders = new Set<string>();
  if (mission.lead !== undefined) references.checkMember(mission.lead, ["missions", m, "lead"]);
  mission.members.forEach((member, i) => {
    // The path is built only for an unknown member: missions of 20 000 members (bench/).
    if (!references.memberSet.has(member)) references.checkMember(member, ["missions", m, "members", i]);
  });
  const participants = new Set(mission.members);
  if (participants.size !== mission.members.length)
    issues.push(
      ...findDuplicates(
        mission.members,
        (member) => member,
        ENTITY_NAMES.member,
        (i) => ["missions", m, "members", i],
      ),
    );
  for (const section of SECTIONS) {
    const key = mission.keys[section];
    if (!references.keyIds.includes(key)) {
      references.unknown(ENTITY_NAMES.key, key, references.keyIds, ["missions", m, "keys", section]);
      continue;
    }
    for (const member of keyMembers.get(key) ?? []) {
      // Unknown members are reported on the key itself.
      if (!references.memberSet.has(member)) continue;
      if (!participants.has(member) && !reportedOutsiders.has(`${key}\u0000${member}`)) {
        reportedOutsiders.add(`${key}\u0000${member}`);
        issues.push({
          code: "mission.key_member_not_participant",
          path: ["missions", m, "members"],
          details: { key, mission: mission.id, member },
        });
      }
    }
  }
}

/** Checks every mission (see validateMission), appending the problems to `issues`. */
export function validateMissions(
  missions: readonly Mission[],
  references: ReferenceChecks,
  keyMembers: ReadonlyMap<string, ReadonlySet<string>>,
  issues: Issue[],
): void {
  missions.forEach((mission, m) => {
    validateMission(mission, m, references, keyMembers, issues);
  });
}
