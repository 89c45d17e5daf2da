import { createContext, type ReactNode, useContext, useMemo } from "react";
import { EntenteDetail } from "../../../../../src/finance/contracts/api.ts";
import { type Resource, useResource } from "../../../shared/api/use-resource.ts";
import { financePaths } from "../finance-paths.ts";
import type { EntenteDetail as Detail } from "../finance-types.ts";

type EntenteValue = {
  entente: Detail;
  /** Reads the entente again (after a change to members, keys, missions or a budget status). */
  reload: () => void;
  /** Replaces the entente in memory with a change the server confirmed. */
  update: (change: (entente: Detail) => Detail) => void;
  memberName: (memberId: string) => string;
  missionName: (missionId: string | null) => string | null;
};

const EntenteContext = createContext<EntenteValue | null>(null);

/** Loads the entente once for every page under /ententes/:id (names of members and missions, years). */
export function useEntenteResource(ententeId: string): Resource<Detail> {
  return useResource(financePaths.entente(ententeId), EntenteDetail);
}

/** Gives the pages under it the loaded entente, with the names of its members and missions; nothing until it is loaded. */
export function EntenteProvider({ resource, children }: { resource: Resource<Detail>; children: ReactNode }) {
  const { data, reload, setData } = resource;
  const value = useMemo(() => {
    if (data === undefined) return null;
    const members = new Map(data.members.map((m) => [m.id, m.name]));
    const missions = new Map(data.missions.map((m) => [m.id, m.name]));
    return {
      entente: data,
      reload,
      update: (change: (entente: Detail) => Detail) => setData(change(data)),
      memberName: (id: string) => members.get(id) ?? id,
      missionName: (id: string | null) => (id === null ? null : (missions.get(id) ?? id)),
    };
  }, [data, reload, setData]);
  if (value === null) return null;
  return <EntenteContext value={value}>{children}</EntenteContext>;
}

/** The entente of the page, its names and how to refresh it; only under {@link EntenteProvider}. */
export function useEntente(): EntenteValue {
  const value = useContext(EntenteContext);
  if (value === null) throw new Error("useEntente outside <EntenteProvider>");
  return value;
}

/** The years that have an exercise, latest first. */
export function exerciseYears(entente: Detail): number[] {
  return entente.exercises.map((e) => e.year).sort((a, b) => b - a);
}

/** The years a budget report exists for: every exercise and every year one is called in, latest first. */
export function reportYears(entente: Detail): number[] {
  return [...new Set(entente.exercises.flatMap((e) => [e.year, e.calledIn]))].sort((a, b) => b - a);
}
