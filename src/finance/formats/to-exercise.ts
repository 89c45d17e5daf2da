import type { EntenteFileData } from "../contracts/entente-file.ts";
import type { Adjustment, Advance, BudgetLine, Exercise } from "../domain/entente.ts";
import { SECTIONS } from "../domain/entente.ts";
import type { NumberReaders } from "./create-number-readers.ts";
import { RECEIPT_LABELS } from "./receipt-labels.ts";

type ExerciseEntry = EntenteFileData["exercises"][number];

interface LineEntry {
  mission?: string | undefined;
  nature?: string | undefined;
  investissement?: string | number | undefined;
  fonctionnement?: string | number | undefined;
}

/** One budget line per section an expense or receipt entry gives an amount for. */
function linesOf(
  entry: LineEntry,
  base: (string | number)[],
  line: { direction: "expense" | "receipt"; label: string; receiptKind?: BudgetLine["receiptKind"] },
  read: NumberReaders,
): BudgetLine[] {
  return SECTIONS.flatMap((section): BudgetLine[] => {
    const value = entry[section];
    if (value === undefined) return [];
    const path = [...base, section];
    return [
      {
        label: line.label,
        section,
        direction: line.direction,
        amount: read.amount(value, path),
        path,
        ...(entry.mission === undefined ? {} : { mission: entry.mission }),
        ...(entry.nature === undefined ? {} : { nature: entry.nature }),
        ...(line.receiptKind === undefined ? {} : { receiptKind: line.receiptKind }),
      },
    ];
  });
}

/** The expenses, then the receipts, of exercise entry `e` as budget lines. */
function budgetLinesOf(exercise: ExerciseEntry, e: number, read: NumberReaders): BudgetLine[] {
  return [
    ...exercise.expenses.flatMap((line, i) =>
      linesOf(line, ["exercises", e, "expenses", i], { direction: "expense", label: line.label }, read),
    ),
    ...exercise.receipts.flatMap((line, i) =>
      linesOf(
        line,
        ["exercises", e, "receipts", i],
        { direction: "receipt", label: line.label ?? RECEIPT_LABELS[line.kind], receiptKind: line.kind },
        read,
      ),
    ),
  ];
}

/**
 * Exercise entry `e` of the file as the domain model holds it: its lines, advances (shared by the
 * default key unless they name one) and adjustments; called in its own year unless it says when.
 */
export function toExercise(
  exercise: ExerciseEntry,
  e: number,
  defaultKey: string,
  read: NumberReaders,
): Exercise {
  const lines = budgetLinesOf(exercise, e, read);
  const advances: Advance[] = exercise.advances.map((advance, i) => ({
    id: advance.id,
    label: advance.label,
    member: advance.member,
    amount: read.amount(advance.amount, ["exercises", e, "advances", i, "amount"]),
    key: advance.key ?? defaultKey,
    path: ["exercises", e, "advances", i],
  }));
  const adjustments: Adjustment[] = exercise.adjustments.map((adjustment, i) => ({
    id: adjustment.id,
    label: adjustment.label,
    amounts: Object.entries(adjustment.amounts).map(([member, value]) => ({
      member,
      amount: read.amount(value, ["exercises", e, "adjustments", i, "amounts", member], true),
    })),
    path: ["exercises", e, "adjustments", i],
  }));
  return {
    year: exercise.year,
    calledIn: exercise.calledIn ?? exercise.year,
    lines,
    advances,
    adjustments,
    path: ["exercises", e],
  };
}
