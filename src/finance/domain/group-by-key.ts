import type { Cents } from "../../shared/money.ts";
import {
  type BudgetLine,
  type Entente,
  type Exercise,
  type Mission,
  SECTIONS,
  type Section,
} from "./entente.ts";

/** Contribution receipts and net cost of one (key, section) group of an exercise. */
export interface KeyGroup {
  readonly key: string;
  readonly section: Section;
  /** Member contributions recorded as receipts for the missions of this key. */
  readonly contributions: Cents;
  /** Expenses minus the other receipts of the missions of this key. */
  readonly netCost: Cents;
  /** Missions whose lines fall in this group (`null` stands for general lines). */
  readonly missions: readonly (string | null)[];
}

/**
 * The key that shares a line's cost: its mission's key for the line's section, or the entente's
 * default key for general lines.
 */
export function keyOfLine(
  entente: Entente,
  line: Pick<BudgetLine, "mission" | "section">,
  missions: ReadonlyMap<string, Mission> = new Map(entente.missions.map((m) => [m.id, m])),
): string {
  const mission = line.mission === undefined ? undefined : missions.get(line.mission);
  return mission?.keys[line.section] ?? entente.defaultKey;
}

/**
 * Groups an exercise's lines by (key, section): the amount the members must finance under each
 * key is the sum of the `contribution` receipts of that group. Groups are listed in the order of
 * first appearance in the budget, investment before operating.
 */
export function groupByKey(entente: Entente, exercise: Exercise): KeyGroup[] {
  const groups = new Map<
    string,
    { key: string; section: Section; contributions: Cents; netCost: Cents; missions: (string | null)[] }
  >();
  const missions = new Map(entente.missions.map((m) => [m.id, m]));
  for (const section of SECTIONS) {
    for (const line of exercise.lines) {
      if (line.section !== section) continue;
      const key = keyOfLine(entente, line, missions);
      const id = `${key}\u0000${section}`;
      let group = groups.get(id);
      if (group === undefined) {
        group = { key, section, contributions: 0n, netCost: 0n, missions: [] };
        groups.set(id, group);
      }
      const mission = line.mission ?? null;
      if (!group.missions.includes(mission)) group.missions.push(mission);
      if (line.direction === "expense") group.netCost += line.amount;
      else if (line.receiptKind === "contribution") group.contributions += line.amount;
      else group.netCost -= line.amount;
    }
  }
  return [...groups.values()];
}
