import type { Cents } from "../../shared/money.ts";
import type { AnnexGroup, BudgetAnnex, BySection } from "./budget-report.ts";
import { type Entente, type Exercise, type ReceiptKind, SECTIONS, type Section } from "./entente.ts";
import { zeroBySection } from "./zero-by-section.ts";

interface GroupBeingBuilt {
  readonly mission: AnnexGroup["mission"];
  readonly rows: Map<string, { label: string; amounts: Record<Section, Cents>; receiptKind?: ReceiptKind }>;
  readonly subtotal: Record<Section, Cents>;
}

/** The expense or receipt side of the annex: lines summed by mission, then by label and kind. */
function annexSide(entente: Entente, exercise: Exercise, direction: "expense" | "receipt"): AnnexGroup[] {
  const groups = new Map<string, GroupBeingBuilt>();
  for (const line of exercise.lines) {
    if (line.direction !== direction) continue;
    const missionId = line.mission ?? "";
    let group = groups.get(missionId);
    if (group === undefined) {
      const mission = entente.missions.find((m) => m.id === line.mission);
      group = {
        mission: mission ? { id: mission.id, name: mission.name, kind: mission.kind } : null,
        rows: new Map(),
        subtotal: zeroBySection(),
      };
      groups.set(missionId, group);
    }
    const rowId = `${line.receiptKind ?? ""}\u0000${line.label}`;
    let row = group.rows.get(rowId);
    if (row === undefined) {
      row = {
        label: line.label,
        amounts: zeroBySection(),
        ...(line.receiptKind ? { receiptKind: line.receiptKind } : {}),
      };
      group.rows.set(rowId, row);
    }
    row.amounts[line.section] += line.amount;
    group.subtotal[line.section] += line.amount;
  }
  // General lines first, then missions in the entente's order.
  const order = (g: AnnexGroup) =>
    g.mission === null ? -1 : entente.missions.findIndex((m) => m.id === g.mission?.id);
  return [...groups.values()]
    .map((g) => ({ mission: g.mission, rows: [...g.rows.values()], subtotal: g.subtotal }))
    .sort((a, b) => order(a) - order(b));
}

function totalOf(groups: readonly AnnexGroup[]): BySection {
  const sum = zeroBySection();
  for (const g of groups) for (const s of SECTIONS) sum[s] += g.subtotal[s];
  return sum;
}

/**
 * The budget annex of one exercise (expenses and receipts by mission and section, totals and
 * balance). Needs no valid entente: it also shows a draft that is out of balance.
 */
export function buildAnnex(entente: Entente, exercise: Exercise): BudgetAnnex {
  const expenses = annexSide(entente, exercise, "expense");
  const receipts = annexSide(entente, exercise, "receipt");
  const totalExpenses = totalOf(expenses);
  const totalReceipts = totalOf(receipts);
  const balance = zeroBySection();
  for (const s of SECTIONS) balance[s] = totalReceipts[s] - totalExpenses[s];
  return { expenses, receipts, totalExpenses, totalReceipts, balance };
}
