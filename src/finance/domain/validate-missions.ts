import type { Issue } from "../errors.ts";
import { type Mission, SECTIONS } from "./entente.ts";
import { ENTITY_NAMES } from "./entity-names.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { ReferenceChecks } from "./reference-checks.ts";

/**
 * What a list of participants gives every mission that shares it (to-missions.ts gives missions
 * on the same keys one list): its set, the positions of unknown members, and per key the key's
 * members outside it. Computed once per list and key: 50 missions of 20 000 members (bench/).
 */
interface ParticipantsFacts {
  readonly participants: ReadonlySet<string>;
  readonly unknownAt: readonly number[];
  readonly outsidersByKey: Map<string, readonly string[]>;
}

type FactsCache = WeakMap<readonly string[], ParticipantsFacts>;

function factsOf(
  members: readonly string[],
  references: ReferenceChecks,
  cache: FactsCache,
): ParticipantsFacts {
  let facts = cache.get(members);
  if (facts === undefined) {
    const unknownAt: number[] = [];
    members.forEach((member, i) => {
      if (!references.memberSet.has(member)) unknownAt.push(i);
    });
    facts = { participants: new Set(members), unknownAt, outsidersByKey: new Map() };
    cache.set(members, facts);
  }
  return facts;
}

/** The known members of `key` that are not participants, each once. */
function outsidersOf(
  facts: ParticipantsFacts,
  key: string,
  keyMembers: ReadonlyMap<string, ReadonlySet<string>>,
  references: ReferenceChecks,
): readonly string[] {
  let outsiders = facts.outsidersByKey.get(key);
  if (outsiders === undefined) {
    // Unknown members are reported on the key itself.
    outsiders = [...(keyMembers.get(key) ?? [])].filter(
      (member) => references.memberSet.has(member) && !facts.participants.has(member),
    );
    facts.outsidersByKey.set(key, outsiders);
  }
  return outsiders;
}

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
  cache: FactsCache,
): void {
  if (mission.lead !== undefined) references.checkMember(mission.lead, ["missions", m, "lead"]);
  const facts = factsOf(mission.members, references, cache);
  for (const i of facts.unknownAt)
    references.checkMember(mission.members[i] ?? "", ["missions", m, "members", i]);
  if (facts.participants.size !== mission.members.length)
    issues.push(
      ...findDuplicates(
        mission.members,
        (member) => member,
        ENTITY_NAMES.member,
        (i) => ["missions", m, "members", i],
      ),
    );
  const reported = new Set<string>();
  for (const section of SECTIONS) {
    const key = mission.keys[section];
    if (!references.keyIds.includes(key)) {
      references.unknown(ENTITY_NAMES.key, key, references.keyIds, ["missions", m, "keys", section]);
      continue;
    }
    if (reported.has(key)) continue;
    reported.add(key);
    for (const member of outsidersOf(facts, key, keyMembers, references))
      issues.push({
        code: "mission.key_member_not_participant",
        path: ["missions", m, "members"],
        details: { key, mission: mission.id, member },
      });
  }
}

/** Checks every mission (see validateMission), appending the problems to `issues`. */
export function validateMissions(
  missions: readonly Mission[],
  references: ReferenceChecks,
  keyMembers: ReadonlyMap<string, ReadonlySet<string>>,
  issues: Issue[],
): void {
  const cache: FactsCache = new WeakMap();
  missions.forEach((mission, m) => {
    validateMission(mission, m, references, keyMembers, issues, cache);
  });
}
