import type { EntenteFileData } from "../contracts/entente-file.ts";
import { type AllocationKey, type KeyBasis, type Mission, SECTIONS } from "../domain/entente.ts";

/** The members a basis names (those of its first criterion for criteria). */
function membersOfBasis(basis: KeyBasis): string[] {
  if (basis.kind === "usage") return basis.usage.values.map((v) => v.member);
  return basis.kind === "criteria"
    ? (basis.criteria[0]?.values.map((v) => v.member) ?? [])
    : basis.shares.map((s) => s.member);
}

/** The members a key names over all its periods. */
function membersOfKey(keys: readonly AllocationKey[], keyId: string): string[] {
  const key = keys.find((k) => k.id === keyId);
  if (key === undefined) return [];
  return [key.basis, ...(key.periods ?? []).map((p) => p.basis)].flatMap(membersOfBasis);
}

/**
 * The file's missions. A mission's key for a section is `keys.<section>`, else `key`, else the
 * entente's default key; its participants default to the members of its keys (unknown ids are
 * reported on the key itself).
 */
export function toMissions(data: EntenteFileData, keys: readonly AllocationKey[]): Mission[] {
  const defaultKey = data.entente.defaultKey;
  const memberIds = new Set(data.members.map((m) => m.id));
  // Each key's members once, not once per mission and section (20 000-member keys, bench/).
  const keyMembers = new Map<string, string[]>();
  const membersOf = (keyId: string) => {
    let members = keyMembers.get(keyId);
    if (members === undefined) {
      members = membersOfKey(keys, keyId);
      keyMembers.set(keyId, members);
    }
    return members;
  };
  // Missions on the same keys share one list of participants (the model is immutable): 30 socle
  // missions over 20 000 members are one list, not 30 (bench/).
  const participantsOfKeys = new Map<string, string[]>();
  const participantsOf = (missionKeys: Mission["keys"]) => {
    const id = `${missionKeys.investissement}\u0000${missionKeys.fonctionnement}`;
    let members = participantsOfKeys.get(id);
    if (members === undefined) {
      members = [...new Set(SECTIONS.flatMap((s) => membersOf(missionKeys[s])))].filter((m) =>
        memberIds.has(m),
      );
      participantsOfKeys.set(id, members);
    }
    return members;
  };
  return data.missions.map((mission) => {
    const missionKeys = {
      investissement: mission.keys?.investissement ?? mission.key ?? defaultKey,
      fonctionnement: mission.keys?.fonctionnement ?? mission.key ?? defaultKey,
    };
    const members = mission.members ?? participantsOf(missionKeys);
    return {
      id: mission.id,
      name: mission.name,
      kind: mission.kind,
      members,
      keys: missionKeys,
      ...(mission.lead === undefined ? {} : { lead: mission.lead }),
    };
  });
}
