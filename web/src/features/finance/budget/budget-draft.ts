import { ReceiptKind as ReceiptKindSchema } from "../../../../../src/finance/contracts/api.ts";
import { formatAmountInput, toApiDecimal } from "../../../../../src/shared/money-input.ts";
import type { BudgetLine, ReceiptKind, Section } from "../finance-types.ts";

/**
 * Expense, or receipt of a kind, as one choice: "expense" or "receipt.grant". One select instead
 * of two keeps the table narrow, and a receipt can never lack its kind.
 */
export type Flow = "expense" | `receipt.${ReceiptKind}`;
/** Every flow a line may have, expense first. */
export const FLOWS: readonly Flow[] = [
  "expense",
  ...ReceiptKindSchema.options.map((k) => `receipt.${k}` as const),
];

/** A budget line as edited. */
export type DraftLine = {
  /** Stable identity of the row while editing (React key, input ids). */
  rowId: number;
  missionId: string;
  label: string;
  section: Section;
  flow: Flow;
  /** As typed ("45 276,50"); sent in the API's form ("45276.50"). */
  amount: string;
  nature: string;
};

/** A line as a person edits it: its amount written the reader's way ("45 276,50" in French). */
export const toDraftLine = (line: BudgetLine, rowId: number, language: string): DraftLine => ({
  rowId,
  missionId: line.missionId ?? "",
  label: line.label,
  section: line.section,
  flow: line.direction === "expense" ? "expense" : `receipt.${line.receiptKind ?? "other"}`,
  amount: formatAmountInput(line.amount, language),
  nature: line.nature ?? "",
});

/** A new, empty line: an operating expense of the entente as a whole. */
export const emptyDraftLine = (rowId: number): DraftLine => ({
  rowId,
  missionId: "",
  label: "",
  section: "fonctionnement",
  flow: "expense",
  amount: "",
  nature: "",
});

/** What the API expects: amounts typed "45 276,50" are sent as "45276.50", empty text as null. */
export function toLine(draft: DraftLine): unknown {
  return {
    missionId: draft.missionId === "" ? null : draft.missionId,
    label: draft.label,
    section: draft.section,
    direction: draft.flow === "expense" ? "expense" : "receipt",
    receiptKind: draft.flow === "expense" ? null : draft.flow.slice("receipt.".length),
    amount: toApiDecimal(draft.amount),
    nature: draft.nature.trim() === "" ? null : draft.nature.trim(),
  };
}

/** Whether a line is an expense or a receipt (the section balance reads it). */
export const directionOf = (line: DraftLine) => (line.flow === "expense" ? "expense" : "receipt");
