import type { EntenteDetail } from "../finance-types.ts";

/** A usage key's request as typed: mission spécifique, section, exercise, service, and what is counted. */
export type UsageKeyDraft = {
  missionId: string;
  section: "investissement" | "fonctionnement";
  year: string;
  service: string;
  /** `seats` (the subscription's accounts) or `measured` (a metric the service reports). */
  counted: "seats" | "measured";
  /** The reported metric's name when `counted` is `measured` (`storage_used`…). */
  metric: string;
};

/** The missions spécifiques: the ones a usage key shares (a mission socle is shared by all). */
export function specificMissions(entente: Pick<EntenteDetail, "missions">) {
  return entente.missions.filter((m) => m.kind === "specifique");
}

/**
 * What `POST …/usage-keys` expects: the year as a number when it is one (the contract refuses
 * anything else), the metric `seats` or the one typed, and `freeze` to store it from that year.
 */
export function toUsageKeyBody(draft: UsageKeyDraft, freeze: boolean) {
  const year = /^\d{4}$/.test(draft.year.trim()) ? Number(draft.year.trim()) : draft.year;
  return {
    missionId: draft.missionId,
    section: draft.section,
    year,
    service: draft.service,
    metric: draft.counted === "seats" ? "seats" : draft.metric.trim(),
    freeze,
  };
}

type Key = EntenteDetail["keys"][number];
type Period = NonNullable<Key["periods"]>[number];

/** A frozen usage key of a mission spécifique: the mission, section, key and the key's usage period. */
export type FrozenUsageKey = {
  missionId: string;
  missionName: string;
  section: "investissement" | "fonctionnement";
  keyLabel: string;
  period: Period;
};

/**
 * Every usage period frozen in the keys of the missions spécifiques (`basis: "usage"`), by
 * mission and section, oldest first: what readers see of a usage key (its figures stay as frozen).
 */
export function frozenUsageKeys(entente: Pick<EntenteDetail, "missions" | "keys">): FrozenUsageKey[] {
  return specificMissions(entente).flatMap((mission) =>
    (["investissement", "fonctionnement"] as const).flatMap((section) => {
      const key = entente.keys.find((k) => k.id === mission.keys[section]);
      return (key?.periods ?? [])
        .filter((p) => p.basis === "usage")
        .map((period) => ({
          missionId: mission.id,
          missionName: mission.name,
          section,
          keyLabel: key?.label ?? mission.keys[section],
          period,
        }));
    }),
  );
}
