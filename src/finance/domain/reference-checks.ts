import type { Issue, Localized } from "../errors.ts";
import type { Entente } from "./entente.ts";
import { ENTITY_NAMES } from "./entity-names.ts";

type Path = (string | number)[];

/**
 * The ids an entente declares, and the checks of a reference to one of them. A failed check
 * appends `entente.unknown_reference` to the list given to `createReferenceChecks` at once, so
 * that problems keep the order in which the validator meets them.
 */
export interface ReferenceChecks {
  readonly memberIds: readonly string[];
  readonly memberSet: ReadonlySet<string>;
  readonly keyIds: readonly string[];
  readonly missionIds: readonly string[];
  /** Reports `id` as unknown, listing the known ids (at most 20 of them). */
  unknown(what: Localized, id: string, known: readonly string[], path: Path): void;
  /** Reports `id` unless it is a member of the entente. */
  checkMember(id: string, path: Path): void;
}

/** The reference checks of `entente`, appending their problems to `issues`. */
export function createReferenceChecks(entente: Entente, issues: Issue[]): ReferenceChecks {
  const memberIds = entente.members.map((m) => m.id);
  const memberSet = new Set(memberIds);
  const unknown = (what: Localized, id: string, known: readonly string[], path: Path) => {
    const shown =
      known.length > 20 ? `${known.slice(0, 20).join(", ")}… (${known.length})` : known.join(", ");
    issues.push({ code: "entente.unknown_reference", path, details: { what, id, known: shown || "—" } });
  };
  return {
    memberIds,
    memberSet,
    keyIds: entente.keys.map((k) => k.id),
    missionIds: entente.missions.map((m) => m.id),
    unknown,
    checkMember: (id, path) => {
      if (!memberSet.has(id)) unknown(ENTITY_NAMES.member, id, memberIds, path);
    },
  };
}
